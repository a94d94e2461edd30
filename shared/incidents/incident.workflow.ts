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

const REQUIRABLE = [
  ...INCIDENT_FIELDS.filter((f) => f !== 'near_miss' && f !== 'net_loss_override' && f !== 'net_loss_override_reason'),
  'net_loss_amount',
]

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

export type TransitionCommand =
  | 'incident.submit'
  | 'incident.review'
  | 'incident.validate'
  | 'incident.close'
  | 'incident.returnToDraft'
  | 'incident.returnToReview'

export type TransitionDef = {
  command: TransitionCommand
  from: string
  to: string
  label: string
  needsReason: boolean
  /** Forward edges check the target state's required fields; returns do not (incidents §5.2). */
  forward: boolean
}

/** The six commands of incidents §5.2 with the labels of §5.3. */
export const TRANSITIONS: readonly TransitionDef[] = [
  {
    command: 'incident.submit',
    from: 'DRAFT',
    to: 'PENDING_REVIEW',
    label: 'Submit for review',
    needsReason: false,
    forward: true,
  },
  {
    command: 'incident.review',
    from: 'PENDING_REVIEW',
    to: 'PENDING_VALIDATION',
    label: 'Approve and send to Risk',
    needsReason: false,
    forward: true,
  },
  {
    command: 'incident.validate',
    from: 'PENDING_VALIDATION',
    to: 'VALIDATED',
    label: 'Validate',
    needsReason: false,
    forward: true,
  },
  { command: 'incident.close', from: 'VALIDATED', to: 'CLOSED', label: 'Close', needsReason: false, forward: true },
  {
    command: 'incident.returnToDraft',
    from: 'PENDING_REVIEW',
    to: 'DRAFT',
    label: 'Return to draft',
    needsReason: true,
    forward: false,
  },
  {
    command: 'incident.returnToReview',
    from: 'PENDING_VALIDATION',
    to: 'PENDING_REVIEW',
    label: 'Return to manager',
    needsReason: true,
    forward: false,
  },
]

export type GateFacts = {
  actorId: string
  creatorId: string
  creatorManagerId: string | null
  reviewedBy: string | null
}

/** The ownership and segregation-of-duties gates of incidents §5.2: the FORBIDDEN message, or null. */
export function gateMessage(command: TransitionCommand, f: GateFacts): string | null {
  const isCreatorsManager = f.creatorManagerId !== null && f.creatorManagerId === f.actorId
  switch (command) {
    case 'incident.submit':
      return f.actorId === f.creatorId ? null : 'Only the incident creator can submit an incident.'
    case 'incident.review':
      return isCreatorsManager ? null : 'Only the manager of the incident creator can review an incident.'
    case 'incident.returnToDraft':
      return isCreatorsManager ? null : 'Only the manager of the incident creator can return an incident to draft.'
    case 'incident.validate':
      return f.actorId === f.creatorId || f.actorId === f.reviewedBy
        ? 'You cannot validate an incident you reported or reviewed.'
        : null
    default:
      return null
  }
}

/** The creator of a DRAFT acts as employee, whatever their own role (incidents §2). */
export function effectiveRoles(status: string, actorId: string, creatorId: string, roles: readonly Role[]): Role[] {
  return status === 'DRAFT' && actorId === creatorId ? ['employee'] : [...roles]
}

/** `[<YYYY-MM-DD HH:mm:ss> UTC Returned to Draft by <email>]: <reason>\n---\n` prepended (incidents §5.7). */
export function prependNote(notes: string | null, now: string, what: string, email: string, reason: string): string {
  const at = `${now.slice(0, 10)} ${now.slice(11, 19)}`
  return `[${at} UTC ${what} by ${email}]: ${reason}\n---\n${notes ?? ''}`
}
