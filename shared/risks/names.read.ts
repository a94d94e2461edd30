/** The names of this module's catalogue entries, as plain data for the preload's allow-list. */
export const RISK_READ_NAMES: readonly string[] = [
  'risk.addComment',
  'risk.linkIncident',
  'risk.unlinkIncident',
  'risk.list',
  'risk.get',
  'risk.notes',
]
