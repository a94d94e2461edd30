/** The names of this module's catalogue entries, as plain data for the preload's allow-list. */
export const RISK_MATRIX_NAMES: readonly string[] = [
  'riskMatrix.createDraft',
  'riskMatrix.updateDraft',
  'riskMatrix.deleteDraft',
  'riskMatrix.publish',
  'risk.adoptMatrixVersion',
  'riskMatrix.list',
  'riskMatrix.get',
  'riskMatrix.current',
  'risk.heatMap',
  'risk.trend',
  'risk.portfolioTrend',
  'risk.snapshots',
]
