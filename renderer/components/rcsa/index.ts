// The RCSA presentational parts through one .ts door ('#renderer/components/rcsa/index'): props in, callbacks out,
// no API calls. Types restate the query answers of risks.md §10–§11, kris.md §9.2 and controls.md §8.1.
export { AcceptanceBadge, BandChip, EvidenceBadge, InactiveBadge, KriStatusChip, TestResultBadge } from './RcsaBadges'
export type {
  AcceptanceBadgeProps,
  BandChipProps,
  EvidenceBadgeProps,
  InactiveBadgeProps,
  KriStatusChipProps,
  TestResultBadgeProps,
} from './RcsaBadges'
export { HeatMap, type HeatMapProps } from './HeatMap'
export { MatrixPicker, type MatrixPickerProps } from './MatrixPicker'
export { KriTrendChart, type KriTrendChartProps } from './KriTrendChart'
export { KriSparkline, type KriSparklineProps } from './KriSparkline'
export { RiskScoreTrend, type RiskScoreTrendProps } from './RiskScoreTrend'
export { PortfolioTrendChart, type PortfolioTrendChartProps } from './PortfolioTrendChart'
export { RiskControlMatrixGrid, type RiskControlMatrixGridProps } from './RiskControlMatrixGrid'
export { decimalToNumber } from './chart-data'
export { DIRECTION_LABEL, formatNumber, periodLabel, thresholdSummary, trimDecimal } from './kri-format'
export { controlHeading, levelText } from './grid-layout'
export { KRI_STATUS_COLOUR, KRI_STATUS_LABEL, KRI_STATUS_TONE, TEST_RESULT_LABEL, resolveBand } from './palette'
export type * from './types'
