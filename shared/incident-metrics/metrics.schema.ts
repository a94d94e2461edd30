import { z } from 'zod'
import { DateOnly, Id } from '../core/primitives'

const DATE_MESSAGE = 'Enter a date like 2026-11-23.'
/** A real calendar date (2026-02-31 is refused), `YYYY-MM-DD`. */
export const CalendarDate = DateOnly.refine(
  (d) => !Number.isNaN(Date.parse(`${d}T00:00:00.000Z`)) && new Date(`${d}T00:00:00.000Z`).toISOString().startsWith(d),
  DATE_MESSAGE,
)
const RefCode = z.string().min(1).max(40)

/** The filters every metric takes (incidents §11); they combine with AND and with visibility (§8). */
export const MetricsFilters = z.strictObject({
  business_unit_id: Id.optional(),
  discovered_from: CalendarDate.optional(),
  discovered_to: CalendarDate.optional(),
  simplified_event_type_id: RefCode.optional(),
  /** A level-1 Basel type also matches its level-2 children. */
  basel_event_type_l1: RefCode.optional(),
  near_miss: z.boolean().optional(),
})
export type MetricsFilters = z.output<typeof MetricsFilters>

export const MTTX_GROUPS = [
  'none',
  'severity',
  'simplified_event_type',
  'basel_event_type_l1',
  'business_unit',
] as const
export const COUNT_GROUPS = [
  'status',
  'severity',
  'simplified_event_type',
  'basel_event_type_l1',
  'business_unit',
] as const
export type MetricsGroup = (typeof MTTX_GROUPS)[number] | (typeof COUNT_GROUPS)[number]

export const MttxInput = z.strictObject({
  filters: MetricsFilters.default({}),
  group_by: z.enum(MTTX_GROUPS).default('none'),
})
export const CountsInput = z.strictObject({
  filters: MetricsFilters.default({}),
  group_by: z.enum(COUNT_GROUPS).default('status'),
})

export const MAX_TREND_DAYS = 366
export const TrendInput = z
  .strictObject({ from: CalendarDate, to: CalendarDate, filters: MetricsFilters.default({}) })
  .check((ctx) => {
    const { from, to } = ctx.value
    if (to < from)
      ctx.issues.push({
        code: 'custom',
        path: ['to'],
        message: 'The end date cannot be before the start date.',
        input: to,
      })
    else if (daysBetween(from, to) + 1 > MAX_TREND_DAYS)
      ctx.issues.push({ code: 'custom', path: ['to'], message: 'Choose a range of at most 366 days.', input: to })
  })

export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / 86_400_000)
