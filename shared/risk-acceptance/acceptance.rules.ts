import type { Role } from '../core/primitives'

// Pure rules of formal risk acceptance (risks.md §12): the handlers gather the facts, these functions decide.

export const ACCEPTANCE_STATES = [
  'PENDING',
  'ACCEPTED',
  'REJECTED',
  'WITHDRAWN',
  'EXPIRED',
  'REVOKED',
  'REOPENED',
] as const
export type AcceptanceState = (typeof ACCEPTANCE_STATES)[number]
/** At most one acceptance per risk is in one of these at a time (§12.1). */
export const OPEN_STATES: readonly AcceptanceState[] = ['PENDING', 'ACCEPTED']

export const ACCEPTANCE_MESSAGES = {
  requestGate: 'Only the risk owner or a Risk Officer can request acceptance.',
  decideGate: 'Only the named approver can decide this acceptance.',
  withdrawGate: 'Only the requester or a Risk Officer can withdraw this request.',
  revokeGate: 'Only the approver or a Risk Officer can revoke this acceptance.',
  riskActive: 'Risk acceptance requires an ACTIVE risk.',
  open: 'This risk already has a pending or accepted acceptance.',
  expiryPassed: 'The expiry date has passed. Reject this request or let the requester withdraw it.',
  onlyPending: 'Only PENDING acceptances can be accepted, rejected or withdrawn.',
  onlyAccepted: 'Only ACCEPTED acceptances can be revoked.',
  justification: 'Justification must be at least 20 characters.',
  justificationMax: 'Justification must be at most 4000 characters.',
  conditionsMax: 'Conditions must be at most 4000 characters.',
  rejectionNote: 'A rejection needs a note of at least 20 characters.',
  rejectionNoteMax: 'A rejection note must be at most 2000 characters.',
  noteMax: 'The note must be at most 2000 characters.',
  approverMissing: 'Approver not found or inactive.',
  approverIsRequester: 'The approver cannot be the requester.',
  approverCannotSee: 'The approver cannot see this risk.',
  expiryAfterToday: 'Expiry date must be after today.',
  conflict: 'This risk acceptance changed after you saw it. Review the changes and try again.',
  riskRetired: 'Risk retired.',
  expired: 'Expired.',
  withdrawn: 'Withdrawn.',
} as const

export const approverRoleMessage = (bandLabel: string) => `The approver's role cannot accept a ${bandLabel} risk.`
export const expiryWithinMessage = (days: number) => `Expiry date must be within ${days} days.`

/** The risk fields the bound fingerprint covers (§12.1), in the canonical (sorted) key order. */
export const FINGERPRINT_FIELDS = [
  'basel_event_type_id',
  'business_unit_id',
  'inherent_impact',
  'inherent_likelihood',
  'matrix_version_id',
  'residual_impact',
  'residual_likelihood',
  'risk_category_id',
] as const
export type FingerprintField = (typeof FINGERPRINT_FIELDS)[number]
export type FingerprintSource = Record<FingerprintField, string | number | null>

const NUMERIC = new Set<FingerprintField>([
  'inherent_impact',
  'inherent_likelihood',
  'residual_impact',
  'residual_likelihood',
])

/** The object whose canonical JSON is hashed: the eight fields, numbers as numbers, missing as null. */
export function fingerprintInput(r: FingerprintSource): Record<FingerprintField, string | number | null> {
  const out = {} as Record<FingerprintField, string | number | null>
  for (const f of FINGERPRINT_FIELDS) {
    const v = r[f]
    out[f] = v === null || v === undefined ? null : NUMERIC.has(f) ? Number(v) : String(v)
  }
  return out
}

/** The fingerprint fields whose values differ, in canonical order. */
export function changedFingerprintFields(before: FingerprintSource, after: FingerprintSource): FingerprintField[] {
  const a = fingerprintInput(before)
  const b = fingerprintInput(after)
  return FINGERPRINT_FIELDS.filter((f) => a[f] !== b[f])
}

/** §12.5: "Material change: {changed fields and/or 'control {ref} unlinked'}." */
export const materialChangeReason = (parts: readonly string[]) => `Material change: ${parts.join(', ')}.`

/** The UTC date `days` after `date` (YYYY-MM-DD). */
export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** §12.1 expiry: after today and at most today + `risk_acceptance_max_days`; null when valid. */
export function expiryIssue(expiresOn: string, today: string, maxDays: number): string | null {
  if (expiresOn <= today) return ACCEPTANCE_MESSAGES.expiryAfterToday
  if (expiresOn > plusDays(today, maxDays)) return expiryWithinMessage(maxDays)
  return null
}

export type AuthorityRow = { band: string; role: string; requires_group_scope: number }
export type ApproverFacts = {
  /** Null when the user does not exist or is inactive. */
  approver: { id: string; roles: readonly Role[]; groupScope: boolean } | null
  requesterId: string
  residualBand: string | null
  residualBandLabel: string
  authority: readonly AuthorityRow[]
  approverSeesRisk: boolean
}

/** Whether a user may accept a risk of the band under `risk_acceptance_authority` (§12.3). */
export function hasAuthority(
  user: { roles: readonly Role[]; groupScope: boolean },
  band: string | null,
  authority: readonly AuthorityRow[],
): boolean {
  return authority.some(
    (a) =>
      a.band === band &&
      user.roles.includes(a.role as Role) &&
      (Number(a.requires_group_scope) !== 1 || user.groupScope),
  )
}

/** §12.3 in table order: the first failing approver rule, or null. */
export function approverIssue(f: ApproverFacts): string | null {
  if (!f.approver) return ACCEPTANCE_MESSAGES.approverMissing
  if (f.approver.id === f.requesterId) return ACCEPTANCE_MESSAGES.approverIsRequester
  if (!hasAuthority(f.approver, f.residualBand, f.authority)) return approverRoleMessage(f.residualBandLabel)
  if (!f.approverSeesRisk) return ACCEPTANCE_MESSAGES.approverCannotSee
  return null
}

// The badge and the register filter of the latest acceptance are in risks/risk.read-rules.ts (one rule).

export type AcceptanceAction = 'accept' | 'reject' | 'withdraw' | 'revoke'
export type ActionFacts = {
  state: string
  approverId: string
  requesterId: string
  riskStatus: string
  expiresOn: string
}

/** The decision buttons a viewer gets on an acceptance (the same gates and states as the commands). */
export function acceptanceActions(
  viewer: { id: string; roles: readonly Role[] },
  f: ActionFacts,
  today: string,
): AcceptanceAction[] {
  const officer = viewer.roles.includes('risk_officer')
  const out: AcceptanceAction[] = []
  if (f.state === 'PENDING') {
    if (viewer.id === f.approverId) {
      if (f.riskStatus === 'ACTIVE' && f.expiresOn >= today) out.push('accept')
      out.push('reject')
    }
    if (viewer.id === f.requesterId || officer) out.push('withdraw')
  }
  if (f.state === 'ACCEPTED' && (viewer.id === f.approverId || officer)) out.push('revoke')
  return out
}

/** §13 recipients: de-duplicated, in the order given, without the actor (null for the system). */
export function recipientsOf(ids: readonly (string | null | undefined)[], actorId: string | null): string[] {
  const out: string[] = []
  for (const id of ids) if (id && id !== actorId && !out.includes(id)) out.push(id)
  return out
}
