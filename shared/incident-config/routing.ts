import type { Issue } from '../core/errors'

// Notification routing (incidents §9.1–9.2): pure, so the rule table is tested as vectors and the same code
// answers `incident.review` and the admin dry run.

export const PREDICATE_KEYS = [
  'min_amount',
  'simplified_event_type_id',
  'business_unit_id',
  'basel_event_type_id',
] as const
export type PredicateKey = (typeof PREDICATE_KEYS)[number]

export type RoutingPredicate = {
  min_amount?: number
  simplified_event_type_id?: string
  business_unit_id?: string
  basel_event_type_id?: string
}

export type RoutingRule = {
  id: string
  priority: number
  created_at: string
  predicate: RoutingPredicate
  route_to_role: string | null
  route_to_bu_id: string | null
  /** Absent counts as active: callers usually pass only the active rules. */
  active?: boolean
}

/** The incident facts a predicate reads. */
export type RoutableIncident = {
  business_unit_id: string
  simplified_event_type_id: string | null
  basel_event_type_id: string | null
  gross_loss_amount: number | null
  currency_code: string | null
  gross_loss_reporting: number | null
}

export type RoutingContext = {
  reportingCurrency: string
  /** simplified_event_type_id → its is_default Basel type (types without a default are absent). */
  defaultBasel: Readonly<Record<string, string>>
  /** level-2 Basel id → its level-1 parent. */
  baselParent: Readonly<Record<string, string>>
}

/** Evaluation order: priority asc, created_at asc, id asc (§9.2). */
export function byEvaluationOrder(a: RoutingRule, b: RoutingRule): number {
  if (a.priority !== b.priority) return a.priority - b.priority
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** The first active rule whose every condition holds, or null. */
export function evaluateRouting<R extends RoutingRule>(
  incident: RoutableIncident,
  rules: readonly R[],
  ctx: RoutingContext,
): R | null {
  const ordered = rules.filter((r) => r.active !== false).sort(byEvaluationOrder)
  return ordered.find((r) => matches(incident, r.predicate, ctx)) ?? null
}

export function matches(incident: RoutableIncident, p: RoutingPredicate, ctx: RoutingContext): boolean {
  if (p.min_amount !== undefined && !meetsAmount(incident, p.min_amount, ctx)) return false
  if (p.simplified_event_type_id !== undefined && incident.simplified_event_type_id !== p.simplified_event_type_id)
    return false
  if (p.business_unit_id !== undefined && incident.business_unit_id !== p.business_unit_id) return false
  if (p.basel_event_type_id !== undefined && !meetsBasel(incident, p.basel_event_type_id, ctx)) return false
  return true
}

function meetsAmount(incident: RoutableIncident, min: number, ctx: RoutingContext): boolean {
  const gross = incident.gross_loss_amount
  if (gross === null) return 0 >= min
  if (incident.currency_code === ctx.reportingCurrency) return gross >= min
  // Gross is known but cannot be converted (no rate): err toward notifying (§9.1).
  if (incident.gross_loss_reporting === null) return true
  return incident.gross_loss_reporting >= min
}

/** The Basel type that counts: the incident's own, else the simplified type's default mapping, else none. */
export function effectiveBaselType(incident: RoutableIncident, ctx: RoutingContext): string | null {
  if (incident.basel_event_type_id) return incident.basel_event_type_id
  if (incident.simplified_event_type_id) return ctx.defaultBasel[incident.simplified_event_type_id] ?? null
  return null
}

function meetsBasel(incident: RoutableIncident, wanted: string, ctx: RoutingContext): boolean {
  const effective = effectiveBaselType(incident, ctx)
  if (effective === null) return false
  // A level-1 key also matches its level-2 children; a level-2 key matches only itself.
  return effective === wanted || ctx.baselParent[effective] === wanted
}

/** Stored predicate text → object (keys in the fixed order of §9.1). */
export function parsePredicate(json: string): RoutingPredicate {
  const raw: unknown = JSON.parse(json)
  return normalizePredicate(raw as Record<string, unknown>)
}

export function normalizePredicate(raw: Record<string, unknown>): RoutingPredicate {
  const out: RoutingPredicate = {}
  if (typeof raw.min_amount === 'number') out.min_amount = raw.min_amount
  if (typeof raw.simplified_event_type_id === 'string') out.simplified_event_type_id = raw.simplified_event_type_id
  if (typeof raw.business_unit_id === 'string') out.business_unit_id = raw.business_unit_id
  if (typeof raw.basel_event_type_id === 'string') out.basel_event_type_id = raw.basel_event_type_id
  return out
}

export const ROUTING_MESSAGES = {
  noCondition: 'A rule needs at least one condition.',
  unknownKey: (key: string) => `Unknown predicate key '${key}'. Allowed keys: ${PREDICATE_KEYS.join(', ')}.`,
  minAmount: 'min_amount must be a whole number of minor units, 0 or more.',
  simplifiedType: 'Unknown simplified event type.',
  businessUnit: 'Unknown business unit.',
  baselType: 'Unknown Basel event type.',
  noRecipient: 'Choose a role, a business unit, or both.',
  adminRecipient: 'Administrators cannot receive routed notifications.',
} as const

export type RuleDraft = { predicate: unknown; route_to_role: string | null; route_to_bu_id: string | null }
/** Ids that exist, for the "points to an existing row" rules; omit a set to skip that check (early feedback). */
export type KnownIds = {
  simplifiedTypes?: ReadonlySet<string>
  businessUnits?: ReadonlySet<string>
  baselTypes?: ReadonlySet<string>
}

/** The save rules of §9.1 with their exact messages, in order: predicate, then recipients. */
export function validateRoutingRule(rule: RuleDraft, known: KnownIds = {}): Issue[] {
  const issues: Issue[] = []
  const p = rule.predicate
  const at = (key: string) => ['predicate', key]
  if (typeof p !== 'object' || p === null || Array.isArray(p) || Object.keys(p).length === 0) {
    issues.push({ path: ['predicate'], message: ROUTING_MESSAGES.noCondition })
  } else {
    const entries = Object.entries(p as Record<string, unknown>)
    for (const [key] of entries)
      if (!(PREDICATE_KEYS as readonly string[]).includes(key))
        issues.push({ path: at(key), message: ROUTING_MESSAGES.unknownKey(key) })
    const idRule = (key: PredicateKey, set: ReadonlySet<string> | undefined, message: string) => {
      if (!(key in p)) return
      const v = (p as Record<string, unknown>)[key]
      if (typeof v !== 'string' || v === '' || (set && !set.has(v))) issues.push({ path: at(key), message })
    }
    if ('min_amount' in p) {
      const v = (p as Record<string, unknown>).min_amount
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
        issues.push({ path: at('min_amount'), message: ROUTING_MESSAGES.minAmount })
    }
    idRule('simplified_event_type_id', known.simplifiedTypes, ROUTING_MESSAGES.simplifiedType)
    idRule('business_unit_id', known.businessUnits, ROUTING_MESSAGES.businessUnit)
    idRule('basel_event_type_id', known.baselTypes, ROUTING_MESSAGES.baselType)
  }
  if (!rule.route_to_role && !rule.route_to_bu_id)
    issues.push({ path: ['route_to_role'], message: ROUTING_MESSAGES.noRecipient })
  if (rule.route_to_role === 'admin') issues.push({ path: ['route_to_role'], message: ROUTING_MESSAGES.adminRecipient })
  if (rule.route_to_bu_id && known.businessUnits && !known.businessUnits.has(rule.route_to_bu_id))
    issues.push({ path: ['route_to_bu_id'], message: ROUTING_MESSAGES.businessUnit })
  return issues
}
