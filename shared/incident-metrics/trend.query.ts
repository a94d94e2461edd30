import { sql } from 'kysely'
import { defineQuery } from '../catalogue/define'
import { datesBetween, nextDate } from './metrics.math'
import { TrendInput } from './metrics.schema'
import { metricsBase } from './metrics.sql'

export type TrendRow = { date: string; count: number }

export const incidentTrend = defineQuery({
  name: 'incident.metrics.trend',
  summary: 'Visible incidents discovered per UTC date, one row for every date of the range (incidents §11).',
  input: TrendInput,
  async handler(ctx, input): Promise<TrendRow[]> {
    const day = sql<string>`substr(incident.discovered_at, 1, 10)`
    const rows = await metricsBase(ctx, input.filters)
      .where('incident.discovered_at', '>=', input.from)
      .where('incident.discovered_at', '<', nextDate(input.to))
      .select([day.as('date'), (eb) => eb.fn.countAll<string | number>().as('n')])
      .groupBy(day)
      .execute()
    const counts = new Map(rows.map((r) => [r.date, Number(r.n)]))
    return datesBetween(input.from, input.to).map((date) => ({ date, count: counts.get(date) ?? 0 }))
  },
})
