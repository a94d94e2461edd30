import type { CommandCtx } from '../catalogue/context'
import { defineCommand } from '../catalogue/define'
import { fail } from '../core/errors'
import { normalizePredicate, validateRoutingRule } from './routing'
import { RoutingRuleInput, RuleActiveInput } from './config.schema'
import { refuse, requireAdmin } from './config.store'
import { knownIds, toRule, type RoutingRuleRow, type StoredRule } from './routing.store'

const SCOPE = JSON.stringify(['adm'])
const AUDITED = ['priority', 'predicate', 'route_to_role', 'route_to_bu_id', 'description', 'active'] as const

function changes(before: StoredRule | null, after: StoredRule) {
  return AUDITED.filter((f) => !before || JSON.stringify(before[f]) !== JSON.stringify(after[f])).map((field) => ({
    field,
    before: before ? before[field] : null,
    after: after[field],
  }))
}

async function findRule(ctx: CommandCtx, id: string): Promise<RoutingRuleRow | undefined> {
  return ctx.db
    .selectFrom('routing_rule')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.meta.tenantId)
    .executeTakeFirst()
}

function expectVersion(row: RoutingRuleRow, expected: number | undefined) {
  if (expected !== undefined && Number(row.version) !== expected)
    fail.conflict({
      message: 'This routing rule changed after you saw it. Review the changes and try again.',
      entity: 'Routing rule',
      id: row.id,
      expectedVersion: expected,
      actualVersion: Number(row.version),
    })
}

/** Creates the rule, or updates the one with this id (incidents §9.1, §13). Rules are never deleted. */
export const saveRoutingRule = defineCommand({
  name: 'incidentConfig.saveRoutingRule',
  summary: 'Create or change a notification routing rule.',
  input: RoutingRuleInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['routing_rule'],
  async handler(ctx, input) {
    requireAdmin(ctx.actor)
    const existing = await findRule(ctx, input.id)
    if (existing) {
      ctx.touch('routing_rule', existing.id, Number(existing.version))
      expectVersion(existing, input.expected_version)
    }
    refuse(validateRoutingRule(input, await knownIds(ctx.db, ctx.meta.tenantId)))
    const predicate = JSON.stringify(normalizePredicate(input.predicate as Record<string, unknown>))
    const values = {
      priority: input.priority,
      predicate,
      route_to_role: input.route_to_role,
      route_to_bu_id: input.route_to_bu_id,
      description: input.description,
      active: (input.active ?? (existing ? existing.active === 1 : true)) ? 1 : 0,
      updated_at: ctx.now,
    }
    const before = existing ? toRule(existing) : null
    let row: RoutingRuleRow
    if (existing) {
      row = { ...existing, ...values, version: Number(existing.version) + 1 }
      await ctx.db
        .updateTable('routing_rule')
        .set({ ...values, version: row.version })
        .where('id', '=', existing.id)
        .execute()
    } else {
      // Admin-only configuration (sync.md §8.2: scope `adm`).
      const created = { id: input.id, tenant_id: ctx.meta.tenantId, created_at: ctx.now, scope_keys: SCOPE, ...values }
      row = { ...created, version: 1 }
      await ctx.db.insertInto('routing_rule').values(created).execute()
    }
    const after = toRule(row)
    ctx.audit.record({ entityType: 'routing_rule', entityId: after.id, changes: changes(before, after) })
    return after
  },
})

export const setRoutingRuleActive = defineCommand({
  name: 'incidentConfig.setRoutingRuleActive',
  summary: 'Switch a routing rule on or off (rules are deactivated, never deleted).',
  input: RuleActiveInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['routing_rule'],
  async handler(ctx, input) {
    const existing = (await findRule(ctx, input.id)) ?? fail.notFound('Routing rule')
    requireAdmin(ctx.actor)
    ctx.touch('routing_rule', existing.id, Number(existing.version))
    const row = {
      ...existing,
      active: input.active ? 1 : 0,
      version: Number(existing.version) + 1,
      updated_at: ctx.now,
    }
    await ctx.db
      .updateTable('routing_rule')
      .set({ active: row.active, version: row.version, updated_at: ctx.now })
      .where('id', '=', existing.id)
      .execute()
    const after = toRule(row)
    ctx.audit.record({ entityType: 'routing_rule', entityId: after.id, changes: changes(toRule(existing), after) })
    return after
  },
})
