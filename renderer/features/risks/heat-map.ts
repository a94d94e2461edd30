/** The heat map dashboard's filter bar (risks.md §11): one business unit, one category, an optional as-of date. */
export type HeatBar = { business_unit_id: string; risk_category_id: string; as_of: string }

export type HeatFilters = { business_unit_ids?: string[]; risk_category_ids?: string[]; as_of?: string }

/** The bar as `risk.heatMap` / `risk.snapshots` filters; an empty choice adds nothing. */
export function heatFilters(bar: HeatBar): HeatFilters {
  return {
    ...(bar.business_unit_id ? { business_unit_ids: [bar.business_unit_id] } : {}),
    ...(bar.risk_category_id ? { risk_category_ids: [bar.risk_category_id] } : {}),
    ...(bar.as_of ? { as_of: bar.as_of } : {}),
  }
}

/**
 * The portfolio trend's range: the twelve month ends from eleven months back to the end of this month, so the
 * last bar is the register as it stands now (the month is not over, so nothing after today counts yet).
 */
export function trendRange(today: string): { from: string; to: string } {
  const y = Number(today.slice(0, 4))
  const m = Number(today.slice(5, 7)) // 1–12
  const from = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10)
  const to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
  return { from, to }
}
