import type { InputOf, OutputOf } from '#shared/catalogue/types'

// The shapes the risk screens use, named once from the catalogue's outputs (type-only: no handler code).
export type RiskListInput = InputOf<'risk.list'>
export type RiskRow = OutputOf<'risk.list'>['items'][number]
export type RiskDetail = OutputOf<'risk.get'>
export type RiskAction = RiskDetail['available_actions'][number]
export type ChecklistLine = NonNullable<RiskDetail['approval_checklist']>[number]
export type LinkedControl = RiskDetail['linked']['controls'][number]
export type LinkedIncident = RiskDetail['linked']['incidents'][number]
export type LinkedMeasure = RiskDetail['linked']['measures'][number]
export type LinkedKri = RiskDetail['linked']['kris'][number]
export type CurrentAcceptance = NonNullable<RiskDetail['acceptance']>
export type FormOptions = OutputOf<'risk.formOptions'>
export type RiskCategoryOption = FormOptions['categories'][number]
export type Matrix = FormOptions['matrix']
export type RiskNote = OutputOf<'risk.notes'>['items'][number]
export type AcceptanceRow = OutputOf<'riskAcceptance.list'>['items'][number]
export type HeatMapData = OutputOf<'risk.heatMap'>
export type SnapshotRow = OutputOf<'risk.snapshots'>['items'][number]
export type TrendPoint = OutputOf<'risk.trend'>['points'][number]
export type PortfolioTrend = OutputOf<'risk.portfolioTrend'>
export type Person = OutputOf<'measure.responsibleOptions'>['items'][number]
