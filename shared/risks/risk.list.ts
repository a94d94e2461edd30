import {
  PostgresAdapter,
  sql,
  type Expression,
  type ExpressionBuilder,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely'
import { defineQuery } from '../catalogue/define'
import type { Actor, QueryCtx } from '../catalogue/context'
import { decodeCursor, encodeCursor } from '../core/cursor'
import type { DB, Db } from '../db/schema'
import { matrixById, type Matrix } from '../risk-matrix/matrix.bands'
import { ACCEPTANCE_FILTER_STATES, acceptanceBadge, bandView, queuesOf, RISK_STATUS_LABELS } from './risk.read-rules'
import { RiskListInput, type RiskQueue, type RiskSort } from './risk.read-schema'
import { riskVisible } from './risk.visibility'

// risks.md §7 (queues), §15 (register columns), §16 (filters and sorts).

type Eb = ExpressionBuilder<DB, 'risk'>
type Q<O> = SelectQueryBuilder<DB, 'risk', O>
type Input = ReturnType<typeof RiskListInput.parse>

const SORT_COLUMN = {
  created_at: 'risk.created_at',
  updated_at: 'risk.updated_at',
  ref: 'risk.ref',
  title: 'risk.title',
  inherent_score: 'risk.inherent_score',
  residual_score: 'risk.residual_score',
  next_review_date: 'risk.next_review_date',
  submitted_for_review_at: 'risk.submitted_for_review_at',
} as const
type SortCol = (typeof SORT_COLUMN)[RiskSort]

const NULLABLE = new Set<SortCol>([
  'risk.inherent_score',
  'risk.residual_score',
  'risk.next_review_date',
  'risk.submitted_for_review_at',
])

/** Newest and highest first for timestamps and scores; A→Z and soonest first for the rest. */
const DEFAULT_DIRECTION: Record<RiskSort, 'asc' | 'desc'> = {
  created_at: 'desc',
  updated_at: 'desc',
  ref: 'asc',
  title: 'asc',
  inherent_score: 'desc',
  residual_score: 'desc',
  next_review_date: 'asc',
  submitted_for_review_at: 'asc',
}

/** §7: each queue's own order, used when the caller names no sort. */
const QUEUE_ORDER: Record<RiskQueue, { sort: RiskSort; direction: 'asc' | 'desc' }> = {
  PENDING_MY_VALIDATION: { sort: 'submitted_for_review_at', direction: 'asc' },
  MY_DRAFTS: { sort: 'updated_at', direction: 'desc' },
  DUE_FOR_REASSESSMENT: { sort: 'next_review_date', direction: 'asc' },
}

/** The sort of a list call: explicit, else the queue's, else `created_at desc`. */
export function sortOf(input: Pick<Input, 'sort' | 'direction' | 'queue'>) {
  const sort = input.sort ?? (input.queue ? QUEUE_ORDER[input.queue].sort : 'created_at')
  const direction =
    input.direction ?? (input.queue && !input.sort ? QUEUE_ORDER[input.queue].direction : DEFAULT_DIRECTION[sort])
  return { sort, direction }
}

/** The number of linked active controls of the row's risk. */
const activeControls = (eb: Eb) =>
  eb
    .selectFrom('risk_control')
    .innerJoin('control', 'control.id', 'risk_control.control_id')
    .select((s) => s.fn.countAll<number>().as('n'))
    .whereRef('risk_control.risk_id', '=', 'risk.id')
    .where('control.is_active', '=', 1)

/** The state of the row's latest acceptance (§12.6: the badge reads the latest one). */
const latestAcceptanceState = (eb: Eb) =>
  eb
    .selectFrom('risk_acceptance')
    .select('risk_acceptance.state')
    .whereRef('risk_acceptance.risk_id', '=', 'risk.id')
    .orderBy('risk_acceptance.requested_at', 'desc')
    .orderBy('risk_acceptance.id', 'desc')
    .limit(1)

/** §7: the queue predicates for the caller; a queue the caller's roles do not have is empty. */
function queuePredicate(actor: Actor, queue: RiskQueue, today: string) {
  const officer = actor.roles.includes('risk_officer')
  const manager = actor.roles.includes('manager')
  const held = queuesOf(actor.roles).includes(queue)
  return (eb: Eb): Expression<SqlBool> => {
    if (!held) return eb.lit(false)
    const inScope =
      officer && actor.groupScope
        ? eb.lit(true)
        : actor.businessUnitId
          ? eb('risk.business_unit_id', '=', actor.businessUnitId)
          : eb.lit(false)
    switch (queue) {
      case 'PENDING_MY_VALIDATION':
        return eb.and([eb('risk.status', '=', 'ASSESSED'), inScope])
      case 'MY_DRAFTS':
        return eb.and([
          eb('risk.status', '=', 'DRAFT'),
          eb.or([eb('risk.owner_id', '=', actor.id), eb('risk.created_by', '=', actor.id)]),
        ])
      case 'DUE_FOR_REASSESSMENT': {
        const whose: Expression<SqlBool>[] = []
        if (officer) whose.push(inScope)
        if (manager) whose.push(eb('risk.owner_id', '=', actor.id))
        return eb.and([eb('risk.status', '=', 'ACTIVE'), eb('risk.next_review_date', '<=', today), eb.or(whose)])
      }
    }
  }
}

/** §16 `search`: a case-insensitive substring of ref, title or description, served by the text index. */
function searchPredicate(db: Db, text: string) {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // The expression of the pg_trgm GIN index `risk_search`.
    const like = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    return sql<boolean>`(coalesce(risk.ref, '') || ' ' || coalesce(risk.title, '') || ' ' || coalesce(risk.description, '')) ilike ${like}`
  }
  if ([...text].length >= 3) {
    // FTS5 trigram: a quoted phrase is a case-insensitive substring match (of 3 or more characters).
    const phrase = `"${text.replace(/"/g, '""')}"`
    return sql<boolean>`risk.rowid in (select rowid from risk_search where risk_search match ${phrase})`
  }
  // Shorter than a trigram: the index cannot answer, a scan can.
  return sql<boolean>`(instr(lower(risk.ref), lower(${text})) > 0 or instr(lower(risk.title), lower(${text})) > 0 or instr(lower(risk.description), lower(${text})) > 0)`
}

/** Visibility (§4) and every filter of §16, combined with AND. */
export async function filterRisks<O>(ctx: QueryCtx, q: Q<O>, f: Input): Promise<Q<O>> {
  const me = (v: string | undefined) => (v === 'me' ? ctx.actor.id : v)
  const today = ctx.now.slice(0, 10)
  // A desktop database holds one tenant (as for incidents): on SQLite the predicate would only mislead the planner.
  if (ctx.db.getExecutor().adapter instanceof PostgresAdapter) q = q.where('risk.tenant_id', '=', ctx.meta.tenantId)
  q = q.where(riskVisible(ctx.actor))
  if (f.status) q = q.where('risk.status', 'in', f.status)
  if (f.risk_category_id) q = q.where('risk.risk_category_id', 'in', f.risk_category_id)
  if (f.basel_event_type_id) {
    // A level-1 type also matches its level-2 children.
    const ids = (
      await ctx.db
        .selectFrom('basel_event_type')
        .select('id')
        .where((w) => w.or([w('id', '=', f.basel_event_type_id!), w('parent_id', '=', f.basel_event_type_id!)]))
        .execute()
    ).map((r) => r.id)
    q = q.where('risk.basel_event_type_id', 'in', ids.length > 0 ? ids : [f.basel_event_type_id])
  }
  if (f.business_unit_id) q = q.where('risk.business_unit_id', 'in', f.business_unit_id)
  const owner = me(f.owner_id)
  if (owner) q = q.where('risk.owner_id', '=', owner)
  const creator = me(f.created_by)
  if (creator) q = q.where('risk.created_by', '=', creator)
  if (f.inherent_score_gte !== undefined) q = q.where('risk.inherent_score', '>=', f.inherent_score_gte)
  if (f.residual_score_gte !== undefined) q = q.where('risk.residual_score', '>=', f.residual_score_gte)
  if (f.inherent_band) q = q.where('risk.inherent_band', 'in', f.inherent_band)
  if (f.residual_band) q = q.where('risk.residual_band', 'in', f.residual_band)
  if (f.inherent_likelihood !== undefined) q = q.where('risk.inherent_likelihood', '=', f.inherent_likelihood)
  if (f.inherent_impact !== undefined) q = q.where('risk.inherent_impact', '=', f.inherent_impact)
  if (f.residual_likelihood !== undefined) q = q.where('risk.residual_likelihood', '=', f.residual_likelihood)
  if (f.residual_impact !== undefined) q = q.where('risk.residual_impact', '=', f.residual_impact)
  if (f.next_review_date_lte) q = q.where('risk.next_review_date', '<=', f.next_review_date_lte)
  if (f.acceptance) {
    const states = [...ACCEPTANCE_FILTER_STATES[f.acceptance]]
    q = q.where((eb) => {
      const inStates = eb(latestAcceptanceState(eb), 'in', states)
      return f.acceptance === 'NONE' ? eb.or([eb.not(eb.exists(latestAcceptanceState(eb))), inStates]) : inStates
    })
  }
  if (f.active_control_count === '0') q = q.where((eb) => eb(activeControls(eb), '=', 0))
  if (f.active_control_count === 'LT3') q = q.where((eb) => eb(activeControls(eb), '<', 3))
  if (f.queue) q = q.where(queuePredicate(ctx.actor, f.queue, today))
  if (f.search) q = q.where(searchPredicate(ctx.db, f.search))
  return q
}

/** The register's columns that come straight from the row and its names (§15). */
function withColumns<O>(q: Q<O>) {
  return q
    .leftJoin('risk_category as cat', 'cat.id', 'risk.risk_category_id')
    .leftJoin('business_unit as bu', 'bu.id', 'risk.business_unit_id')
    .leftJoin('users as owner', 'owner.id', 'risk.owner_id')
    .select([
      'risk.id',
      'risk.ref',
      'risk.title',
      'risk.status',
      'risk.risk_category_id',
      'cat.name as risk_category_name',
      'risk.basel_event_type_id',
      'risk.business_unit_id',
      'bu.name as business_unit_name',
      'risk.owner_id',
      'owner.full_name as owner_name',
      'risk.matrix_version_id',
      'risk.inherent_likelihood',
      'risk.inherent_impact',
      'risk.inherent_score',
      'risk.inherent_band',
      'risk.residual_likelihood',
      'risk.residual_impact',
      'risk.residual_score',
      'risk.residual_band',
      'risk.next_review_date',
      'risk.submitted_for_review_at',
      'risk.created_by',
      'risk.created_at',
      'risk.updated_at',
      'risk.version',
    ])
}
type ListRow = Awaited<ReturnType<ReturnType<typeof withColumns>['execute']>>[number]

/** Matrix versions by id, each read once (most registers use one or two). */
export async function matricesOf(db: Db, ids: readonly string[]): Promise<Map<string, Matrix>> {
  const out = new Map<string, Matrix>()
  for (const id of new Set(ids)) out.set(id, await matrixById(db, id))
  return out
}

/** Linked controls per risk: all, and the active ones. */
export async function controlCounts(db: Db, riskIds: readonly string[]) {
  const out = new Map<string, { all: number; active: number }>(riskIds.map((id) => [id, { all: 0, active: 0 }]))
  if (riskIds.length === 0) return out
  const rows = await db
    .selectFrom('risk_control')
    .innerJoin('control', 'control.id', 'risk_control.control_id')
    .select(['risk_control.risk_id', 'control.is_active'])
    .where('risk_control.risk_id', 'in', [...riskIds])
    .execute()
  for (const r of rows) {
    const c = out.get(r.risk_id)!
    c.all += 1
    if (Number(r.is_active) === 1) c.active += 1
  }
  return out
}

/** The latest acceptance of each risk (`requested_at desc`, id breaking ties). */
export async function latestAcceptances(db: Db, riskIds: readonly string[]) {
  const out = new Map<string, { id: string; ref: string; state: string; expires_on: string }>()
  if (riskIds.length === 0) return out
  const rows = await db
    .selectFrom('risk_acceptance')
    .select(['id', 'ref', 'risk_id', 'state', 'expires_on'])
    .where('risk_id', 'in', [...riskIds])
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  for (const r of rows) if (!out.has(r.risk_id)) out.set(r.risk_id, r)
  return out
}

/** `risk.list`: visible risks, every §16 filter ANDed, keyset paged, `{items, next_cursor, total}`. */
export const listRisks = defineQuery({
  name: 'risk.list',
  summary: 'The risk register: visible risks, filtered, sorted and keyset paged (risks §16).',
  input: RiskListInput,
  async handler(ctx, input) {
    const { sort, direction: dir } = sortOf(input)
    const col = SORT_COLUMN[sort]
    const filtered = await filterRisks(ctx, ctx.db.selectFrom('risk'), input)
    const total = Number((await filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

    const after = decodeCursor(input.cursor) as [string | number | null, string] | null
    const want = input.limit + 1
    const cmp = dir === 'asc' ? '>' : '<'
    // Nulls last in both directions, as two ranges an index can serve in order: the values, then the nulls.
    const nullable = NULLABLE.has(col)
    let rows: ListRow[] = []
    if (!after || after[0] !== null) {
      let q = nullable ? filtered.where(col, 'is not', null) : filtered
      if (after) {
        const [v, id] = after
        q = q.where((eb) => eb.or([eb(col, cmp, v), eb.and([eb(col, '=', v), eb('risk.id', cmp, id)])]))
      }
      rows = await withColumns(q).orderBy(col, dir).orderBy('risk.id', dir).limit(want).execute()
    }
    if (nullable && rows.length < want) {
      let q = filtered.where(col, 'is', null)
      if (after && after[0] === null) q = q.where('risk.id', cmp, after[1])
      rows = rows.concat(
        await withColumns(q)
          .orderBy('risk.id', dir)
          .limit(want - rows.length)
          .execute(),
      )
    }
    const page = rows.slice(0, input.limit)
    const last = page[page.length - 1]
    const ids = page.map((r) => r.id)
    const [matrices, controls, acceptances] = await Promise.all([
      matricesOf(
        ctx.db,
        page.map((r) => r.matrix_version_id),
      ),
      controlCounts(ctx.db, ids),
      latestAcceptances(ctx.db, ids),
    ])
    return {
      items: page.map((r) => {
        const matrix = matrices.get(r.matrix_version_id)
        const c = controls.get(r.id)!
        return {
          ...r,
          version: Number(r.version),
          status_label: RISK_STATUS_LABELS[r.status] ?? r.status,
          bands: { inherent: bandView(matrix, r.inherent_band), residual: bandView(matrix, r.residual_band) },
          control_count: c.all,
          active_control_count: c.active,
          acceptance: acceptanceBadge(acceptances.get(r.id)),
        }
      }),
      next_cursor: rows.length > input.limit && last ? encodeCursor([last[sort], last.id]) : null,
      total,
    }
  },
})
