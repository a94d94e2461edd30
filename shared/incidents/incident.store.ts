import type { CommandCtx } from '../catalogue/context'
import { fail } from '../core/errors'
import type { Db, IncidentTable } from '../db/schema'
import type { Selectable } from 'kysely'
import { findVisibleIncident } from './incident.queries'
import { isIncidentReadOnly } from './incident.visibility'

export type IncidentRow = Selectable<IncidentTable>
export type Creator = { id: string; email: string; manager_id: string | null; business_unit_id: string | null }

/**
 * Steps 2 and 3 of incidents §2 for every incident command: the incident is visible and live (else NOT_FOUND),
 * and the caller has more than read-only access (else FORBIDDEN).
 */
export async function loadForWrite(ctx: CommandCtx, id: string): Promise<{ incident: IncidentRow; creator: Creator }> {
  const incident = await findVisibleIncident(ctx.db, ctx.actor, ctx.meta.tenantId, id)
  if (!incident) return fail.notFound('Incident')
  const creator = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'manager_id', 'business_unit_id'])
    .where('id', '=', incident.created_by_user_id)
    .executeTakeFirstOrThrow()
  if (isIncidentReadOnly(ctx.actor, incident, creator.manager_id))
    fail.forbidden('You have read-only access to this incident.')
  return { incident, creator }
}

export async function slaDays(db: Db, key: 'draft_days' | 'review_days' | 'validation_days'): Promise<number> {
  const row = await db.selectFrom('sla_config').select('value_days').where('key', '=', key).executeTakeFirst()
  return row?.value_days ?? { draft_days: 7, review_days: 5, validation_days: 10 }[key]
}

export async function causeIds(db: Db, incidentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('incident_cause')
    .select('loss_cause_id')
    .where('incident_id', '=', incidentId)
    .orderBy('loss_cause_id')
    .execute()
  return rows.map((r) => r.loss_cause_id)
}

export async function recoveriesOf(db: Db, incidentId: string) {
  return db
    .selectFrom('incident_recovery')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('received_on')
    .orderBy('id')
    .execute()
}

/** Leaving a stage (or deleting) retires its reminders, so a later late visit notifies again (incidents §5.6). */
export async function deactivateNotifications(ctx: CommandCtx, incidentId: string, eventType?: string) {
  let q = ctx.db
    .selectFrom('notification')
    .select(['id', 'status'])
    .where('entity_type', '=', 'INCIDENT')
    .where('entity_id', '=', incidentId)
    .where('active', '=', 1)
  if (eventType) q = q.where('event_type', '=', eventType)
  for (const n of await q.execute()) {
    // A queued row that never went out is canceled; a delivered one keeps its status (incidents §10).
    const status = n.status === 'queued' ? 'canceled' : n.status
    await ctx.db.updateTable('notification').set({ active: 0, status }).where('id', '=', n.id).execute()
    ctx.audit.record({
      entityType: 'notification',
      entityId: n.id,
      changes: [
        { field: 'active', before: true, after: false },
        ...(status !== n.status ? [{ field: 'status', before: n.status, after: status }] : []),
      ],
    })
  }
}

/** Before/after items for the fields a write changed (audit-security §2.1). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  return Object.keys(after)
    .filter((k) => before[k] !== after[k])
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }))
}

export function staleVersion(incident: IncidentRow, expected: number): void {
  if (incident.version !== expected)
    fail.conflict({
      message: 'This incident changed after you saw it. Review the changes and try again.',
      entity: 'Incident',
      id: incident.id,
      expectedVersion: expected,
      actualVersion: incident.version,
    })
}
