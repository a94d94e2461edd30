import { incidentCounts } from './counts.query'
import { incidentMttx } from './mttx.query'
import { incidentTrend } from './trend.query'

/** This module's catalogue entries, in the order the catalogue lists them. */
export const incidentMetricsEntries = [incidentMttx, incidentCounts, incidentTrend] as const
