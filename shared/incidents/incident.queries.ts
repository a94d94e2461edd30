import { z } from 'zod'
import { sql, type ExpressionBuilder } from 'kysely'
import { fail } from '../core/errors'
import { Id } from '../core/primitives'
import { decodeCursor, encodeCursor } from '../core/cursor'
import { defineQuery } from '../catalogue/define'
import type { Actor } from '../catalogue/context'
import type { DB, Db } from '../db/schema'
import { IncidentListInput } from './incident.schema'
import { incidentVisible, isIncidentReadOnly } from './incident.visibility'
import { overdueStage } from './incident.rules'
import { INCIDENT_FIELDS, STATUS_NAMES, type IncidentStatus } from './incident.constants'

export const listIncidents = defineQuery({
  name: 'incident.list',
  summary: 'Visible incidents, filtered, keyset paged (incidents §14.1).',
  input: IncidentListInput,
  async handler(ctx, input) {
    const me = (v: string | undefined) => (v === 'me' ? ctx.actor.id : v)
    const sortCol = input.sort === 'current_due_at' ? 'incident.current_due_at' : 'incident.created_at'
    const dir = input.direction ?? (input.sort === 'created_at' ? 'desc' : 'asc')
    let q = ctx.db
      .selectFrom('incident')
      .where('incident.tenant_id', '=', ctx.meta.tenantId)
      .where('incident.deleted_at', 'is', null)
      .where(incidentVisible(ctx.actor))
    if (input.status?.length) q = q.where('incident.status', 'in', input.status)
    const createdBy = me(input.created_by)
    if (createdBy) q = q.where('incident.created_by_user_id', '=', createdBy)
    const assignedTo = me(input.assigned_to)
    if (assignedTo) q = q.where('incident.assigned_to_user_id', '=', assignedTo)
    if (input.business_unit_id) q = q.where('incident.business_unit_id', '=', input.business_unit_id)
    if (input.near_miss !== undefined) q = q.where('incident.near_miss', '=', input.near_miss ? 1 : 0)
    if (input.q) {
      const like = `%${input.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`
      q = q.where((eb) =>
        eb.or([
          eb(sql`lower(incident.ref)`, 'like', sql`${like} escape '\\'`),
          eb(sql`lower(incident.title)`, 'like', sql`${like} escape '\\'`),
        ]),
      )
    }
    const total = input.with_total
      ? Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      : undefined

    const after = decodeCursor(input.cursor)
    if (after) {
      const [v, id] = after as [string | null, string]
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
        'bu.name as business_unit_name',
        'st.name as simplified_event_type_name',
        'incident.gross_loss_amount',
        'incident.currency_code',
        'incident.net_loss_amount',
        'assignee.full_name as assignee_name',
        'incident.current_due_at',
        'incident.discovered_at',
        'incident.created_at',
        'incident.updated_at',
        'creator.full_name as creator_name',
        'incident.notes',
      ])
      .orderBy(sql`${sql.ref(sortCol)} is null`)
      .orderBy(sql.ref(sortCol), dir)
      .orderBy('incident.id', dir)
      .limit(input.limit + 1)
      .execute()
    const page = rows.slice(0, input.limit)
    const last = page[page.length - 1]
    return {
      items: page.map((r) => ({
        ...r,
        notes: undefined,
        status_name: STATUS_NAMES[r.status as IncidentStatus],
        near_miss: r.near_miss === 1,
        overdue_stage: overdueStage(r.status, r.current_due_at, ctx.now),
        returned: (r.notes ?? '').startsWith('[') && /Returned to/.test((r.notes ?? '').split('\n')[0] ?? ''),
      })),
      next_cursor:
        rows.length > input.limit && last
          ? encodeCursor([input.sort === 'current_due_at' ? last.current_due_at : last.created_at, last.id])
          : null,
      ...(total !== undefined ? { total } : {}),
    }
  },
})

function keysetAfter(
  col: 'incident.created_at' | 'incident.current_due_at',
  dir: 'asc' | 'desc',
  v: string | null,
  id: string,
) {
  const cmp = dir === 'asc' ? '>' : '<'
  return (eb: ExpressionBuilder<DB, 'incident'>) => {
    if (v === null) return eb.and([eb(col, 'is', null), eb('incident.id', cmp, id)])
    return eb.or([eb(col, 'is', null), eb(col, cmp, v), eb.and([eb(col, '=', v), eb('incident.id', cmp, id)])])
  }
}

export const getIncident = defineQuery({
  name: 'incident.get',
  summary: 'One visible incident with names resolved (incidents §14.2).',
  input: z.strictObject({ id: Id }),
  async handler(ctx, input) {
    const row = await findVisibleIncident(ctx.db, ctx.actor, ctx.meta.tenantId, input.id)
    if (!row) return fail.notFound('Incident')
    const creator = await ctx.db
      .selectFrom('users')
      .select(['full_name', 'email', 'manager_id'])
      .where('id', '=', row.created_by_user_id)
      .executeTakeFirstOrThrow()
    const name = async (
      table:
        | 'business_unit'
        | 'business_process'
        | 'product'
        | 'basel_business_line'
        | 'simplified_event_type'
        | 'basel_event_type',
      id: string | null,
    ) =>
      id === null
        ? null
        : ((await ctx.db.selectFrom(table).select('name').where('id', '=', id).executeTakeFirst())?.name ?? null)
    const userName = async (id: string | null) =>
      id === null
        ? null
        : ((await ctx.db.selectFrom('users').select('full_name').where('id', '=', id).executeTakeFirst())?.full_name ??
          null)
    const causes = await ctx.db
      .selectFrom('incident_cause as ic')
      .innerJoin('loss_cause as lc', 'lc.id', 'ic.loss_cause_id')
      .select(['lc.id', 'lc.name', 'lc.family'])
      .where('ic.incident_id', '=', row.id)
      .orderBy('lc.name')
      .execute()
    const readOnly = isIncidentReadOnly(ctx.actor, row, creator.manager_id)
    const effectiveRoles =
      row.status === 'DRAFT' && row.created_by_user_id === ctx.actor.id ? ['employee'] : ctx.actor.roles
    const editable = readOnly
      ? []
      : (
          await ctx.db
            .selectFrom('incident_editable_field')
            .select('field')
            .where('status', '=', row.status)
            .where('role', 'in', effectiveRoles)
            .execute()
        ).map((r) => r.field)
    return {
      ...row,
      scope_keys: undefined,
      tenant_id: undefined,
      near_miss: row.near_miss === 1,
      status_name: STATUS_NAMES[row.status as IncidentStatus],
      business_unit_name: await name('business_unit', row.business_unit_id),
      business_process_name: await name('business_process', row.business_process_id),
      product_name: await name('product', row.product_id),
      basel_business_line_name: await name('basel_business_line', row.basel_business_line_id),
      simplified_event_type_name: await name('simplified_event_type', row.simplified_event_type_id),
      basel_event_type_name: await name('basel_event_type', row.basel_event_type_id),
      causes,
      created_by_name: creator.full_name,
      assigned_to_name: await userName(row.assigned_to_user_id),
      overdue_stage: overdueStage(row.status, row.current_due_at, ctx.now),
      net_loss_overridden: row.net_loss_override !== null,
      net_loss_computed: row.gross_loss_amount === null ? null : row.gross_loss_amount - row.recovery_total,
      editable_fields: INCIDENT_FIELDS.filter((f) => editable.includes(f)),
      permissions: { read_only: readOnly, can_edit: editable.length > 0 },
    }
  },
})

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
