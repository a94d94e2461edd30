import type { OutputOf } from '#shared/catalogue/types'

// The RCSA settings screens' shapes, named from the catalogue's outputs (type-only: no handler code in the bundle).
export type MatrixVersionRow = OutputOf<'riskMatrix.list'>['items'][number]
export type MatrixVersion = OutputOf<'riskMatrix.get'>
export type RiskConfig = OutputOf<'riskConfig.get'>
export type RiskCategoryRow = RiskConfig['categories'][number]
export type BaselType = OutputOf<'reference.incidentForm'>['basel_event_types'][number]
export type FrameworkRow = OutputOf<'framework.list'>['items'][number]
export type ConfigRole = RiskConfig['choices']['roles'][number]
export type RiskStatus = RiskConfig['choices']['statuses'][number]
export type RiskField = RiskConfig['choices']['fields'][number]
