import { mayCreateControls } from './control.create'
import { PostgresAdapter, sql, type ExpressionBuilder } from 'kysely'
import { z } from 'zod'
import { defineQuery } from '../catalogue/define'
import { decodeCursor, encodeCursor } from '../core/cursor'
import { Id } from '../core/primitives'
import type { DB, Db } from '../db/schema'
import {
  CONTROL_FREQUENCIES,
  CONTROL_NATURES,
  CONTROL_TYPES,
  EVIDENCE_STATUSES,
  IMPLEMENTATION_STATUSES,
  TEST_RESULTS,
} from './control.constants'
import { controlVisible } from './control.visibility'

type Eb = ExpressionBuilder<DB, 'control'>

export const CONTROL_SORTS = ['title', 'code', '-updated_at', 'effectiveness', '-effectiveness'] as const
type SortKey = 'title' | 'code' | 'updated_at' | 'effectiveness'
type SortCol = `control.${SortKey}`

const list = <T extends readonly [string, ...string[]]>(values: T) => z.array(z.enum(values)).min(1).max(values.length)

/** controls.md §12 `control.list` filters. */
export const ControlListInput = z.strictObject({
  is_active: z.boolean().optional(),
  control_type: list(CONTROL_TYPES).optional(),
  control_nature: list(CONTROL_NATURES).optional(),
  control_frequency: list(CONTROL_FREQUENCIES).optional(),
  implementation_status: z.enum(IMPLEMENTATION_STATUSES).optional(),
  business_unit_id: z.array(Id).min(1).max(100).optional(),
  owner_id: z.union([z.literal('me'), Id]).optional(),
  group_wide: z.boolean().optional(),
  framework_id: z.string().min(1).max(64).optional(),
  clause_prefix: z.string().trim().min(1).max(50).optional(),
  evidence_status: list(EVIDENCE_STATUSES).optional(),
  last_test_result: z
    .array(z.enum([...TEST_RESULTS, 'NONE']))
    .min(1)
    .max(4)
    .optional(),
  linked_to_active_risk: z.boolean().optional(),
  effectiveness_lte: z.number().int().min(1).max(5).optional(),
  search: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(CONTROL_SORTS).default('title'),
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2000).optional(),
})
export type ControlListInput = z.input<typeof ControlListInput>

/** Rows after the cursor in (value IS NULL, value, id) order: nulls last in both directions. */
function keysetAfter(col: SortCol, dir: 'asc' | 'desc', v: string | number | null, id: string) {
  const cmp = dir === 'asc' ? '>' : '<'
  return (eb: Eb) => {
    if (v === null) return eb.and([eb(col, 'is', null), eb('control.id', cmp, id)])
    return eb.or([eb(col, 'is', null), eb(col, cmp, v), eb.and([eb(col, '=', v), eb('control.id', cmp, id)])])
  }
}

const ACTIVE_LINK = (eb: Eb) =>
  eb
    .selectFrom('risk_control')
    .innerJoin('risk', 'risk.id', 'risk_control.risk_id')
    .select('risk_control.control_id')
    .where('risk.status', '=', 'ACTIVE')
    .where('risk.deleted_at', 'is', null)

/** linked_risks_count (non-deleted risks of any status) and active_risks_count per control. */
export async function riskCounts(db: Db, controlIds: readonly string[]) {
  const out = new Map<string, { linked: number; active: number }>()
  if (controlIds.length === 0) return out
  const rows = await db
    .selectFrom('risk_control')
    .innerJoin('risk', 'risk.id', 'risk_control.risk_id')
    .select(['risk_control.control_id', 'risk.status'])
    .where('risk_control.control_id', 'in', controlIds)
    .where('risk.deleted_at', 'is', null)
    .execute()
  for (const r of rows) {
    const c = out.get(r.control_id) ?? { linked: 0, active: 0 }
    c.linked += 1
    if (r.status === 'ACTIVE') c.active += 1
    out.set(r.control_id, c)
  }
  return out
}

const escapeLike = (text: string, prefix = '', suffix = '%') =>
  `${prefix}${text.replace(/[%_\\]/g, (c) => `\\${c}`)}${suffix}`

/** A case-insensitive substring over ref, code, title and description, served by the text-search index. */
function searchFilter(db: Db, text: string) {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const like = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    return sql<boolean>`(coalesce(control.ref, '') || ' ' || coalesce(control.code, '') || ' ' || coalesce(control.title, '') || ' ' || coalesce(control.description, '')) ilike ${like}`
  }
  if ([...text].length >= 3) {
    // FTS5 trigram: a quoted phrase is a case-insensitive substring match.
    const phrase = `"${text.replace(/"/g, '""')}"`
    return sql<boolean>`control.rowid in (select rowid from control_search where control_search match ${phrase})`
  }
  // The trigram index cannot serve one or two characters.
  const like = `%${text.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`
  return sql<boolean>`(lower(coalesce(control.ref, '') || ' ' || coalesce(control.code, '') || ' ' || control.title || ' ' || control.description) like ${like} escape '\\')`
}

/** controls.md §12: visible controls, every filter ANDed, keyset paged, `{items, next_cursor, total}`. */
export const listControls = defineQuery({
  name: 'control.list',
  summary: 'Visible controls, filtered and keyset paged (controls §12).',
  input: ControlListInput,
  async handler(ctx, input) {
    let q = ctx.db
      .selectFrom('control')
      .where('control.tenant_id', '=', ctx.meta.tenantId)
      .where(controlVisible(ctx.actor))
    if (input.is_active !== undefined) q = q.where('control.is_active', '=', input.is_active ? 1 : 0)
    if (input.control_type) q = q.where('control.control_type', 'in', input.control_type)
    if (input.control_nature) q = q.where('control.control_nature', 'in', input.control_nature)
    if (input.control_frequency) q = q.where('control.control_frequency', 'in', input.control_frequency)
    if (input.implementation_status) q = q.where('control.implementation_status', '=', input.implementation_status)
    if (input.business_unit_id) q = q.where('control.business_unit_id', 'in', input.business_unit_id)
    if (input.owner_id) q = q.where('control.owner_id', '=', input.owner_id === 'me' ? ctx.actor.id : input.owner_id)
    if (input.group_wide !== undefined) q = q.where('control.group_wide', '=', input.group_wide ? 1 : 0)
    if (input.framework_id) {
      const fw = input.framework_id
      const prefix = input.clause_prefix?.toLowerCase()
      q = q.where('control.id', 'in', (eb) => {
        let sub = eb
          .selectFrom('control_framework_ref')
          .select('control_framework_ref.control_id')
          .where('control_framework_ref.framework_id', '=', fw)
        if (prefix)
          sub = sub.where(sql<boolean>`lower(control_framework_ref.clause_code) like ${escapeLike(prefix)} escape '\\'`)
        return sub
      })
    }
    if (input.evidence_status) q = q.where('control.evidence_status', 'in', input.evidence_status)
    if (input.last_test_result) {
      const results = input.last_test_result.filter((r) => r !== 'NONE')
      const none = input.last_test_result.includes('NONE')
      q = q.where((eb) =>
        eb.or([
          ...(results.length ? [eb('control.last_test_result', 'in', results)] : []),
          ...(none ? [eb('control.last_test_result', 'is', null)] : []),
        ]),
      )
    }
    if (input.linked_to_active_risk !== undefined)
      q = q.where('control.id', input.linked_to_active_risk ? 'in' : 'not in', ACTIVE_LINK)
    if (input.effectiveness_lte !== undefined) q = q.where('control.effectiveness', '<=', input.effectiveness_lte)
    if (input.search) q = q.where(searchFilter(ctx.db, input.search))

    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

    const dir = input.sort.startsWith('-') ? 'desc' : 'asc'
    const key = input.sort.replace('-', '') as SortKey
    const col: SortCol = `control.${key}`
    const after = decodeCursor(input.cursor)
    if (after) q = q.where(keysetAfter(col, dir, after[0] as string | number | null, String(after[1])))
    const rows = await q
      .innerJoin('users as owner', 'owner.id', 'control.owner_id')
      .innerJoin('business_unit as bu', 'bu.id', 'control.business_unit_id')
      .select([
        'control.id',
        'control.ref',
        'control.code',
        'control.title',
        'control.control_type',
        'control.control_nature',
        'control.control_frequency',
        'control.implementation_status',
        'control.effectiveness',
        'control.owner_id',
        'owner.full_name as owner_name',
        'control.business_unit_id',
        'bu.name as business_unit_name',
        'control.group_wide',
        'control.is_active',
        'control.evidence_status',
        'control.last_test_date',
        'control.last_test_result',
        'control.version',
        'control.updated_at',
      ])
      .orderBy(sql`${sql.ref(col)} is null`)
      .orderBy(sql.ref(col), dir)
      .orderBy('control.id', dir)
      .limit(input.limit + 1)
      .execute()
    const page = rows.slice(0, input.limit)
    const last = page[page.length - 1]
    const counts = await riskCounts(
      ctx.db,
      page.map((r) => r.id),
    )
    return {
      can_create: mayCreateControls(ctx.actor),
      items: page.map((r) => ({
        ...r,
        effectiveness: r.effectiveness === null ? null : Number(r.effectiveness),
        version: Number(r.version),
        group_wide: r.group_wide === 1,
        is_active: r.is_active === 1,
        linked_risks_count: counts.get(r.id)?.linked ?? 0,
        active_risks_count: counts.get(r.id)?.active ?? 0,
      })),
      next_cursor: rows.length > input.limit && last ? encodeCursor([last[key], last.id]) : null,
      total,
    }
  },
})

/** Active visible controls for the "Link control" pickers, by title. */
export const controlOptions = defineQuery({
  name: 'control.options',
  summary: 'Active visible controls for pickers.',
  input: z.strictObject({
    search: z.string().trim().min(1).max(100).optional(),
    limit: z.number().int().min(1).max(100).default(50),
  }),
  async handler(ctx, input) {
    let q = ctx.db
      .selectFrom('control')
      .select([
        'control.id',
        'control.ref',
        'control.code',
        'control.title',
        'control.business_unit_id',
        'control.group_wide',
      ])
      .where('control.tenant_id', '=', ctx.meta.tenantId)
      .where('control.is_active', '=', 1)
      .where(controlVisible(ctx.actor))
    if (input.search) q = q.where(searchFilter(ctx.db, input.search))
    const rows = await q.orderBy('control.title').orderBy('control.id').limit(input.limit).execute()
    return { items: rows.map((r) => ({ ...r, group_wide: r.group_wide === 1 })) }
  },
})
