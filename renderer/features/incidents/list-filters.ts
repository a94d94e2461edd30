import type { IncidentStatus, Severity } from '#shared/incidents/incident.constants'
import type { IncidentListInput } from '#renderer/types'

/** The filters of incidents §14.1 a screen may offer; each screen picks its own. */
export type FilterKind =
  | 'status'
  | 'statuses'
  | 'near_miss'
  | 'search'
  | 'severity'
  | 'overdue'
  | 'people'
  | 'classification'
  | 'dates'
  | 'deleted'
  | 'sort'

export type NearMissFilter = 'any' | 'only' | 'exclude'
export type Sort = NonNullable<IncidentListInput['sort']>

export type FilterValues = {
  status: IncidentStatus[]
  nearMiss: NearMissFilter
  q: string
  severity: Severity[]
  overdue: 'any' | 'yes' | 'no'
  overdueStage: '' | 'DRAFT' | 'REVIEW' | 'VALIDATION'
  createdBy: '' | 'me'
  assignedTo: '' | 'me'
  businessUnitId: string
  simplifiedTypeId: string
  baselTypeId: string
  discoveredFrom: string
  discoveredTo: string
  accountingFrom: string
  accountingTo: string
  deleted: 'exclude' | 'include' | 'only'
  sort: '' | Sort
  direction: '' | 'asc' | 'desc'
}

export const NO_FILTERS: FilterValues = {
  status: [],
  nearMiss: 'any',
  q: '',
  severity: [],
  overdue: 'any',
  overdueStage: '',
  createdBy: '',
  assignedTo: '',
  businessUnitId: '',
  simplifiedTypeId: '',
  baselTypeId: '',
  discoveredFrom: '',
  discoveredTo: '',
  accountingFrom: '',
  accountingTo: '',
  deleted: 'exclude',
  sort: '',
  direction: '',
}

/** The screen's fixed query plus what the user chose; the screen's own keys win where both speak. */
export function withFilters(base: IncidentListInput, f: FilterValues): IncidentListInput {
  const input: IncidentListInput = {}
  if (f.status.length > 0) input.status = [...f.status]
  if (f.nearMiss !== 'any') input.near_miss = f.nearMiss === 'only'
  if (f.q) input.q = f.q
  if (f.severity.length > 0) input.severity = [...f.severity]
  if (f.overdue !== 'any') input.overdue = f.overdue === 'yes'
  if (f.overdueStage) input.overdue_stage = f.overdueStage
  if (f.createdBy) input.created_by = f.createdBy
  if (f.assignedTo) input.assigned_to = f.assignedTo
  if (f.businessUnitId) input.business_unit_id = f.businessUnitId
  if (f.simplifiedTypeId) input.simplified_event_type_id = f.simplifiedTypeId
  if (f.baselTypeId) input.basel_event_type_id = f.baselTypeId
  if (f.discoveredFrom) input.discovered_from = f.discoveredFrom
  if (f.discoveredTo) input.discovered_to = f.discoveredTo
  if (f.accountingFrom) input.first_accounting_from = f.accountingFrom
  if (f.accountingTo) input.first_accounting_to = f.accountingTo
  if (f.deleted !== 'exclude') input.deleted = f.deleted
  if (f.sort) input.sort = f.sort
  if (f.direction) input.direction = f.direction
  return { ...input, ...base }
}

/** How many of the "more filters" are set, for the summary of the collapsed panel. */
export function moreFiltersSet(f: FilterValues): number {
  const set = [
    f.status.length > 0,
    f.severity.length > 0,
    f.overdue !== 'any',
    f.overdueStage !== '',
    f.createdBy !== '',
    f.assignedTo !== '',
    f.businessUnitId !== '',
    f.simplifiedTypeId !== '',
    f.baselTypeId !== '',
    f.discoveredFrom !== '' || f.discoveredTo !== '',
    f.accountingFrom !== '' || f.accountingTo !== '',
    f.deleted !== 'exclude',
    f.sort !== '' || f.direction !== '',
  ]
  return set.filter(Boolean).length
}
