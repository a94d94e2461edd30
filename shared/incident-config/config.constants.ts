import type { Role } from '../core/primitives'
import { INCIDENT_FIELDS, type IncidentStatus } from '../incidents/incident.constants'
import { DEFINED_EDGES, type Edge } from '../incidents/incident.workflow'

// Pure data of incidents §5.4, §6.3, §6.4 and §13: the renderer's settings screen imports it too.

export const ADMIN_ONLY = 'Only administrators can change the incident configuration.'

/** The only roles the transition and field-lock tables may name (incidents §5.4, §6.4). */
export const CONFIG_ROLES = ['employee', 'manager', 'risk_officer'] as const satisfies readonly Role[]
export type ConfigRole = (typeof CONFIG_ROLES)[number]
export const isConfigRole = (r: string): r is ConfigRole => (CONFIG_ROLES as readonly string[]).includes(r)

export const CONFIG_EDGES: readonly Edge[] = DEFINED_EDGES

/** Forward targets whose required fields an admin sets; DRAFT always needs title and description (§6.3). */
export const REQUIRED_TARGETS = [
  'PENDING_REVIEW',
  'PENDING_VALIDATION',
  'VALIDATED',
  'CLOSED',
] as const satisfies readonly IncidentStatus[]

/** Requirable: the editable catalogue minus near_miss, net_loss_override and recoveries, plus net_loss_amount. */
export const REQUIRABLE_FIELDS: readonly string[] = [
  ...INCIDENT_FIELDS.filter((f) => f !== 'near_miss' && f !== 'net_loss_override' && f !== 'net_loss_override_reason'),
  'net_loss_amount',
]

/** States whose locks are configurable: CLOSED is fixed read-only (§6.4). */
export const EDITABLE_STATUSES = [
  'DRAFT',
  'PENDING_REVIEW',
  'PENDING_VALIDATION',
  'VALIDATED',
] as const satisfies readonly IncidentStatus[]

/**
 * Lockable fields in catalogue order, plus the pseudo-field `recoveries` (§6.2). The override reason travels with
 * net_loss_override and has no row of its own (the default table lists none).
 */
export const EDITABLE_FIELDS: readonly string[] = [
  ...INCIDENT_FIELDS.filter((f) => f !== 'net_loss_override_reason'),
  'recoveries',
]

export const SLA_KEYS = ['draft_days', 'review_days', 'validation_days'] as const
export type SlaKey = (typeof SLA_KEYS)[number]
export const SLA_LABELS: Record<SlaKey, string> = {
  draft_days: 'Draft',
  review_days: 'Manager review',
  validation_days: 'Risk validation',
}

/** Sorts field names into catalogue order (messages and audit values list fields in that order). */
export function inCatalogueOrder(fields: Iterable<string>, catalogue: readonly string[]): string[] {
  const set = new Set(fields)
  return [...catalogue.filter((f) => set.has(f)), ...[...set].filter((f) => !catalogue.includes(f)).sort()]
}
