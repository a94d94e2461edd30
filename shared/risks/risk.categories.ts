import { z } from 'zod'
import type { CommandCtx } from '../catalogue/context'
import { defineCommand, defineQuery } from '../catalogue/define'
import { fail } from '../core/errors'
import type { Db } from '../db/schema'
import { hasRole } from '../users/actor'
import { MSG } from './risk.constants'
import { allowedBaselIds } from './risk.rules'
import { baselTypes } from './risk.store'

// risks.md §3.4 and §2.6: risk categories and the Basel event types they allow, edited by the admin.

/** Every category (optionally only active or inactive ones) by name, with its mapped and allowed Basel types. */
export async function categoriesWithTypes(db: Db, isActive?: boolean) {
  let q = db
    .selectFrom('risk_category')
    .select(['id', 'name', 'description', 'is_active'])
    .orderBy('name')
    .orderBy('id')
  if (isActive !== undefined) q = q.where('is_active', '=', isActive ? 1 : 0)
  const categories = await q.execute()
  const mapping = await db
    .selectFrom('risk_category_event_type')
    .select(['category_id', 'basel_event_type_id'])
    .execute()
  const types = await baselTypes(db)
  const names = await db
    .selectFrom('basel_event_type')
    .select(['id', 'name', 'level', 'parent_id', 'sort_order'])
    .orderBy('sort_order')
    .orderBy('id')
    .execute()
  return categories.map((c) => {
    const mapped = mapping.filter((m) => m.category_id === c.id).map((m) => m.basel_event_type_id)
    const allowed = new Set(allowedBaselIds(mapped, types))
    const allowedTypes = names
      .filter((t) => allowed.has(t.id))
      .map((t) => ({ id: t.id, name: t.name, level: Number(t.level), parent_id: t.parent_id }))
    return {
      id: c.id,
      name: c.name,
      description: c.description,
      is_active: c.is_active === 1,
      event_type_ids: names.filter((t) => mapped.includes(t.id)).map((t) => t.id),
      allowed_event_type_ids: allowedTypes.map((t) => t.id),
      allowed_event_types: allowedTypes,
    }
  })
}

/** `riskCategory.list {is_active?}`: the categories by name; the Basel picker offers `allowed_event_types`. */
export const listRiskCategories = defineQuery({
  name: 'riskCategory.list',
  summary: 'Risk categories with the Basel event types each allows (level 1 and level 2).',
  input: z.strictObject({ is_active: z.boolean().optional() }),
  async handler(ctx, input) {
    return { items: await categoriesWithTypes(ctx.db, input.is_active) }
  },
})

const CategoryName = z
  .string({ error: 'This field is required.' })
  .transform((s) => s.trim())
  .check((c) => {
    const n = [...c.value].length
    if (n === 0) c.issues.push({ code: 'custom', message: 'This field is required.', input: c.value })
    else if (n > 100) c.issues.push({ code: 'custom', message: 'Name must be 1–100 characters.', input: c.value })
  })
const CategoryDescription = z
  .string()
  .transform((s) => s.trim())
  .check((c) => {
    if ([...c.value].length > 1000)
      c.issues.push({ code: 'custom', message: 'Description must be at most 1000 characters.', input: c.value })
  })
const EventTypeIds = z.array(z.string().min(1).max(20)).max(100)
const CategoryCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,49}$/, 'Use 2–50 capital letters, digits or underscores, starting with a letter.')

export function requireAdmin(ctx: Pick<CommandCtx, 'actor'>) {
  if (!hasRole(ctx.actor, 'admin')) fail.forbidden(MSG.adminOnly)
}

/** The category's mapping rows become exactly `ids`, each added or removed row audited. */
async function setMapping(ctx: CommandCtx, categoryId: string, ids: readonly string[]) {
  if (ids.length === 0) fail.field('event_type_ids', MSG.categoryNeedsType)
  const known = new Set((await baselTypes(ctx.db)).map((t) => t.id))
  const unknown = ids.find((id) => !known.has(id))
  if (unknown) fail.field('event_type_ids', `Unknown Basel event type: ${unknown}.`)
  const current = (
    await ctx.db
      .selectFrom('risk_category_event_type')
      .select('basel_event_type_id')
      .where('category_id', '=', categoryId)
      .execute()
  ).map((r) => r.basel_event_type_id)
  const want = [...new Set(ids)].sort()
  for (const id of current.filter((c) => !want.includes(c)).sort()) {
    await ctx.db
      .deleteFrom('risk_category_event_type')
      .where('category_id', '=', categoryId)
      .where('basel_event_type_id', '=', id)
      .execute()
    ctx.audit.record({
      entityType: 'risk_category_event_type',
      entityId: `${categoryId}:${id}`,
      changes: [
        { field: 'category_id', before: categoryId, after: null },
        { field: 'basel_event_type_id', before: id, after: null },
      ],
    })
  }
  for (const id of want.filter((w) => !current.includes(w))) {
    await ctx.db
      .insertInto('risk_category_event_type')
      .values({ category_id: categoryId, basel_event_type_id: id })
      .execute()
    ctx.audit.record({
      entityType: 'risk_category_event_type',
      entityId: `${categoryId}:${id}`,
      changes: [
        { field: 'category_id', before: null, after: categoryId },
        { field: 'basel_event_type_id', before: null, after: id },
      ],
    })
  }
}

async function nameTaken(db: Db, name: string, selfId?: string) {
  const rows = await db.selectFrom('risk_category').select(['id', 'name']).execute()
  return rows.some((r) => r.id !== selfId && r.name.toLowerCase() === name.toLowerCase())
}

export const createRiskCategory = defineCommand({
  name: 'riskCategory.create',
  summary: 'Add a risk category with the Basel event types it allows.',
  input: z.strictObject({
    id: CategoryCode,
    name: CategoryName,
    description: CategoryDescription.nullish(),
    event_type_ids: EventTypeIds,
  }),
  sync: 'push',
  concurrency: 'none',
  touches: ['risk_category', 'risk_category_event_type'],
  async handler(ctx, input) {
    requireAdmin(ctx)
    if (await ctx.db.selectFrom('risk_category').select('id').where('id', '=', input.id).executeTakeFirst())
      fail.field('id', 'A risk category with this code already exists.')
    if (await nameTaken(ctx.db, input.name)) fail.field('name', 'A risk category with this name already exists.')
    if (input.event_type_ids.length === 0) fail.field('event_type_ids', MSG.categoryNeedsType)
    const row = { id: input.id, name: input.name, description: input.description || null, is_active: 1 }
    await ctx.db.insertInto('risk_category').values(row).execute()
    ctx.audit.record({
      entityType: 'risk_category',
      entityId: row.id,
      changes: Object.entries(row)
        .filter(([, v]) => v !== null)
        .map(([field, after]) => ({ field, before: null, after })),
    })
    await setMapping(ctx, row.id, input.event_type_ids)
    return (await categoriesWithTypes(ctx.db)).find((c) => c.id === row.id)!
  },
})

export const updateRiskCategory = defineCommand({
  name: 'riskCategory.update',
  summary: 'Rename, describe, (de)activate a risk category or change the Basel event types it allows.',
  input: z.strictObject({
    id: z.string().min(1).max(50),
    name: CategoryName.optional(),
    description: CategoryDescription.nullable().optional(),
    is_active: z.boolean().optional(),
    event_type_ids: EventTypeIds.optional(),
  }),
  sync: 'push',
  concurrency: 'none',
  touches: ['risk_category', 'risk_category_event_type'],
  async handler(ctx, input) {
    requireAdmin(ctx)
    const current = await ctx.db.selectFrom('risk_category').selectAll().where('id', '=', input.id).executeTakeFirst()
    if (!current) return fail.notFound('Risk category')
    if (input.name !== undefined && (await nameTaken(ctx.db, input.name, input.id)))
      fail.field('name', 'A risk category with this name already exists.')
    if (input.event_type_ids !== undefined && input.event_type_ids.length === 0)
      fail.field('event_type_ids', MSG.categoryNeedsType)
    const after: Record<string, string | number | null> = {}
    if (input.name !== undefined && input.name !== current.name) after.name = input.name
    if (input.description !== undefined && (input.description || null) !== current.description)
      after.description = input.description || null
    if (input.is_active !== undefined && (input.is_active ? 1 : 0) !== current.is_active)
      after.is_active = input.is_active ? 1 : 0
    if (Object.keys(after).length > 0) {
      await ctx.db.updateTable('risk_category').set(after).where('id', '=', input.id).execute()
      ctx.audit.record({
        entityType: 'risk_category',
        entityId: input.id,
        changes: Object.entries(after).map(([field, v]) => ({
          field,
          before: (current as Record<string, unknown>)[field] ?? null,
          after: v,
        })),
      })
    }
    if (input.event_type_ids !== undefined) await setMapping(ctx, input.id, input.event_type_ids)
    return (await categoriesWithTypes(ctx.db)).find((c) => c.id === input.id)!
  },
})
