import type { Role } from '../core/primitives'
import type { Matrix } from '../risk-matrix/matrix.bands'
import { TRANSITION_TABLE } from './risk.constants'
import type { RiskQueue } from './risk.read-schema'

/*
 * Pure rules of the risk register's read side (risks.md §2.3, §5.1, §9, §12.6, §15, §16): what the list and the
 * detail show, computed from facts the queries gather. No database access here.
 */

export const RISK_STATUS_LABELS: Record<string, string> = {
  DRAFT: 'Draft',
  ASSESSED: 'Assessed (pending validation)',
  ACTIVE: 'Active',
  RETIRED: 'Retired',
}

/** §2.3: the prefix a note is shown with. */
export const NOTE_PREFIXES: Record<string, string> = {
  COMMENT: 'COMMENT',
  RETURNED_FOR_REVISION: 'RETURNED FOR REVISION',
  REASSESSMENT_REQUESTED: 'REASSESSMENT REQUESTED',
  RETIREMENT: 'RETIRED',
}

/**
 * §2.3: `[YYYY-MM-DD HH:mm - email - PREFIX]:`. `localTime` is the note's time already shifted to the viewer's
 * zone (the renderer does that); any ISO-like `YYYY-MM-DDTHH:mm…` text works.
 */
export function noteHeader(localTime: string, email: string, kind: string): string {
  return `[${localTime.slice(0, 10)} ${localTime.slice(11, 16)} - ${email} - ${NOTE_PREFIXES[kind] ?? kind}]:`
}

export type BandView = { code: string; label: string; colour: string; text_colour: string }

/** A band code of a risk read in its pinned matrix version: label and colours for the chip. */
export function bandView(matrix: Pick<Matrix, 'bands'> | undefined, code: string | null): BandView | null {
  if (code === null || !matrix) return null
  const b = matrix.bands.find((x) => x.code === code)
  return b ? { code: b.code, label: b.label, colour: b.colour, text_colour: b.text_colour } : null
}

export const ACCEPTANCE_FILTERS = ['ACCEPTED', 'PENDING', 'NEEDS_RENEWAL', 'NONE'] as const
export type AcceptanceFilter = (typeof ACCEPTANCE_FILTERS)[number]

/** The states of the latest acceptance each badge stands for (§12.6); NONE also covers "no acceptance". */
export const ACCEPTANCE_FILTER_STATES: Record<AcceptanceFilter, readonly string[]> = {
  ACCEPTED: ['ACCEPTED'],
  PENDING: ['PENDING'],
  NEEDS_RENEWAL: ['EXPIRED', 'REOPENED'],
  NONE: ['REJECTED', 'WITHDRAWN', 'REVOKED'],
}

export type AcceptanceBadge = { code: Exclude<AcceptanceFilter, 'NONE'>; label: string; expires_on: string | null }

/** §12.6: the badge of the latest acceptance, or null for none. */
export function acceptanceBadge(
  latest: { state: string; expires_on: string } | null | undefined,
): AcceptanceBadge | null {
  if (!latest) return null
  if (latest.state === 'ACCEPTED')
    return { code: 'ACCEPTED', label: `Accepted until ${latest.expires_on}`, expires_on: latest.expires_on }
  if (latest.state === 'PENDING') return { code: 'PENDING', label: 'Acceptance pending', expires_on: latest.expires_on }
  if (latest.state === 'EXPIRED' || latest.state === 'REOPENED')
    return { code: 'NEEDS_RENEWAL', label: 'Acceptance needs renewal', expires_on: latest.expires_on }
  return null
}

export type AvailableAction = {
  command: string
  label: string
  to: string
  /** The reason dialog: `required` (20–2 000 characters), `optional` (≤ 2 000) or none. */
  reason: 'required' | 'optional' | null
}

/**
 * §15 detail: the transitions the viewer may start — the §5.1 rows (risk_allowed_transition, data) leaving the
 * status for one of the viewer's roles. Only managers and risk officers change a risk's status (§5.2 step 4),
 * so nobody else is offered an action even when an admin added a row for their role.
 */
export function availableActions(
  rows: readonly { from_status: string; to_status: string; role: string }[],
  status: string,
  roles: readonly Role[],
): AvailableAction[] {
  if (!roles.some((r) => r === 'manager' || r === 'risk_officer')) return []
  const mine = rows.filter((r) => r.from_status === status && (roles as readonly string[]).includes(r.role))
  return TRANSITION_TABLE.filter((e) => e.from === status && mine.some((r) => r.to_status === e.to)).map((e) => ({
    command: e.command,
    label: e.label,
    to: e.to,
    reason: e.reason,
  }))
}

export type ParticipantFacts = {
  ownerId: string
  creatorId: string
  ownerManagerId: string | null
  creatorManagerId: string | null
}

/**
 * §9: the comment participants — any risk officer who can see the risk (the caller can, or the query would
 * have answered NOT_FOUND), the owner, the creator, and the owner's and the creator's managers. Auditors,
 * admins and specialists are never participants, whatever else they are linked to.
 */
export function isCommentParticipant(caller: { id: string; roles: readonly Role[] }, f: ParticipantFacts): boolean {
  const writes = caller.roles.some((r) => r === 'employee' || r === 'manager' || r === 'risk_officer')
  if (!writes) return false
  if (caller.roles.includes('risk_officer')) return true
  return [f.ownerId, f.creatorId, f.ownerManagerId, f.creatorManagerId].includes(caller.id)
}

export type RiskPermissions = {
  can_edit: boolean
  can_delete: boolean
  can_comment: boolean
  /** Link incidents, controls and measures (§8 gate and "Cannot link retired risks."). */
  can_link: boolean
  /** Unlink incidents and measures (risk officers only), and controls. */
  can_unlink: boolean
  /** Link or unlink controls now (managers only while the risk is DRAFT). */
  can_change_controls: boolean
  /** "Link KRI" (risk officers; kris.md). */
  can_link_kri: boolean
  /** "Adopt current matrix" (§15: risk officer, DRAFT/ASSESSED, pinned version not the published one). */
  can_adopt_matrix: boolean
  /** "Request acceptance" / "Renew" (§15: owner or risk officer, ACTIVE, no open acceptance). */
  can_request_acceptance: boolean
}

export type PermissionFacts = {
  status: string
  editableFieldCount: number
  creatorId: string
  ownerId: string
  validatedAt: string | null
  participant: boolean
  pinnedIsPublished: boolean
  openAcceptance: boolean
}

/** §15 detail actions as flags, for the viewer. */
export function riskPermissions(caller: { id: string; roles: readonly Role[] }, f: PermissionFacts): RiskPermissions {
  const officer = caller.roles.includes('risk_officer')
  const writer = officer || caller.roles.includes('manager')
  const person = writer || caller.roles.includes('employee')
  const live = f.status !== 'RETIRED'
  return {
    can_edit: writer && f.editableFieldCount > 0,
    can_delete: writer && f.status === 'DRAFT' && f.validatedAt === null && (officer || f.creatorId === caller.id),
    can_comment: live && f.participant,
    can_link: writer && live,
    can_unlink: officer && live,
    can_change_controls: live && (officer || (writer && f.status === 'DRAFT')),
    can_link_kri: officer && live,
    can_adopt_matrix: officer && (f.status === 'DRAFT' || f.status === 'ASSESSED') && !f.pinnedIsPublished,
    can_request_acceptance:
      f.status === 'ACTIVE' && !f.openAcceptance && (officer || (person && f.ownerId === caller.id)),
  }
}

/** §4: the line that ends a linked list when some linked items are outside the viewer's scope. */
export const outsideScopeLine = (hidden: number) => (hidden > 0 ? `+${hidden} linked items outside your scope` : null)

export const FAILED_TEST_WARNING = 'A linked control failed its last test. Consider reassessment.'

/** §14 warnings of the detail: a linked active control whose latest test is INEFFECTIVE. */
export function detailWarnings(controls: readonly { is_active: number | boolean; last_test_result: string | null }[]) {
  return controls.some((c) => Boolean(c.is_active) && c.last_test_result === 'INEFFECTIVE') ? [FAILED_TEST_WARNING] : []
}

/** §7 "who": the queues a user's roles have, in the register's tab order (risk.list answers the others empty). */
export function queuesOf(roles: readonly Role[]): RiskQueue[] {
  const officer = roles.includes('risk_officer')
  const manager = roles.includes('manager')
  const has: Record<RiskQueue, boolean> = {
    MY_DRAFTS: officer || manager,
    PENDING_MY_VALIDATION: officer,
    DUE_FOR_REASSESSMENT: officer || manager,
  }
  return (['MY_DRAFTS', 'PENDING_MY_VALIDATION', 'DUE_FOR_REASSESSMENT'] as const).filter((q) => has[q])
}
