import { defineQuery } from '../catalogue/define'
import { fail } from '../core/errors'
import { formatE4 } from './kri.decimal.rules'
import {
  addDays,
  enumeratePeriods,
  isOverdue,
  latestStartedPeriod,
  periodsBefore,
  type Calendar,
  type Frequency,
} from './kri.period.rules'
import { TrendInput } from './kri.schema'
import { thresholdsAsDecimals, type Direction, type ValueStatus } from './kri.status.rules'
import { calendarOf, liveSets, loadKri, overdueFactsOf, setInForce, thresholdsOf, todayOf } from './kri.store'

export const MAX_TREND_PERIODS = 1000

/** §9.2 default range: ends with the latest period that has started; DAILY 90 days, WEEKLY 26 weeks, … */
export function defaultTrendRange(cal: Calendar, today: string): { from: string; to: string } {
  const last = latestStartedPeriod(cal, today)
  const count: Record<Frequency, number> = { DAILY: 90, WEEKLY: 26, MONTHLY: 24, QUARTERLY: 12, ANNUALLY: 10 }
  const from =
    cal.frequency === 'DAILY'
      ? addDays(last.start, -(count.DAILY - 1))
      : periodsBefore(cal, last.start, count[cal.frequency] - 1)
  return { from, to: last.start }
}

/** kris.md §9.2 `kri.trend`: one point per period in range, oldest first, numbers as decimal strings. */
export const kriTrend = defineQuery({
  name: 'kri.trend',
  summary: 'Trend points of a KRI: values, statuses, missing/overdue flags and thresholds per period.',
  input: TrendInput,
  async handler(ctx, input) {
    const k = await loadKri(ctx, input.kri_id)
    const cal = calendarOf(k)
    const today = todayOf(ctx.now)
    const range = defaultTrendRange(cal, input.to ?? today)
    const from = input.from ?? range.from
    const to = input.to ?? range.to
    if (from > to) fail.field('from', 'The range must start on or before its end.')
    const periods = enumeratePeriods(cal, from, to, MAX_TREND_PERIODS)
    if (periods.length > MAX_TREND_PERIODS) fail.field('from', 'Range too long: at most 1000 periods.')

    const first = periods[0]
    const last = periods[periods.length - 1]
    const [sets, values] = await Promise.all([
      liveSets(ctx.db, k.id),
      first && last
        ? ctx.db
            .selectFrom('kri_value')
            .select(['period_start', 'value_e4', 'status', 'version_no'])
            .where('kri_id', '=', k.id)
            .where('is_current', '=', 1)
            .where('period_start', '>=', first.start)
            .where('period_start', '<=', last.start)
            .execute()
        : Promise.resolve([]),
    ])
    const byStart = new Map(values.map((v) => [v.period_start, v]))
    const facts = overdueFactsOf(k)
    const points = periods.map((p) => {
      const v = byStart.get(p.start)
      const set = setInForce(sets, p.start)
      const expected = p.start >= k.first_period_start
      return {
        period_start: p.start,
        period_end: p.end,
        value: v ? formatE4(v.value_e4) : null,
        status: (v?.status ?? null) as ValueStatus | null,
        version_no: v?.version_no ?? null,
        missing: !v && expected,
        overdue: !v && isOverdue(facts, p, false, today),
        thresholds: { set_seq: set.seq, ...thresholdsAsDecimals(thresholdsOf(set)) },
      }
    })
    return {
      kri: {
        id: k.id,
        ref: k.ref,
        name: k.name,
        unit: k.unit,
        direction: setInForce(sets, latestStartedPeriod(cal, today).start).direction as Direction,
        frequency: k.frequency as Frequency,
      },
      from: first?.start ?? from,
      to: last?.end ?? to,
      points,
    }
  },
})
