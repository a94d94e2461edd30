import { mayCreateKris } from './kri.create'
import { PostgresAdapter, sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely'
import { defineQuery } from '../catalogue/define'
import type { QueryCtx } from '../catalogue/context'
import { decodeCursor, encodeCursor } from '../core/cursor'
import type { DB } from '../db/schema'
import { riskVisible } from '../risks/risk.visibility'
import { formatE4OrNull } from './kri.decimal.rules'
import { FREQUENCY_LABELS, periodEnd, type Frequency } from './kri.period.rules'
import { ListKrisInput, OverdueInput } from './kri.schema'
import { DIRECTION_LABELS, type Direction, type KriStatus } from './kri.status.rules'
import { calendarOf, setInForce, todayOf, type ThresholdSetRow } from './kri.store'
import { kriVisible } from './kri.visibility'

type Eb = ExpressionBuilder<DB, 'kri'>
type KriQuery = SelectQueryBuilder<DB, 'kri', object>

/** §9.3 worst-first key as SQL: status rank, overdue first, name, id (indexes kri_status / kri_overdue). */
export const STATUS_RANK_SQL = sql<number>`(case kri.current_status when 'RED' then 0 when 'AMBER' then 1 when 'NO_DATA' then 2 else 3 end)`
export const NOT_OVERDUE_SQL = sql<number>`(case when kri.overdue_period_start is null then 1 else 0 end)`

/** The visible KRIs of the tenant. */
export function visibleKris(ctx: Pick<QueryCtx, 'db' | 'actor' | 'meta'>): KriQuery {
  return ctx.db.selectFrom('kri').where('kri.tenant_id', '=', ctx.meta.tenantId).where(kriVisible(ctx.actor))
}

/** §13 search: a case-insensitive substring of ref, name or description (pg_trgm / FTS5 trigram indexes). */
export function searchKris(ctx: Pick<QueryCtx, 'db'>, q: KriQuery, text: string): KriQuery {
  const like = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
  if (ctx.db.getExecutor().adapter instanceof PostgresAdapter)
    return q.where(
      sql<boolean>`(coalesce(kri.ref, '') || ' ' || coalesce(kri.name, '') || ' ' || coalesce(kri.description, '')) ilike ${like}`,
    )
  if ([...text].length < 3)
    // A trigram index needs three characters; shorter text falls back to LIKE (ASCII case-insensitive).
    return q.where(
      sql<boolean>`(coalesce(kri.ref, '') || ' ' || coalesce(kri.name, '') || ' ' || coalesce(kri.description, '')) like ${like} escape '\\'`,
    )
  const phrase = `"${text.replace(/"/g, '""')}"`
  return q.where(sql<boolean>`kri.rowid in (select rowid from kri_search where kri_search match ${phrase})`)
}

/** Live threshold sets of several KRIs, grouped by KRI. */
export async function liveSetsOf(db: QueryCtx['db'], kriIds: readonly string[]) {
  const out = new Map<string, ThresholdSetRow[]>()
  if (kriIds.length === 0) return out
  const rows = await db
    .selectFrom('kri_threshold_set')
    .selectAll()
    .where('kri_id', 'in', [...kriIds])
    .where('superseded_at', 'is', null)
    .orderBy('effective_from')
    .orderBy('seq')
    .execute()
  for (const r of rows) out.set(r.kri_id, [...(out.get(r.kri_id) ?? []), r])
  return out
}

/** Links to non-deleted risks per KRI: every one counted, the visible ones listed. */
export async function linkedRisksOf(ctx: Pick<QueryCtx, 'db' | 'actor'>, kriIds: readonly string[]) {
  const out = new Map<
    string,
    { total: number; visible: { id: string; ref: string; title: string; status: string }[] }
  >()
  if (kriIds.length === 0) return out
  const all = await ctx.db
    .selectFrom('kri_risk')
    .innerJoin('risk', 'risk.id', 'kri_risk.risk_id')
    .select(['kri_risk.kri_id', 'risk.id'])
    .where('kri_risk.kri_id', 'in', [...kriIds])
    .where('risk.deleted_at', 'is', null)
    .execute()
  const visible = await ctx.db
    .selectFrom('kri_risk')
    .innerJoin('risk', 'risk.id', 'kri_risk.risk_id')
    .select(['kri_risk.kri_id', 'risk.id', 'risk.ref', 'risk.title', 'risk.status'])
    .where('kri_risk.kri_id', 'in', [...kriIds])
    .where(riskVisible(ctx.actor))
    .orderBy('risk.ref')
    .execute()
  for (const id of kriIds) out.set(id, { total: all.filter((r) => r.kri_id === id).length, visible: [] })
  for (const r of visible) out.get(r.kri_id)!.visible.push({ id: r.id, ref: r.ref, title: r.title, status: r.status })
  return out
}

const LIST_COLUMNS = [
  'kri.id',
  'kri.ref',
  'kri.name',
  'kri.unit',
  'kri.frequency',
  'kri.weekdays_only',
  'kri.business_unit_id',
  'bu.name as business_unit_name',
  'kri.owner_id',
  'owner.full_name as owner_name',
  'kri.is_active',
  'kri.current_status',
  'kri.current_period_start',
  'kri.current_value_e4',
  'kri.overdue_period_start',
  'kri.updated_at',
  'kri.version',
] as const

/** One register row (§12) from the list columns. */
export function listItem(
  r: {
    id: string
    ref: string
    name: string
    unit: string
    frequency: string
    weekdays_only: number
    business_unit_id: string
    business_unit_name: string
    owner_id: string
    owner_name: string
    is_active: number
    current_status: string
    current_period_start: string | null
    current_value_e4: number | null
    overdue_period_start: string | null
    updated_at: string
    version: number
  },
  sets: ThresholdSetRow[] | undefined,
  today: string,
) {
  const cal = calendarOf(r)
  const inForce = sets && sets.length > 0 ? setInForce(sets, today) : undefined
  return {
    id: r.id,
    ref: r.ref,
    name: r.name,
    unit: r.unit,
    frequency: r.frequency as Frequency,
    frequency_label: FREQUENCY_LABELS[r.frequency as Frequency],
    weekdays_only: r.weekdays_only === 1,
    business_unit: { id: r.business_unit_id, name: r.business_unit_name },
    owner: { id: r.owner_id, full_name: r.owner_name },
    direction: (inForce?.direction ?? null) as Direction | null,
    direction_label: inForce ? DIRECTION_LABELS[inForce.direction as Direction] : null,
    is_active: r.is_active === 1,
    current_status: r.current_status as KriStatus,
    current_value: formatE4OrNull(r.current_value_e4),
    current_period_start: r.current_period_start,
    current_period_end: r.current_period_start ? periodEnd(cal, r.current_period_start) : null,
    overdue_period_start: r.overdue_period_start,
    is_overdue: r.overdue_period_start !== null,
    updated_at: r.updated_at,
    version: r.version,
  }
}

/** Joins the BU and owner names and selects the register columns. */
export function withListColumns(q: KriQuery) {
  return q
    .innerJoin('business_unit as bu', 'bu.id', 'kri.business_unit_id')
    .innerJoin('users as owner', 'owner.id', 'kri.owner_id')
    .select([...LIST_COLUMNS])
}

type Sort = (typeof ListKrisInput)['_output']['sort']

function keyset(sort: Sort, after: unknown[]) {
  return (eb: Eb) => {
    switch (sort) {
      case 'worst': {
        const [rank, od, name, id] = after as [number, number, string, string]
        return eb(
          sql`(${STATUS_RANK_SQL}, ${NOT_OVERDUE_SQL}, kri.name, kri.id)`,
          '>',
          sql`(${Number(rank)}, ${Number(od)}, ${String(name)}, ${String(id)})`,
        )
      }
      case 'name': {
        const [name, id] = after as [string, string]
        return eb.or([eb('kri.name', '>', name), eb.and([eb('kri.name', '=', name), eb('kri.id', '>', id)])])
      }
      case '-updated_at': {
        const [at, id] = after as [string, string]
        return eb.or([eb('kri.updated_at', '<', at), eb.and([eb('kri.updated_at', '=', at), eb('kri.id', '<', id)])])
      }
      case '-current_period_start': {
        const [start, id] = after as [string | null, string]
        if (start === null) return eb.and([eb('kri.current_period_start', 'is', null), eb('kri.id', '<', id)])
        return eb.or([
          eb('kri.current_period_start', 'is', null),
          eb('kri.current_period_start', '<', start),
          eb.and([eb('kri.current_period_start', '=', start), eb('kri.id', '<', id)]),
        ])
      }
    }
  }
}

type ListQuery = ReturnType<typeof withListColumns>

function ordered<Q extends ListQuery>(q: Q, sort: Sort): Q {
  switch (sort) {
    case 'worst':
      return q.orderBy(STATUS_RANK_SQL).orderBy(NOT_OVERDUE_SQL).orderBy('kri.name').orderBy('kri.id') as Q
    case 'name':
      return q.orderBy('kri.name').orderBy('kri.id') as Q
    case '-updated_at':
      return q.orderBy('kri.updated_at', 'desc').orderBy('kri.id', 'desc') as Q
    case '-current_period_start':
      return q
        .orderBy(sql`kri.current_period_start is null`)
        .orderBy('kri.current_period_start', 'desc')
        .orderBy('kri.id', 'desc') as Q
  }
}

function cursorOf(sort: Sort, r: ReturnType<typeof listItem>) {
  const rank = { RED: 0, AMBER: 1, NO_DATA: 2, GREEN: 3 }[r.current_status] ?? 3
  switch (sort) {
    case 'worst':
      return encodeCursor([rank, r.is_overdue ? 0 : 1, r.name, r.id])
    case 'name':
      return encodeCursor([r.name, r.id])
    case '-updated_at':
      return encodeCursor([r.updated_at, r.id])
    case '-current_period_start':
      return encodeCursor([r.current_period_start, r.id])
  }
}

/** kris.md §13 `kri.list`: visible KRIs, every filter ANDed, worst first by default, keyset paged. */
export const listKris = defineQuery({
  name: 'kri.list',
  summary: 'The KRI register: visible KRIs, filtered and keyset paged, worst first by default.',
  input: ListKrisInput,
  async handler(ctx, input) {
    const today = todayOf(ctx.now)
    let q = visibleKris(ctx)
    if (input.is_active !== null) q = q.where('kri.is_active', '=', input.is_active ? 1 : 0)
    if (input.current_status) q = q.where('kri.current_status', 'in', input.current_status)
    if (input.business_unit_id) q = q.where('kri.business_unit_id', 'in', input.business_unit_id)
    if (input.owner_id) q = q.where('kri.owner_id', '=', input.owner_id === 'me' ? ctx.actor.id : input.owner_id)
    if (input.frequency) q = q.where('kri.frequency', 'in', input.frequency)
    if (input.overdue !== undefined) q = q.where('kri.overdue_period_start', input.overdue ? 'is not' : 'is', null)
    if (input.risk_id) {
      const riskId = input.risk_id
      // KRIs linked to that risk, if the caller can see the risk (an invisible one answers an empty list).
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('kri_risk')
            .innerJoin('risk', 'risk.id', 'kri_risk.risk_id')
            .select('kri_risk.kri_id')
            .whereRef('kri_risk.kri_id', '=', 'kri.id')
            .where('kri_risk.risk_id', '=', riskId)
            .where(riskVisible(ctx.actor)),
        ),
      )
    }
    if (input.search) q = searchKris(ctx, q, input.search)
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

    const after = decodeCursor(input.cursor)
    if (after) q = q.where(keyset(input.sort, after))
    const rows = await ordered(withListColumns(q), input.sort)
      .limit(input.limit + 1)
      .execute()
    const page = rows.slice(0, input.limit)
    const ids = page.map((r) => r.id)
    const [sets, risks] = await Promise.all([liveSetsOf(ctx.db, ids), linkedRisksOf(ctx, ids)])
    const items = page.map((r) => {
      const links = risks.get(r.id)
      return {
        ...listItem(r, sets.get(r.id), today),
        linked_risks: links?.visible ?? [],
        linked_risk_count: links?.total ?? 0,
      }
    })
    const last = items[items.length - 1]
    return {
      can_create: mayCreateKris(ctx.actor),
      items,
      next_cursor: rows.length > input.limit && last ? cursorOf(input.sort, last) : null,
      total,
    }
  },
})

/** kris.md §13 `kri.overdue`: visible active KRIs with an overdue period, oldest overdue first. */
export const listOverdueKris = defineQuery({
  name: 'kri.overdue',
  summary: 'Visible KRIs with overdue periods, the oldest overdue period first.',
  input: OverdueInput,
  async handler(ctx, input) {
    const today = todayOf(ctx.now)
    let q = visibleKris(ctx).where('kri.is_active', '=', 1).where('kri.overdue_period_start', 'is not', null)
    if (input.business_unit_id) q = q.where('kri.business_unit_id', '=', input.business_unit_id)
    if (input.owner_id) q = q.where('kri.owner_id', '=', input.owner_id === 'me' ? ctx.actor.id : input.owner_id)
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    const after = decodeCursor(input.cursor)
    if (after) {
      const [start, id] = after as [string, string]
      q = q.where((eb) =>
        eb.or([
          eb('kri.overdue_period_start', '>', start),
          eb.and([eb('kri.overdue_period_start', '=', start), eb('kri.id', '>', id)]),
        ]),
      )
    }
    const rows = await withListColumns(q)
      .orderBy('kri.overdue_period_start')
      .orderBy('kri.id')
      .limit(input.limit + 1)
      .execute()
    const page = rows.slice(0, input.limit)
    const sets = await liveSetsOf(
      ctx.db,
      page.map((r) => r.id),
    )
    const items = page.map((r) => {
      const item = listItem(r, sets.get(r.id), today)
      return { ...item, overdue_period_end: periodEnd(calendarOf(r), r.overdue_period_start!) }
    })
    const last = items[items.length - 1]
    return {
      items,
      next_cursor: rows.length > input.limit && last ? encodeCursor([last.overdue_period_start, last.id]) : null,
      total,
    }
  },
})
