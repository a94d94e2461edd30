import { sql } from 'kysely'
import { defineCommand } from '../catalogue/define'
import { fail } from '../core/errors'
import type { Db } from '../db/schema'
import { baselMapIssues } from './config.rules'
import { BaselMapInput, SimplifiedTypeInput } from './config.schema'
import { refuse, requireAdmin } from './config.store'

const FIELDS = ['name', 'short_desc', 'front_end_hint', 'is_active', 'sort_order'] as const

export async function baselMapOf(db: Db, typeId: string) {
  const rows = await db
    .selectFrom('simplified_to_basel_map as m')
    .innerJoin('basel_event_type as b', 'b.id', 'm.basel_event_type_id')
    .select(['m.basel_event_type_id', 'm.is_default'])
    .where('m.simplified_event_type_id', '=', typeId)
    .orderBy('b.sort_order')
    .orderBy('b.id')
    .execute()
  return rows.map((r) => ({ basel_event_type_id: r.basel_event_type_id, is_default: r.is_default === 1 }))
}

/** Creates or changes a front-line type (incidents §3.5, §13); the report form lists active ones by sort_order. */
export const saveSimplifiedType = defineCommand({
  name: 'incidentConfig.saveSimplifiedType',
  summary: 'Create or change a simplified event type.',
  input: SimplifiedTypeInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['simplified_event_type'],
  async handler(ctx, input) {
    requireAdmin(ctx.actor)
    const existing = await ctx.db
      .selectFrom('simplified_event_type')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst()
    const clash = await ctx.db
      .selectFrom('simplified_event_type')
      .select('id')
      .where(sql<string>`lower(name)`, '=', input.name.toLowerCase())
      .where('id', '!=', input.id)
      .executeTakeFirst()
    if (clash) refuse([{ path: ['name'], message: 'A simplified type with this name exists.' }])
    const values = { ...input, is_active: input.is_active ? 1 : 0 }
    if (existing) await ctx.db.updateTable('simplified_event_type').set(values).where('id', '=', input.id).execute()
    else await ctx.db.insertInto('simplified_event_type').values(values).execute()
    const before = existing && { ...existing, is_active: existing.is_active === 1 }
    ctx.audit.record({
      entityType: 'simplified_event_type',
      entityId: input.id,
      changes: FIELDS.filter((f) => !before || before[f] !== input[f]).map((field) => ({
        field,
        before: before ? before[field] : null,
        after: input[field],
      })),
    })
    return { ...input, basel_map: await baselMapOf(ctx.db, input.id) }
  },
})

/** Replaces a type's Basel mapping; its default is what validation preselects and routing falls back on. */
export const setBaselMap = defineCommand({
  name: 'incidentConfig.setBaselMap',
  summary: 'Replace the Basel types a simplified type maps to.',
  input: BaselMapInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['simplified_to_basel_map'],
  async handler(ctx, input) {
    const type = await ctx.db
      .selectFrom('simplified_event_type')
      .select('id')
      .where('id', '=', input.simplified_event_type_id)
      .executeTakeFirst()
    if (!type) fail.notFound('Simplified event type')
    requireAdmin(ctx.actor)
    const basel = await ctx.db.selectFrom('basel_event_type').select('id').execute()
    refuse(baselMapIssues(input.entries, new Set(basel.map((b) => b.id))))
    const before = await baselMapOf(ctx.db, type.id)
    await ctx.db.deleteFrom('simplified_to_basel_map').where('simplified_event_type_id', '=', type.id).execute()
    if (input.entries.length > 0)
      await ctx.db
        .insertInto('simplified_to_basel_map')
        .values(
          input.entries.map((e) => ({
            simplified_event_type_id: type.id,
            basel_event_type_id: e.basel_event_type_id,
            is_default: e.is_default ? 1 : 0,
          })),
        )
        .execute()
    const after = await baselMapOf(ctx.db, type.id)
    const same = JSON.stringify(before) === JSON.stringify(after)
    ctx.audit.record({
      entityType: 'simplified_event_type',
      entityId: type.id,
      changes: same ? [] : [{ field: 'basel_map', before, after }],
    })
    return { simplified_event_type_id: type.id, entries: after }
  },
})
