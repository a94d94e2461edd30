/** This module's catalogue names as plain data (for the preload's allow-list); kept equal by names.test.ts. */
export const INCIDENT_METRICS_NAMES: readonly string[] = [
  'incident.metrics.mttx',
  'incident.metrics.counts',
  'incident.metrics.trend',
]
