import { PostgresAdapter, sql, type ExpressionBuilder } from 'kysely'
import { defineQuery } from '../catalogue/define'
import type { Actor } from '../catalogue/context'
import { decodeCursor, encodeCursor } from '../core/cursor'
import type { DB } from '../db/schema'
import { hasRole } from '../users/actor'
import { STATUS_NAMES, WORKING_STATUSES, type MeasureStatus } from './measure.constants'
import { visibleLinkedIncidents } from './measure.links-view'
import { linkedRisksOfMeasures, loadRiskForMeasureOrNull } from './measure.risk-links'
import { MeasureListInput } from './measure.schema'
import { loadIncidentOrNull } from './measure.store'
import { measureVisible } from './measure.visibility'
import { availableActions, firstLine, isOverdue, isReadOnly, todayOf } from './measure.workflow'

type Eb = ExpressionBuilder<DB, 'measure'>
type SortCol = 'measure.deadline' | 'measure.created_at' | 'measure.submitted_at'

/** §13 awaiting_me: work owed by the caller as doer, or a review owed by the caller as a non-doer officer. */
function awaitingMe(actor: Actor) {
  return (eb: Eb) => {
    if (isReadOnly(actor.roles)) return eb.lit(false)
    const doer = eb.or([
      eb('measure.responsible_user_id', '=', actor.id),
      eb(
        'measure.responsible_user_id',
        'in',
        eb.selectFrom('users').select('users.id').where('users.manager_id', '=', actor.id),
      ),
    ])
    const parts = [eb.and([eb('measure.status', 'in', [...WORKING_STATUSES]), doer])]
    if (hasRole(actor, 'risk_officer')) parts.push(eb.and([eb('measure.status', '=', 'PENDING_REVIEW'), eb.not(doer)]))
    return eb.or(parts)
  }
}

/** Rows after the cursor in (value IS NULL, value, id) order: nulls last in both directions. */
function keysetAfter(col: SortCol, dir: 'asc' | 'desc', v: string | null, id: string) {
  const cmp = dir === 'asc' ? '>' : '<'
  return (eb: Eb) => {
    if (v === null) return eb.and([eb(col, 'is', null), eb('measure.id', cmp, id)])
    return eb.or([eb(col, 'is', null), eb(col, cmp, v), eb.and([eb(col, '=', v), eb('measure.id', cmp, id)])])
  }
}

/** measures.md §13: visible measures, every filter ANDed, keyset paged. */
export const listMeasures = defineQuery({
  name: 'measure.list',
  summary: 'Visible measures, filtered and keyset paged (measures §13).',
  input: MeasureListInput,
  async handler(ctx, input) {
    const me = (v: string | undefined) => (v === 'me' ? ctx.actor.id : v)
    const caller = { id: ctx.actor.id, roles: ctx.actor.roles }
    const readOnly = isReadOnly(ctx.actor.roles)
    const today = todayOf(ctx.now)
    // An incident the caller cannot see answers an empty list, never a hint that it exists.
    if (input.incident_id && !(await loadIncidentOrNull(ctx, input.incident_id)))
      return { items: [], next_cursor: null, ...(input.with_total ? { total: 0 } : {}) }
    // The same for a risk (measures.md §13: "An id the caller cannot see returns an empty list").
    if (input.risk_id && !(await loadRiskForMeasureOrNull(ctx, input.risk_id)))
      return { items: [], next_cursor: null, ...(input.with_total ? { total: 0 } : {}) }

    let q = ctx.db
      .selectFrom('measure')
      .where('measure.tenant_id', '=', ctx.meta.tenantId)
      .where(measureVisible(ctx.actor))
    if (input.status?.length) q = q.where('measure.status', 'in', input.status)
    const responsible = me(input.responsible)
    if (responsible) q = q.where('measure.responsible_user_id', '=', responsible)
    const createdBy = me(input.created_by)
    if (createdBy) q = q.where('measure.created_by_user_id', '=', createdBy)
    if (input.incident_id) {
      const incidentId = input.incident_id
      q = q.where('measure.id', 'in', (eb) =>
        eb.selectFrom('incident_measure').select('incident_measure.measure_id').where('incident_id', '=', incidentId),
      )
    }
    if (input.risk_id) {
      const riskId = input.risk_id
      q = q.where('measure.id', 'in', (eb) =>
        eb.selectFrom('risk_measure').select('risk_measure.measure_id').where('risk_id', '=', riskId),
      )
    }
    if (input.deadline_before) q = q.where('measure.deadline', '<=', input.deadline_before)
    if (input.deadline_after) q = q.where('measure.deadline', '>=', input.deadline_after)
    if (input.is_overdue !== undefined) {
      // Spelled out both ways: NOT over a NULL deadline would drop the measures that have none.
      q = q.where((eb) =>
        input.is_overdue
          ? eb.and([eb('measure.deadline', '<', today), eb('measure.status', 'in', [...WORKING_STATUSES])])
          : eb.or([
              eb('measure.deadline', 'is', null),
              eb('measure.deadline', '>=', today),
              eb('measure.status', 'not in', [...WORKING_STATUSES]),
            ]),
      )
    }
    if (input.awaiting_me) q = q.where(awaitingMe(ctx.actor))
    if (input.q) {
      const text = input.q
      if (ctx.db.getExecutor().adapter instanceof PostgresAdapter) {
        // Served by the pg_trgm GIN index over ref || ' ' || description.
        const like = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
        q = q.where(sql<boolean>`(measure.ref || ' ' || measure.description) ilike ${like}`)
      } else {
        // FTS5 trigram: a quoted phrase is a case-insensitive substring match.
        const phrase = `"${text.replace(/"/g, '""')}"`
        q = q.where(
          sql<boolean>`measure.rowid in (select rowid from measure_search where measure_search match ${phrase})`,
        )
      }
    }
    const total = input.with_total
      ? Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      : undefined

    const dir = input.ordering.startsWith('-') ? 'desc' : 'asc'
    const key = input.ordering.replace('-', '') as 'deadline' | 'created_at' | 'submitted_at'
    const col: SortCol = `measure.${key}`
    const after = decodeCursor(input.cursor)
    if (after) q = q.where(keysetAfter(col, dir, after[0] as string | null, String(after[1])))
    const rows = await q
      .innerJoin('users as resp', 'resp.id', 'measure.responsible_user_id')
      .innerJoin('users as creator', 'creator.id', 'measure.created_by_user_id')
      .select([
        'measure.version',
        'measure.created_by_user_id',
        'resp.manager_id as responsible_manager_id',
        'creator.manager_id as creator_manager_id',
        'measure.id',
        'measure.ref',
        'measure.description',
        'measure.status',
        'measure.responsible_user_id',
        'resp.full_name as responsible_name',
        'measure.deadline',
        'measure.submitted_at',
        'measure.created_at',
      ])
      .orderBy(sql`${sql.ref(col)} is null`)
      .orderBy(sql.ref(col), dir)
      .orderBy('measure.id', dir)
      .limit(input.limit + 1)
      .execute()
    const page = rows.slice(0, input.limit)
    const last = page[page.length - 1]
    const links = await visibleLinkedIncidents(
      ctx.db,
      ctx.actor,
      page.map((r) => r.id),
    )
    const riskLinks = await linkedRisksOfMeasures(
      ctx.db,
      ctx.actor,
      page.map((r) => r.id),
    )
    return {
      items: page.map(({ responsible_manager_id, creator_manager_id, ...r }) => ({
        ...r,
        // The row's buttons (measures §14 My measures) come from the same rules as the detail's.
        available_actions: readOnly
          ? []
          : availableActions(caller, {
              status: r.status as MeasureStatus,
              responsibleId: r.responsible_user_id,
              responsibleManagerId: responsible_manager_id,
              creatorId: r.created_by_user_id,
              creatorManagerId: creator_manager_id,
            }),
        description: firstLine(r.description),
        status_name: STATUS_NAMES[r.status as MeasureStatus],
        is_overdue: isOverdue(r.status, r.deadline, today),
        linked_incident_count: links.get(r.id)?.length ?? 0,
        linked_risk_count: riskLinks.get(r.id)?.visible.length ?? 0,
      })),
      next_cursor: rows.length > input.limit && last ? encodeCursor([last[key], last.id]) : null,
      ...(total !== undefined ? { total } : {}),
    }
  },
})
