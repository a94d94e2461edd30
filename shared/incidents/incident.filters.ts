import { PostgresAdapter, sql, type SelectQueryBuilder } from 'kysely'
import type { QueryCtx } from '../catalogue/context'
import { fail } from '../core/errors'
import type { DB } from '../db/schema'
import { hasRole } from '../users/actor'
import type { IncidentFilters } from './incident.schema'
import { incidentVisible } from './incident.visibility'

type Q<O> = SelectQueryBuilder<DB, 'incident', O>

const STAGE_STATUS = { DRAFT: 'DRAFT', REVIEW: 'PENDING_REVIEW', VALIDATION: 'PENDING_VALIDATION' } as const
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00.000Z`) + 86_400_000).toISOString()

/** Visibility (§8) plus every filter of incidents §14.1, combined with AND. */
export async function filterIncidents<O>(ctx: QueryCtx, q: Q<O>, f: IncidentFilters): Promise<Q<O>> {
  // A level-1 type also matches its level-2 children: resolved to a literal list first, so the planner
  // serves it from the (basel_event_type_id, created_at) index.
  const baselIds = f.basel_event_type_id
    ? (
        await ctx.db
          .selectFrom('basel_event_type')
          .select('id')
          .where((w) => w.or([w('id', '=', f.basel_event_type_id!), w('parent_id', '=', f.basel_event_type_id!)]))
          .execute()
      ).map((r) => r.id)
    : null
  if (baselIds && baselIds.length === 0) baselIds.push(f.basel_event_type_id!)
  const me = (v: string | undefined) => (v === 'me' ? ctx.actor.id : v)
  if (f.deleted !== 'exclude' && !hasRole(ctx.actor, 'auditor'))
    fail.forbidden('Only auditors can list deleted incidents.')
  // A desktop database holds one tenant; on SQLite the predicate would only lure the planner to the
  // (tenant_id, ref) index instead of the one that serves the filter and the sort.
  if (ctx.db.getExecutor().adapter instanceof PostgresAdapter) q = q.where('incident.tenant_id', '=', ctx.meta.tenantId)
  q = q.where(incidentVisible(ctx.actor))
  if (f.deleted === 'exclude') q = q.where('incident.deleted_at', 'is', null)
  if (f.deleted === 'only') q = q.where('incident.deleted_at', 'is not', null)
  if (f.status?.length) q = q.where('incident.status', 'in', f.status)
  if (f.overdue_stage)
    q = q.where('incident.status', '=', STAGE_STATUS[f.overdue_stage]).where('incident.current_due_at', '<', ctx.now)
  if (f.overdue === true) q = q.where('incident.current_due_at', '<', ctx.now)
  if (f.overdue === false)
    q = q.where((eb) =>
      eb.or([eb('incident.current_due_at', 'is', null), eb('incident.current_due_at', '>=', ctx.now)]),
    )
  const createdBy = me(f.created_by)
  if (createdBy) q = q.where('incident.created_by_user_id', '=', createdBy)
  const assignedTo = me(f.assigned_to)
  if (assignedTo) q = q.where('incident.assigned_to_user_id', '=', assignedTo)
  if (f.business_unit_id) q = q.where('incident.business_unit_id', '=', f.business_unit_id)
  if (f.simplified_event_type_id) q = q.where('incident.simplified_event_type_id', '=', f.simplified_event_type_id)
  if (baselIds) q = q.where('incident.basel_event_type_id', 'in', baselIds)
  if (f.severity?.length) q = q.where('incident.severity', 'in', f.severity)
  if (f.near_miss !== undefined) q = q.where('incident.near_miss', '=', f.near_miss ? 1 : 0)
  if (f.discovered_from) q = q.where('incident.discovered_at', '>=', `${f.discovered_from}T00:00:00.000Z`)
  if (f.discovered_to) q = q.where('incident.discovered_at', '<', nextDay(f.discovered_to))
  if (f.first_accounting_from) q = q.where('incident.first_accounting_date', '>=', f.first_accounting_from)
  if (f.first_accounting_to) q = q.where('incident.first_accounting_date', '<=', f.first_accounting_to)
  if (f.q) {
    const text = f.q
    if (ctx.db.getExecutor().adapter instanceof PostgresAdapter) {
      // Served by the pg_trgm GIN index over ref || ' ' || title.
      const like = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
      q = q.where(sql<boolean>`(incident.ref || ' ' || incident.title) ilike ${like}`)
    } else {
      // FTS5 trigram: a quoted phrase is a case-insensitive substring match.
      const phrase = `"${text.replace(/"/g, '""')}"`
      q = q.where(
        sql<boolean>`incident.rowid in (select rowid from incident_search where incident_search match ${phrase})`,
      )
    }
  }
  return q
}
