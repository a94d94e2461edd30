import { sql, type SelectQueryBuilder } from 'kysely'
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

const NULLABLE_SORTS = new Set<SortCol>([
  'incident.current_due_at',
  'incident.discovered_at',
  'incident.gross_loss_reporting',
])

export const listIncidents = defineQuery({
  name: 'incident.list',
  summary: 'Visible incidents, filtered, keyset paged (incidents §14.1).',
  input: IncidentListInput,
  async handler(ctx, input) {
    const sortCol = SORT_COLUMN[input.sort]
    const dir = input.direction ?? (input.sort === 'created_at' ? 'desc' : 'asc')
    const filtered = await filterIncidents(ctx, ctx.db.selectFrom('incident'), input)
    const total = input.with_total
      ? Number((await filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      : undefined

    const after = decodeCursor(input.cursor) as [string | number | null, string] | null
    const want = input.limit + 1
    // Nulls last in both directions, as two ranges an index can serve in order: the values, then the nulls.
    const nullable = NULLABLE_SORTS.has(sortCol)
    let rows: ListRow[] = []
    if (!after || after[0] !== null) {
      let q = nullable ? filtered.where(sortCol, 'is not', null) : filtered
      if (after) {
        const [v, id] = after
        const cmp = dir === 'asc' ? '>' : '<'
        q = q.where((eb) => eb.or([eb(sortCol, cmp, v), eb.and([eb(sortCol, '=', v), eb('incident.id', cmp, id)])]))
      }
      rows = await withColumns(q).orderBy(sortCol, dir).orderBy('incident.id', dir).limit(want).execute()
    }
    if (nullable && rows.length < want) {
      let q = filtered.where(sortCol, 'is', null)
      if (after && after[0] === null) q = q.where('incident.id', dir === 'asc' ? '>' : '<', after[1])
      rows = rows.concat(
        await withColumns(q)
          .orderBy('incident.id', dir)
          .limit(want - rows.length)
          .execute(),
      )
    }
    const page = rows.slice(0, input.limit)
    const last = page[page.length - 1]
    const sortKey = input.sort
    return {
      items: page.map(({ notes_head, ...r }) => ({
        ...r,
        status_name: STATUS_NAMES[r.status as IncidentStatus],
        near_miss: r.near_miss === 1,
        overdue_stage: overdueStage(r.status, r.current_due_at, ctx.now),
        returned: /^\[[^\]]* UTC Returned to /.test(notes_head ?? ''),
      })),
      next_cursor: rows.length > input.limit && last ? encodeCursor([last[sortKey], last.id]) : null,
      ...(total !== undefined ? { total } : {}),
    }
  },
})

/** The list row of incidents §14.1: the incident's columns with the names a list shows. */
function withColumns<O>(q: SelectQueryBuilder<DB, 'incident', O>) {
  return q
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
      'incident.basel_business_line_id',
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
      // The newest note's header is enough for the "Returned" badge (incidents §15).
      sql<string | null>`substr(incident.notes, 1, 40)`.as('notes_head'),
    ])
}
type ListRow = Awaited<ReturnType<ReturnType<typeof withColumns>['execute']>>[number]

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
