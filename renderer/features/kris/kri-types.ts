// The KRI answers as the screens use them: straight from the catalogue's types, no restatement.
import type { InputOf, OutputOf } from '#shared/catalogue/types'

export type KriListInput = InputOf<'kri.list'>
export type KriRow = OutputOf<'kri.list'>['items'][number]
export type KriDetailData = OutputOf<'kri.get'>
export type KriValueRow = OutputOf<'kri.values'>['items'][number]
export type KriVersionRow = OutputOf<'kri.valueHistory'>['items'][number]
export type KriThresholdRow = OutputOf<'kri.thresholdHistory'>['items'][number]
export type KriBreachesInput = InputOf<'kri.breaches'>
export type KriBreachRow = OutputOf<'kri.breaches'>['items'][number]
export type KriDashboardData = OutputOf<'kri.dashboard'>
export type KriWorstRow = KriDashboardData['worst'][number]
export type KriTrendData = OutputOf<'kri.trend'>
export type KriStatusCode = 'RED' | 'AMBER' | 'GREEN' | 'NO_DATA'

export const KRI_STATUS_CODES: readonly KriStatusCode[] = ['RED', 'AMBER', 'GREEN', 'NO_DATA']
export const ORIGIN_LABELS: Record<string, string> = {
  RECORDED: 'Recorded',
  CORRECTED: 'Corrected',
  THRESHOLD_CHANGE: 'Threshold change',
}
