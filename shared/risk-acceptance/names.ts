/** The names of this module's catalogue entries, as plain data for the preload's allow-list. */
export const RISK_ACCEPTANCE_NAMES: readonly string[] = [
  'riskAcceptance.request',
  'riskAcceptance.accept',
  'riskAcceptance.reject',
  'riskAcceptance.withdraw',
  'riskAcceptance.revoke',
  'riskAcceptance.sweepExpiry',
  'riskAcceptance.list',
  'riskAcceptance.approverOptions',
]
