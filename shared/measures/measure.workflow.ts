import { ROLE_NAMES, type Role } from '../core/primitives'
import {
  EDITABLE_FIELDS,
  TERMINAL_STATUSES,
  TRANSITIONS,
  WORKING_STATUSES,
  type EditableField,
  type MeasureStatus,
  type Party,
  type TransitionDef,
} from './measure.constants'

// Pure rules of measures.md §4–§9 and §11: the handler gathers the facts, these functions decide.

/** Who the measure's people are, with the managers as they are now (§4 "current manager"). */
export type MeasureFacts = {
  status: MeasureStatus
  responsibleId: string
  responsibleManagerId: string | null
  creatorId: string
  creatorManagerId: string | null
}

export type Caller = { id: string; roles: readonly Role[] }
export type ContextualRole = 'responsible' | Role

/** Only auditor and/or admin: reads, never writes measures (§2 step 3). */
export const isReadOnly = (roles: readonly Role[]) => roles.every((r) => r === 'auditor' || r === 'admin')

// With several roles, the one that acts on measures names the caller (Risk Officer before Manager …).
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

export const isDoer = (caller: Caller, f: MeasureFacts) =>
  caller.id === f.responsibleId || (f.responsibleManagerId !== null && f.responsibleManagerId === caller.id)

/** §4: the responsible user or their manager acts as `responsible`; everyone else as their own role. */
export function contextualRole(caller: Caller, f: MeasureFacts): ContextualRole {
  if (isDoer(caller, f)) return 'responsible'
  return ROLE_ORDER.find((r) => caller.roles.includes(r)) ?? 'employee'
}

export const contextualRoleName = (role: ContextualRole) => (role === 'responsible' ? 'Responsible' : ROLE_NAMES[role])

/** The §4 parties the caller holds; the field locks take the union of their rows. */
export function partiesOf(caller: Caller, f: MeasureFacts): Party[] {
  const out: Party[] = []
  if (caller.id === f.responsibleId) out.push('responsible')
  if (f.responsibleManagerId !== null && f.responsibleManagerId === caller.id) out.push('responsible_manager')
  if (caller.id === f.creatorId) out.push('creator')
  if (caller.roles.includes('risk_officer') && !isDoer(caller, f)) out.push('risk_officer')
  return out
}

/** The §6 editable fields for the caller's parties in the current state; terminal states edit nothing. */
export function editableFields(
  status: MeasureStatus,
  parties: readonly Party[],
  rows: readonly { party: string; field: string }[],
): EditableField[] {
  if (TERMINAL_STATUSES.includes(status)) return []
  const allowed = new Set(rows.filter((r) => (parties as readonly string[]).includes(r.party)).map((r) => r.field))
  return EDITABLE_FIELDS.filter((f) => allowed.has(f))
}

/** §5.2 workflow check of one transition: the WORKFLOW message, or null when the caller may take it. */
export function transitionRefusal(def: TransitionDef, caller: Caller, f: MeasureFacts): string | null {
  if (TERMINAL_STATUSES.includes(f.status)) return `Status '${f.status}' has no defined transitions.`
  if (!def.from.includes(f.status)) return `Transition from '${f.status}' to '${def.to}' is not defined.`
  const role = contextualRole(caller, f)
  if (def.actor === 'responsible')
    return role === 'responsible'
      ? null
      : `Role '${contextualRoleName(role)}' is not authorized to move from '${f.status}' to '${def.to}'.`
  if (role === 'risk_officer') return null
  if (role === 'responsible' && caller.roles.includes('risk_officer'))
    return `Segregation of duties: you are responsible for this measure or manage its responsible user, so you cannot ${def.verb} it.`
  return def.verb === 'return'
    ? 'Only Risk Officers can return measures to progress.'
    : `Only Risk Officers can ${def.verb} measures.`
}

/** §12 available_actions: edges from the current state whose contextual-role check passes. */
export function availableActions(caller: Caller, f: MeasureFacts) {
  if (isReadOnly(caller.roles)) return []
  return TRANSITIONS.filter((t) => t.from.includes(f.status) && transitionRefusal(t, caller, f) === null).map((t) => ({
    command: t.command,
    label: t.label,
    input: t.input,
  }))
}

/** §7 delete gate: the creator, the creator's manager, or the responsible user's manager. */
export const mayDelete = (caller: Caller, f: MeasureFacts) =>
  caller.id === f.creatorId ||
  (f.creatorManagerId !== null && f.creatorManagerId === caller.id) ||
  (f.responsibleManagerId !== null && f.responsibleManagerId === caller.id)

/** §7 link gate: own role risk officer or manager, or the responsible user. */
export const mayLink = (caller: Caller, f: MeasureFacts) =>
  caller.roles.includes('risk_officer') || caller.roles.includes('manager') || caller.id === f.responsibleId

export const mayUnlink = (caller: Caller) => caller.roles.includes('risk_officer')

/** §9 participants; the caller is known to see the measure, so any risk officer qualifies. */
export const isParticipant = (caller: Caller, f: MeasureFacts) =>
  caller.id === f.responsibleId ||
  caller.id === f.creatorId ||
  (f.responsibleManagerId !== null && f.responsibleManagerId === caller.id) ||
  (f.creatorManagerId !== null && f.creatorManagerId === caller.id) ||
  caller.roles.includes('risk_officer')

/** §11: computed on read; a measure without a deadline is never overdue. */
export const isOverdue = (status: string, deadline: string | null, today: string) =>
  deadline !== null && deadline < today && (WORKING_STATUSES as readonly string[]).includes(status)

/** The UTC date of an ISO timestamp ("today" of §2). */
export const todayOf = (now: string) => now.slice(0, 10)

/** §8: `[<YYYY-MM-DD HH:mm> - <email> - <PREFIX>]:\n<content>\n` + 20 dashes, newest first. */
export function prependNote(notes: string | null, now: string, email: string, prefix: string, content: string) {
  const at = `${now.slice(0, 10)} ${now.slice(11, 16)}`
  return `[${at} - ${email} - ${prefix}]:\n${content}\n${'-'.repeat(20)}\n${notes ?? ''}`
}

/** Lists show the description's first line, cut at 120 characters (code points, §3.1). */
export function firstLine(description: string): string {
  const line = description.split(/\r?\n/, 1)[0] ?? ''
  const chars = [...line]
  return chars.length > 120 ? chars.slice(0, 120).join('') : line
}
