import { sql, type ExpressionBuilder } from 'kysely'
import { decodeCursor, encodeCursor } from '../core/cursor'
import { defineQuery } from '../catalogue/define'
import type { Actor } from '../catalogue/context'
import type { DB, Db } from '../db/schema'
import { IncidentListInput } from './incident.schema'
import { incidentVisible } from './incident.visibility'
import { filterIncidents } from './incident.filters'
import { overdueStage } from './incident.rules'
import { STATUS_NAMES, type IncidentStatus } from './incident.constants'

const SORT_COLUMN = {
  created_at: 'incident.created_at',
  current_due_at: 'incident.current_due_at',
  discovered_at: 'incident.discovered_at',
  gross_loss_reporting: 'incident.gross_loss_reporting',
  ref: 'incident.ref',
} as const
type SortCol = (typeof SORT_COLUMN)[keyof typeof SORT_COLUMN]

export const listIncidents = defineQuery({
  name: 'incident.list',
  summary: 'Visible incidents, filtered, keyset paged (incidents §14.1).',
  input: IncidentListInput,
  async handler(ctx, input) {
    const sortCol = SORT_COLUMN[input.sort]
    const dir = input.direction ?? (input.sort === 'created_at' ? 'desc' : 'asc')
    let q = await filterIncidents(ctx, ctx.db.selectFrom('incident'), input)
    const total = input.with_total
      ? Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      : undefined

    const after = decodeCursor(input.cursor)
    if (after) {
      const [v, id] = after as [string | number | null, string]
      q = q.where(keysetAfter(sortCol, dir, v, id))
    }
    // Nulls last in both directions: the sort key is (value IS NULL, value, id).
    const rows = await q
      .leftJoin('business_unit as bu', 'bu.id', 'incident.business_unit_id')
      .leftJoin('simplified_event_type as st', 'st.id', 'incident.simplified_event_type_id')
      .leftJoin('users as assignee', 'assignee.id', 'incident.assigned_to_user_id')
      .innerJoin('users as creator', 'creator.id', 'incident.created_by_user_id')
      .select([
        'incident.id',
        'incident.ref',
        'incident.title',
        'incident.status',
        'incident.severity',
        'incident.near_miss',
        'incident.business_unit_id',
        'bu.name as business_unit_name',
        'incident.simplified_event_type_id',
        'st.name as simplified_event_type_name',
        'incident.basel_event_type_id',
        'incident.gross_loss_amount',
        'incident.gross_loss_reporting',
        'incident.currency_code',
        'incident.net_loss_amount',
        'incident.assigned_to_user_id',
        'assignee.full_name as assignee_name',
        'incident.current_due_at',
        'incident.discovered_at',
        'incident.first_accounting_date',
        'incident.created_at',
        'incident.updated_at',
        'incident.created_by_user_id',
        'creator.full_name as creator_name',
        'incident.deleted_at',
        'incident.notes',
      ])
      .orderBy(sql`${sql.ref(sortCol)} is null`)
      .orderBy(sql.ref(sortCol), dir)
      .orderBy('incident.id', dir)
      .limit(input.limit + 1)
      .execute()
    const page = rows.slice(0, input.limit)
    const last = page[page.length - 1]
    const sortKey = input.sort
    return {
      items: page.map(({ notes, ...r }) => ({
        ...r,
        status_name: STATUS_NAMES[r.status as IncidentStatus],
        near_miss: r.near_miss === 1,
        overdue_stage: overdueStage(r.status, r.current_due_at, ctx.now),
        returned: /^\[[^\]]* UTC Returned to /.test(notes ?? ''),
      })),
      next_cursor: rows.length > input.limit && last ? encodeCursor([last[sortKey], last.id]) : null,
      ...(total !== undefined ? { total } : {}),
    }
  },
})

function keysetAfter(col: SortCol, dir: 'asc' | 'desc', v: string | number | null, id: string) {
  const cmp = dir === 'asc' ? '>' : '<'
  return (eb: ExpressionBuilder<DB, 'incident'>) => {
    if (v === null) return eb.and([eb(col, 'is', null), eb('incident.id', cmp, id)])
    return eb.or([eb(col, 'is', null), eb(col, cmp, v), eb.and([eb(col, '=', v), eb('incident.id', cmp, id)])])
  }
}

export async function findVisibleIncident(db: Db, actor: Actor, tenantId: string, id: string) {
  return db
    .selectFrom('incident')
    .selectAll('incident')
    .where('incident.tenant_id', '=', tenantId)
    .where('incident.id', '=', id)
    .where('incident.deleted_at', 'is', null)
    .where(incidentVisible(actor))
    .executeTakeFirst()
}
