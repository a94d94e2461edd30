import type { Selectable } from 'kysely'
import type { Db, RoutingRuleTable } from '../db/schema'
import { parsePredicate, type KnownIds, type RoutingContext, type RoutingRule } from './routing'

export type RoutingRuleRow = Selectable<RoutingRuleTable>
export type StoredRule = RoutingRule & {
  description: string
  active: boolean
  version: number
  updated_at: string
}

export function toRule(row: RoutingRuleRow): StoredRule {
  return {
    id: row.id,
    priority: Number(row.priority),
    created_at: row.created_at,
    predicate: parsePredicate(row.predicate),
    route_to_role: row.route_to_role,
    route_to_bu_id: row.route_to_bu_id,
    description: row.description,
    active: row.active === 1,
    version: Number(row.version),
    updated_at: row.updated_at,
  }
}

/** The tenant's rules in evaluation order (priority, created_at, id), served by the routing_rule_order index. */
export async function loadRules(db: Db, tenantId: string, opts: { activeOnly: boolean }): Promise<StoredRule[]> {
  let q = db.selectFrom('routing_rule').selectAll().where('tenant_id', '=', tenantId)
  if (opts.activeOnly) q = q.where('active', '=', 1)
  const rows = await q.orderBy('priority').orderBy('created_at').orderBy('id').execute()
  return rows.map(toRule)
}

/** What evaluateRouting needs besides the rules: default Basel maps and the level-2 → level-1 parents. */
export async function loadRoutingContext(db: Db, reportingCurrency: string): Promise<RoutingContext> {
  const [defaults, children] = await Promise.all([
    db
      .selectFrom('simplified_to_basel_map')
      .select(['simplified_event_type_id', 'basel_event_type_id'])
      .where('is_default', '=', 1)
      .execute(),
    db.selectFrom('basel_event_type').select(['id', 'parent_id']).where('parent_id', 'is not', null).execute(),
  ])
  return {
    reportingCurrency,
    defaultBasel: Object.fromEntries(defaults.map((d) => [d.simplified_event_type_id, d.basel_event_type_id])),
    baselParent: Object.fromEntries(children.map((c) => [c.id, c.parent_id!])),
  }
}

/** The ids a predicate or recipient may name (§9.1 "ids point to existing rows"). */
export async function knownIds(db: Db, tenantId: string): Promise<Required<KnownIds>> {
  const [types, units, basel] = await Promise.all([
    db.selectFrom('simplified_event_type').select('id').execute(),
    db.selectFrom('business_unit').select('id').where('tenant_id', '=', tenantId).execute(),
    db.selectFrom('basel_event_type').select('id').execute(),
  ])
  return {
    simplifiedTypes: new Set(types.map((t) => t.id)),
    businessUnits: new Set(units.map((u) => u.id)),
    baselTypes: new Set(basel.map((b) => b.id)),
  }
}

/**
 * Who a rule's notification fans out to (incidents §10): active users holding the role (when set) in the unit
 * (when set). Mirrors the queue's fan-out; the dry run shows it without writing anything.
 */
export async function routingRecipients(
  db: Db,
  tenantId: string,
  rule: Pick<RoutingRule, 'route_to_role' | 'route_to_bu_id'>,
): Promise<{ id: string; full_name: string; email: string }[]> {
  let q = db
    .selectFrom('users')
    .select(['id', 'full_name', 'email', 'roles'])
    .where('is_active', '=', 1)
    .where('tenant_id', '=', tenantId)
  if (rule.route_to_bu_id) q = q.where('business_unit_id', '=', rule.route_to_bu_id)
  const users = await q.orderBy('id').execute()
  return users
    .filter((u) => !rule.route_to_role || (JSON.parse(u.roles) as string[]).includes(rule.route_to_role))
    .map(({ id, full_name, email }) => ({ id, full_name, email }))
}
