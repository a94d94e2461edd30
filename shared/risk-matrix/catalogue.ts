import { riskHeatMap } from '../risks/risk.heatmap'
import { adoptMatrixVersion } from '../risks/risk.adopt-matrix'
import { listSnapshots } from '../risks/risk.snapshots'
import { portfolioTrend, riskTrend } from '../risks/risk.trend'
import { MATRIX_COMMANDS } from './matrix.commands'
import { MATRIX_QUERIES } from './matrix.queries'

/** This module's catalogue entries, in the order the catalogue lists them. */
export const riskMatrixEntries = [
  ...MATRIX_COMMANDS,
  adoptMatrixVersion,
  ...MATRIX_QUERIES,
  riskHeatMap,
  riskTrend,
  portfolioTrend,
  listSnapshots,
] as const
