import type { Role } from '../core/primitives'
import { ROLE_NAMES } from '../core/primitives'
import { INCIDENT_FIELDS } from './incident.constants'

export type Edge = { from: string; to: string }
export type WorkflowVerdict =
  { ok: true } | { ok: false; message: string; fields?: string[]; transition: Edge & { action: string } }

/**
 * The transition checks of incidents §5.2 in their order: the edge exists, a held (effective) role may take it
 * (the admin-editable table is the only source), then the target state's required fields are present.
 */
export function checkTransition(input: {
  action: string
  from: string
  to: string
  effectiveRoles: readonly Role[]
  allowedRoles: readonly string[]
  missing: readonly string[]
  definedEdges: readonly Edge[]
}): WorkflowVerdict {
  const transition = { action: input.action, from: input.from, to: input.to }
  if (input.from === 'CLOSED') return { ok: false, message: "Status 'CLOSED' has no defined transitions.", transition }
  if (!input.definedEdges.some((e) => e.from === input.from && e.to === input.to))
    return { ok: false, message: `Transition from '${input.from}' to '${input.to}' is not defined.`, transition }
  if (!input.effectiveRoles.some((r) => input.allowedRoles.includes(r))) {
    const role = ROLE_NAMES[input.effectiveRoles[0] ?? 'employee']
    return {
      ok: false,
      message: `Role '${role}' is not authorized to move from '${input.from}' to '${input.to}'.`,
      transition,
    }
  }
  if (input.missing.length > 0)
    return {
      ok: false,
      message: `Fields ${input.missing.join(', ')} are required for ${input.to}.`,
      fields: [...input.missing],
      transition,
    }
  return { ok: true }
}

const REQUIRABLE = [...INCIDENT_FIELDS.filter((f) => f !== 'near_miss' && f !== 'net_loss_override'), 'net_loss_amount']

/** incidents §6.3: null, blank text or an empty cause set counts as missing; listed in catalogue order. */
export function missingFields(incident: Record<string, unknown>, required: readonly string[]): string[] {
  return REQUIRABLE.filter((f) => required.includes(f)).filter((f) => {
    const v = incident[f]
    return (
      v === null ||
      v === undefined ||
      (typeof v === 'string' && v.trim() === '') ||
      (Array.isArray(v) && v.length === 0)
    )
  })
}

/** The six edges incidents §5.4 allows the table to name. */
export const DEFINED_EDGES: readonly Edge[] = [
  { from: 'DRAFT', to: 'PENDING_REVIEW' },
  { from: 'PENDING_REVIEW', to: 'PENDING_VALIDATION' },
  { from: 'PENDING_REVIEW', to: 'DRAFT' },
  { from: 'PENDING_VALIDATION', to: 'VALIDATED' },
  { from: 'PENDING_VALIDATION', to: 'PENDING_REVIEW' },
  { from: 'VALIDATED', to: 'CLOSED' },
]
