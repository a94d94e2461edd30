import { useCallback } from 'react'
import type { InputOf, OutputOf } from '#shared/catalogue/types'
import { api } from '#renderer/api'
import { useLoad } from '#renderer/hooks/use-load'

export type MttxRow = OutputOf<'incident.metrics.mttx'>[number]
export type CountRow = OutputOf<'incident.metrics.counts'>[number]
export type TrendRow = OutputOf<'incident.metrics.trend'>[number]
export type MttxGroup = Exclude<NonNullable<InputOf<'incident.metrics.mttx'>['group_by']>, 'none'>
export type MetricsFilters = NonNullable<InputOf<'incident.metrics.mttx'>['filters']>

export type AnalyticsData = {
  overall: MttxRow | null
  byStatus: CountRow[]
  bySeverity: CountRow[]
  trend: TrendRow[]
}

const DAY = 86_400_000
/** The last `days` UTC dates, today included ("today" is the UTC date, incidents §2). */
export function lastDays(days: number, now = Date.now()): { from: string; to: string } {
  const to = new Date(now).toISOString().slice(0, 10)
  const from = new Date(Date.parse(`${to}T00:00:00.000Z`) - (days - 1) * DAY).toISOString().slice(0, 10)
  return { from, to }
}

/** Everything the cards and charts show, already aggregated by the metrics queries (STYLE §6). */
export function useAnalytics(filters: MetricsFilters) {
  const key = JSON.stringify(filters)
  const load = useCallback(async (): Promise<AnalyticsData> => {
    const f = JSON.parse(key) as MetricsFilters
    const [mttx, byStatus, bySeverity, trend] = await Promise.all([
      api.call('incident.metrics.mttx', { filters: f, group_by: 'none' }),
      api.call('incident.metrics.counts', { filters: f, group_by: 'status' }),
      api.call('incident.metrics.counts', { filters: f, group_by: 'severity' }),
      api.call('incident.metrics.trend', { ...lastDays(30), filters: f }),
    ])
    return { overall: mttx[0] ?? null, byStatus, bySeverity, trend }
  }, [key])
  return useLoad(load)
}

/** One grouped MTTD/MTTR table. */
export function useGroupedMttx(filters: MetricsFilters, groupBy: MttxGroup) {
  const key = JSON.stringify(filters)
  const load = useCallback(
    () => api.call('incident.metrics.mttx', { filters: JSON.parse(key) as MetricsFilters, group_by: groupBy }),
    [key, groupBy],
  )
  return useLoad(load)
}

/** Hours as the cards show them: two decimals, or a dash when there is nothing to average. */
export const hours = (h: number | null) => (h === null ? '—' : `${h.toFixed(2)} h`)
