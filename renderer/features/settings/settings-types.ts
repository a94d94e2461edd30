import type { OutputOf } from '#shared/catalogue/types'

// The settings screens' shapes, named from the catalogue's outputs (type-only: no handler code in the bundle).
export type IncidentConfig = OutputOf<'incidentConfig.get'>
export type RuleRow = IncidentConfig['routing_rules'][number]
export type SimplifiedTypeRow = IncidentConfig['simplified_types'][number]
export type BaselType = IncidentConfig['basel_event_types'][number]
export type DryRun = OutputOf<'incidentConfig.testRouting'>
export type FxRateRow = OutputOf<'fxRate.list'>['items'][number]
