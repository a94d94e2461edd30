import type { InputOf } from '#shared/catalogue/types'
import type { Role } from '#shared/core/primitives'
import { validateRoutingRule } from '#shared/incident-config/routing'
import type { ApiError } from '#renderer/api'
import type { FieldErrors } from '#renderer/lib/form-errors'
import { parseAmount } from '#renderer/lib/money'
import type { RuleRow } from './settings-types'

export type RuleValues = {
  id: string | null
  version: number | null
  priority: string
  /** Major units of the reporting currency, as typed (incidents §9.1: stored in minor units). */
  min_amount: string
  simplified_event_type_id: string
  business_unit_id: string
  basel_event_type_id: string
  route_to_role: Role | ''
  route_to_bu_id: string
  description: string
  active: boolean
}
export const CONDITIONS = ['min_amount', 'simplified_event_type_id', 'business_unit_id', 'basel_event_type_id'] as const
export const RULE_FIELDS = [
  'predicate',
  'priority',
  ...CONDITIONS,
  'route_to_role',
  'route_to_bu_id',
  'description',
] as const
export type RuleField = (typeof RULE_FIELDS)[number]
type SaveInput = InputOf<'incidentConfig.saveRoutingRule'>

export const emptyRule = (): RuleValues => ({
  id: null,
  version: null,
  priority: '100',
  min_amount: '',
  simplified_event_type_id: '',
  business_unit_id: '',
  basel_event_type_id: '',
  route_to_role: '',
  route_to_bu_id: '',
  description: '',
  active: true,
})

/** 100000000 minor units with 2 digits → "1000000.00". */
export function toMajor(minor: number, digits: number): string {
  const text = String(minor).padStart(digits + 1, '0')
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`
}

export function ruleToValues(rule: RuleRow, digits: number): RuleValues {
  const p = rule.predicate
  return {
    id: rule.id,
    version: rule.version,
    priority: String(rule.priority),
    min_amount: p.min_amount === undefined ? '' : toMajor(p.min_amount, digits),
    simplified_event_type_id: p.simplified_event_type_id ?? '',
    business_unit_id: p.business_unit_id ?? '',
    basel_event_type_id: p.basel_event_type_id ?? '',
    route_to_role: (rule.route_to_role ?? '') as Role | '',
    route_to_bu_id: rule.route_to_bu_id ?? '',
    description: rule.description,
    active: rule.active,
  }
}

/** The form → the save input, or the errors the user can fix first (the same §9.1 rules the handler runs). */
export function buildRuleInput(
  v: RuleValues,
  currency: { code: string; digits: number },
  newId: () => string,
): { input: SaveInput | null; errors: FieldErrors<RuleField> } {
  const errors: FieldErrors<RuleField> = {}
  const priority = Number(v.priority.trim())
  if (!/^\d+$/.test(v.priority.trim()) || priority > 100_000)
    errors.priority = 'Priority must be a whole number from 0 to 100,000.'
  const predicate: Record<string, string | number> = {}
  const amount = parseAmount(v.min_amount, currency.code, currency.digits)
  if (!amount.ok) errors.min_amount = amount.message
  else if (amount.minor !== null) predicate.min_amount = amount.minor
  for (const key of ['simplified_event_type_id', 'business_unit_id', 'basel_event_type_id'] as const)
    if (v[key]) predicate[key] = v[key]
  const draft = { predicate, route_to_role: v.route_to_role || null, route_to_bu_id: v.route_to_bu_id || null }
  Object.assign(errors, { ...toFieldErrors(validateRoutingRule(draft)), ...errors })
  if (v.description.trim() === '') errors.description = 'Description is required.'
  if (Object.keys(errors).length > 0) return { input: null, errors }
  const input: SaveInput = {
    id: v.id ?? newId(),
    priority,
    predicate,
    route_to_role: draft.route_to_role,
    route_to_bu_id: draft.route_to_bu_id,
    description: v.description,
    active: v.active,
  }
  if (v.version !== null) input.expected_version = v.version
  return { input, errors }
}

/** Issue paths → editor fields: `predicate.<key>` lands under that condition, `predicate` above them all. */
export function toFieldErrors(issues: readonly { path: readonly (string | number)[]; message: string }[]) {
  const out: FieldErrors<RuleField> = {}
  const known = (f: unknown): f is RuleField => (RULE_FIELDS as readonly unknown[]).includes(f)
  for (const i of issues) {
    const [head, key] = i.path
    const field = head === 'predicate' && known(key) ? key : known(head) ? head : 'predicate'
    out[field] ??= i.message
  }
  return out
}

export function ruleErrors(error: ApiError): { fieldErrors: FieldErrors<RuleField>; banner: ApiError | null } {
  if (error.code !== 'VALIDATION') return { fieldErrors: {}, banner: error }
  return { fieldErrors: toFieldErrors(error.issues), banner: null }
}
