import { z } from 'zod'
import { defineQuery } from '../catalogue/define'
import { fail } from '../core/errors'
import { Id } from '../core/primitives'
import { allMatrices, publishedMatrix } from '../risk-matrix/matrix.bands'
import { CalendarDate } from './risk.schema'
import { activeOn, Basis, HeatFilters, snapshotViews, visibleRiskOrNull } from './risk.snapshots'

export const MAX_TREND_POINTS = 60

/**
 * The interval end dates within [from, to]: month ends, or quarter ends (31 Mar, 30 Jun, 30 Sep, 31 Dec).
 * Stops counting one past `limit`, so a huge range costs nothing.
 */
export function intervalEnds(from: string, to: string, interval: 'MONTH' | 'QUARTER', limit = MAX_TREND_POINTS + 1) {
  const out: string[] = []
  let year = Number(from.slice(0, 4))
  let month = Number(from.slice(5, 7)) // 1–12
  const step = interval === 'MONTH' ? 1 : 3
  if (interval === 'QUARTER') month = Math.ceil(month / 3) * 3
  for (;;) {
    // Day 0 of the next month is the last day of this one.
    const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)
    if (end > to) break
    if (end >= from) out.push(end)
    if (out.length >= limit) break
    month += step
    if (month > 12) {
      month -= 12
      year += 1
    }
  }
  return out
}

/** risks.md §10 `risk.trend`: the risk's snapshots in `taken_at` order, for the detail's History chart. */
export const riskTrend = defineQuery({
  name: 'risk.trend',
  summary: "A risk's approval and retirement snapshots over time.",
  input: z.strictObject({ risk_id: Id }),
  async handler(ctx, input) {
    const risk = await visibleRiskOrNull(ctx, input.risk_id)
    if (!risk) return fail.notFound('Risk')
    const rows = await ctx.db
      .selectFrom('risk_snapshot as s')
      .innerJoin('risk as r', 'r.id', 's.risk_id')
      .selectAll('s')
      .select('r.ref')
      .where('s.risk_id', '=', risk.id)
      .orderBy('s.taken_at')
      .orderBy('s.risk_version')
      .execute()
    const views = await snapshotViews(ctx.db, rows)
    return {
      risk_id: risk.id,
      points: views.map((v) => ({
        snapshot_id: v.id,
        taken_at: v.taken_at,
        trigger: v.trigger,
        status: v.status,
        risk_version: v.risk_version,
        inherent_score: v.inherent_score,
        inherent_band: v.inherent_band,
        inherent_band_label: v.inherent_band_label,
        inherent_colour: v.inherent_colour,
        residual_score: v.residual_score,
        residual_band: v.residual_band,
        residual_band_label: v.residual_band_label,
        residual_colour: v.residual_colour,
        control_count: v.control_count,
        worst_kri_status: v.worst_kri_status,
        actor: v.actor,
      })),
    }
  },
})

export const PortfolioTrendInput = z
  .strictObject({
    from: CalendarDate,
    to: CalendarDate,
    interval: z.enum(['MONTH', 'QUARTER']),
    basis: Basis,
    ...HeatFilters,
  })
  .check((ctx) => {
    const { from, to, interval } = ctx.value
    if (from > to)
      ctx.issues.push({
        code: 'custom',
        message: 'The end date must not be before the start date.',
        path: ['to'],
        input: to,
      })
    else if (intervalEnds(from, to, interval).length > MAX_TREND_POINTS)
      ctx.issues.push({ code: 'custom', message: 'At most 60 points.', path: ['to'], input: to })
  })

/**
 * risks.md §10 `risk.portfolioTrend`: for each interval end date in [from, to], the active risks on that
 * date (§10 snapshot state, visibility and filters on the snapshot) per band of the basis, bands as each
 * snapshot recorded them under its own matrix version.
 */
export const portfolioTrend = defineQuery({
  name: 'risk.portfolioTrend',
  summary: 'Active risks per band at each month or quarter end.',
  input: PortfolioTrendInput,
  async handler(ctx, input) {
    const published = await publishedMatrix(ctx.db)
    const matrices = await allMatrices(ctx.db)
    const col = input.basis === 'INHERENT' ? 'risk.inherent_band' : 'risk.residual_band'
    const seen = new Map<string, { label: string | null; colour: string | null; text_colour: string | null }>()
    for (const b of published.bands) seen.set(b.code, { label: b.label, colour: b.colour, text_colour: b.text_colour })
    const points = []
    for (const date of intervalEnds(input.from, input.to, input.interval)) {
      const rows = await activeOn(ctx, date, input)
        .select((eb) => [eb.ref(col).as('band'), 'risk.matrix_version_id', eb.fn.countAll<number>().as('n')])
        .groupBy([col, 'risk.matrix_version_id'])
        .execute()
      const counts: Record<string, number> = Object.fromEntries(published.bands.map((b) => [b.code, 0]))
      let total = 0
      for (const r of rows) {
        const code = r.band ?? 'NONE'
        const n = Number(r.n)
        counts[code] = (counts[code] ?? 0) + n
        total += n
        if (!seen.has(code)) {
          const band = matrices.get(r.matrix_version_id)?.bands.find((b) => b.code === code)
          seen.set(code, {
            label: band?.label ?? null,
            colour: band?.colour ?? null,
            text_colour: band?.text_colour ?? null,
          })
        }
      }
      points.push({ date, counts, total })
    }
    return {
      basis: input.basis,
      interval: input.interval,
      bands: [...seen].map(([code, style]) => ({ code, ...style })),
      points,
    }
  },
})
