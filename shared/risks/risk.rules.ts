import { ROLE_NAMES, type Role } from '../core/primitives'
import { bandOf, scoreOf, type Matrix } from '../risk-matrix/matrix.bands'
import { MSG, RISK_FIELDS, type RiskField, type RiskStatus } from './risk.constants'

/*
 * Pure rules of risks.md §3–§6 (no database): the handlers gather the facts, these functions decide.
 *
 * The approval checklist (§5.2), for risk.get and the approve dialog:
 *
 *   approvalChecklist(risk: PreconditionRisk, facts: PreconditionFacts): ChecklistLine[]
 *
 * `risk` is the stored risk row (any object with the §2.1 fields and `status`); `facts` are what the row alone
 * does not tell: whether its Basel type is allowed by its category (`baselAllowed`, see `isBaselAllowed`), how
 * many *active* controls are linked (`activeControlCount`) and the `risk_required_field` rows of the target
 * ACTIVE (`requiredFields`, in the table's order). `loadPreconditionFacts(db, risk, 'ACTIVE')` in
 * risk.preconditions.ts gathers them. Each line is `{id, ok, checked, message}`: `checked` false when the rule
 * does not apply (P2 without a Basel type, P5 while a score is missing), such lines count as ok. The lines are
 * those of the approve row for the risk's status (DRAFT: workshop, with P1 first), in spec order; the R line is
 * present only when required fields are configured. `preconditionViolations` runs the same rules and returns the
 * failing messages in order, which `risk.submitForReview` and `risk.approve` raise as one WORKFLOW error.
 */

export type RiskScores = {
  inherent_score: number | null
  inherent_band: string | null
  residual_score: number | null
  residual_band: string | null
}

type Lis = {
  inherent_likelihood: number | null
  inherent_impact: number | null
  residual_likelihood: number | null
  residual_impact: number | null
}

/** §3.1: both scores and their band codes in the pinned matrix version. */
export function scoresOf(matrix: Pick<Matrix, 'bands'>, r: Lis): RiskScores {
  const inherent = scoreOf(r.inherent_likelihood, r.inherent_impact)
  const residual = scoreOf(r.residual_likelihood, r.residual_impact)
  return {
    inherent_score: inherent,
    inherent_band: bandOf(matrix, inherent)?.code ?? null,
    residual_score: residual,
    residual_band: bandOf(matrix, residual)?.code ?? null,
  }
}

/** §3.1: the save warning when the residual score is above the inherent one. */
export function scoreWarnings(r: Lis): string[] {
  const inherent = scoreOf(r.inherent_likelihood, r.inherent_impact)
  const residual = scoreOf(r.residual_likelihood, r.residual_impact)
  return inherent !== null && residual !== null && residual > inherent ? [MSG.residualWarning] : []
}

export type BaselType = { id: string; level: number; parent_id: string | null }

/** §3.4: T is allowed when T is mapped, or T is level 2 and its level-1 parent is mapped. */
export function isBaselAllowed(typeId: string, mapped: readonly string[], types: readonly BaselType[]): boolean {
  if (mapped.includes(typeId)) return true
  const t = types.find((x) => x.id === typeId)
  return t !== undefined && t.level === 2 && t.parent_id !== null && mapped.includes(t.parent_id)
}

/** Every allowed type id of a category (mapped level-1 types with all their children, plus mapped level-2 ones). */
export function allowedBaselIds(mapped: readonly string[], types: readonly BaselType[]): string[] {
  return types.filter((t) => isBaselAllowed(t.id, mapped, types)).map((t) => t.id)
}

// With several roles, the one that acts on risks names the caller in messages (Risk Officer before Manager …).
const ROLE_ORDER: readonly Role[] = [
  'risk_officer',
  'manager',
  'employee',
  'infosec',
  'fraud_investigator',
  'group_orm',
  'auditor',
  'admin',
]

/** The role a multi-role caller is named by: the first of ROLE_ORDER they hold. */
export function actingRole(roles: readonly Role[]): Role {
  return ROLE_ORDER.find((r) => roles.includes(r)) ?? 'employee'
}
export const roleName = (roles: readonly Role[]) => ROLE_NAMES[actingRole(roles)]

/** §1 step 3: a caller with none of employee, manager, risk_officer never changes risks. */
export const isReadOnlyForRisks = (roles: readonly Role[]) =>
  !roles.some((r) => r === 'employee' || r === 'manager' || r === 'risk_officer')

/** §1 step 4: the manager / risk-officer gate of create, update, transitions and links. */
export const canWriteRisks = (roles: readonly Role[]) => roles.includes('manager') || roles.includes('risk_officer')

/**
 * §6.2–§6.3: the changed fields the caller may not edit in this status. `rows` are the
 * risk_editable_field rows of the status; a multi-role caller gets the union of their roles' rows.
 */
export function lockedFields(
  changed: readonly RiskField[],
  rows: readonly { role: string; field: string }[],
  roles: readonly Role[],
): RiskField[] {
  const editable = new Set(rows.filter((r) => (roles as readonly string[]).includes(r.role)).map((r) => r.field))
  return changed.filter((f) => !editable.has(f))
}

/** The fields editable in a status for the caller (union over roles), in catalogue order. */
export function editableFieldsOf(
  rows: readonly { role: string; field: string }[],
  roles: readonly Role[],
): RiskField[] {
  const editable = new Set(rows.filter((r) => (roles as readonly string[]).includes(r.role)).map((r) => r.field))
  return RISK_FIELDS.filter((f) => editable.has(f))
}

export const lockMessage = (fields: readonly string[], status: string, roles: readonly Role[]) =>
  `Fields ${fields.join(', ')} cannot be edited in ${status} by role '${roleName(roles)}'.`

/**
 * §5.2 step 5: which refusal, if any, the transition table gives. `sources` are the states the command
 * starts from (approve: DRAFT or ASSESSED; retire: ASSESSED or ACTIVE; the others one each).
 */
export function transitionRefusal(
  rows: readonly { from_status: string; to_status: string; role: string }[],
  from: string,
  to: string,
  sources: readonly string[],
  roles: readonly Role[],
): string | null {
  const leaving = rows.filter((r) => r.from_status === from)
  if (leaving.length === 0) return `Status '${from}' has no defined transitions.`
  const edge = leaving.filter((r) => r.to_status === to)
  if (edge.length === 0 || !sources.includes(from)) return `Transition from '${from}' to '${to}' is not defined.`
  if (!edge.some((r) => (roles as readonly string[]).includes(r.role)))
    return `Role '${roleName(roles)}' is not authorized to move from '${from}' to '${to}'.`
  return null
}

export type PreconditionRisk = Lis & { status: string; basel_event_type_id: string | null } & Partial<
    Record<RiskField, unknown>
  >
export type PreconditionFacts = {
  /** Whether the risk's Basel type is allowed by its category; ignored when no type is set. */
  baselAllowed: boolean
  activeControlCount: number
  /** risk_required_field rows of the target status, in the table's order. */
  requiredFields: readonly string[]
}
export type PreconditionId = 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6' | 'R'
export type ChecklistLine = {
  id: PreconditionId
  ok: boolean
  checked: boolean
  message: string
  /** The risk fields the precondition reads (empty for P6, the control links). */
  fields: string[]
}
/** One failing precondition as the WORKFLOW error's `details.violations` carries it (risks.md §1). */
export type Violation = { code: PreconditionId; message: string; fields: string[] }

/** The precondition ids of a transition row (§5.1), in order; R last. */
export function preconditionsOf(from: string, to: RiskStatus): PreconditionId[] {
  if (from === 'DRAFT' && to === 'ASSESSED') return ['P1', 'P2', 'R']
  if (from === 'ASSESSED' && to === 'ACTIVE') return ['P3', 'P4', 'P5', 'P2', 'P6', 'R']
  if (from === 'DRAFT' && to === 'ACTIVE') return ['P1', 'P3', 'P4', 'P5', 'P2', 'P6', 'R']
  return []
}

const INHERENT = ['inherent_likelihood', 'inherent_impact']
const RESIDUAL = ['residual_likelihood', 'residual_impact']
const BASEL = ['basel_event_type_id']

const filled = (v: unknown) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')

function line(id: PreconditionId, risk: PreconditionRisk, facts: PreconditionFacts, to: RiskStatus): ChecklistLine {
  const hasInherent = risk.inherent_likelihood != null && risk.inherent_impact != null
  const hasResidual = risk.residual_likelihood != null && risk.residual_impact != null
  switch (id) {
    case 'P1':
      return { id, ok: hasInherent, checked: true, message: MSG.P1, fields: INHERENT }
    case 'P2': {
      const checked = risk.basel_event_type_id != null
      return { id, ok: !checked || facts.baselAllowed, checked, message: MSG.P2, fields: BASEL }
    }
    case 'P3':
      return { id, ok: hasResidual, checked: true, message: MSG.P3, fields: RESIDUAL }
    case 'P4':
      return { id, ok: risk.basel_event_type_id != null, checked: true, message: MSG.P4, fields: BASEL }
    case 'P5': {
      const checked = hasInherent && hasResidual
      const ok =
        !checked ||
        risk.residual_likelihood! * risk.residual_impact! <= risk.inherent_likelihood! * risk.inherent_impact!
      return { id, ok, checked, message: MSG.P5, fields: RESIDUAL }
    }
    case 'P6':
      return { id, ok: facts.activeControlCount > 0, checked: true, message: MSG.P6, fields: [] }
    case 'R': {
      const missing = facts.requiredFields.filter((f) => !filled((risk as Record<string, unknown>)[f]))
      const named = missing.length > 0 ? missing : facts.requiredFields
      return { id, ok: missing.length === 0, checked: true, message: requiredMessage(named, to), fields: [...named] }
    }
  }
}

export const requiredMessage = (fields: readonly string[], to: string) =>
  `Fields ${fields.join(', ')} are required for ${to}.`

/** The failing messages of a transition's preconditions (§5.1), every one, in spec order. */
export function preconditionViolations(risk: PreconditionRisk, to: RiskStatus, facts: PreconditionFacts): Violation[] {
  return preconditionsOf(risk.status, to)
    .filter((id) => id !== 'R' || facts.requiredFields.length > 0)
    .map((id) => line(id, risk, facts, to))
    .filter((l) => !l.ok)
    .map((l) => ({ code: l.id, message: l.message, fields: l.fields }))
}

/** §5.2 approval checklist: each approval precondition of the risk's status, ticked or crossed. */
export function approvalChecklist(risk: PreconditionRisk, facts: PreconditionFacts): ChecklistLine[] {
  const from = risk.status === 'DRAFT' ? 'DRAFT' : 'ASSESSED'
  return preconditionsOf(from, 'ACTIVE')
    .filter((id) => id !== 'R' || facts.requiredFields.length > 0)
    .map((id) => line(id, risk, facts, 'ACTIVE'))
}

/** The UTC date `days` after a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** P7 (§5.1): a `next_review_date` input must be after today. */
export const nextReviewIssue = (input: string | undefined | null, today: string) =>
  input != null && input <= today ? MSG.P7 : null

/** §5.3: the input when given; else the current value when after today; else today + the interval. */
export function nextReviewDate(
  input: string | undefined | null,
  current: string | null,
  today: string,
  intervalDays: number,
): string {
  if (input != null) return input
  if (current !== null && current > today) return current
  return addDays(today, intervalDays)
}

/** §2.4: the mean of the non-null design effectiveness values, rounded half up to 2 decimals; null when none. */
export function averageEffectiveness(values: readonly (number | null)[]): string | null {
  const known = values.filter((v): v is number => v !== null)
  if (known.length === 0) return null
  const sum = known.reduce((s, v) => s + v, 0)
  const n = known.length
  const hundredths = Math.floor((200 * sum + n) / (2 * n))
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`
}

const KRI_RANK: Record<string, number> = { GREEN: 1, AMBER: 2, RED: 3 }

/** §2.4: the worst of the KRI statuses (RED > AMBER > GREEN); null when none is one of those. */
export function worstKriStatus(statuses: readonly string[]): string | null {
  let worst: string | null = null
  for (const s of statuses) if (KRI_RANK[s] && (worst === null || KRI_RANK[s] > KRI_RANK[worst]!)) worst = s
  return worst
}
