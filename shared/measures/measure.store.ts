import type { Selectable } from 'kysely'
import type { Actor, AuditChange, CommandCtx, QueryCtx } from '../catalogue/context'
import { fail } from '../core/errors'
import type { Role } from '../core/primitives'
import type { Db, MeasureTable } from '../db/schema'
import { incidentVisible } from '../incidents/incident.visibility'
import type { MeasureStatus } from './measure.constants'
import { measureVisible } from './measure.visibility'
import { isReadOnly, type Caller, type MeasureFacts } from './measure.workflow'

export type MeasureRow = Selectable<MeasureTable>
export type Loaded = { measure: MeasureRow; facts: MeasureFacts; caller: Caller }
type Ctx = Pick<QueryCtx, 'db' | 'actor' | 'meta'>

export async function findVisibleMeasure(db: Db, actor: Actor, tenantId: string, id: string) {
  return db
    .selectFrom('measure')
    .selectAll('measure')
    .where('measure.tenant_id', '=', tenantId)
    .where('measure.id', '=', id)
    .where(measureVisible(actor))
    .executeTakeFirst()
}

/** The people facts of §4 with each user's current manager. */
export async function factsOf(db: Db, m: MeasureRow): Promise<MeasureFacts> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'manager_id'])
    .where('id', 'in', [m.responsible_user_id, m.created_by_user_id])
    .execute()
  const managerOf = (id: string) => users.find((u) => u.id === id)?.manager_id ?? null
  return {
    status: m.status as MeasureStatus,
    responsibleId: m.responsible_user_id,
    responsibleManagerId: managerOf(m.responsible_user_id),
    creatorId: m.created_by_user_id,
    creatorManagerId: managerOf(m.created_by_user_id),
  }
}

/** §2 step 2: the measure is visible to the caller, else NOT_FOUND `Measure not found.` */
export async function loadMeasure(ctx: Ctx, id: string): Promise<Loaded> {
  const measure = await findVisibleMeasure(ctx.db, ctx.actor, ctx.meta.tenantId, id)
  if (!measure) return fail.notFound('Measure')
  return { measure, facts: await factsOf(ctx.db, measure), caller: { id: ctx.actor.id, roles: ctx.actor.roles } }
}

/** A visible, not deleted incident, or undefined. */
export async function loadIncidentOrNull(ctx: Ctx, incidentId: string) {
  return ctx.db
    .selectFrom('incident')
    .select(['incident.id', 'incident.ref', 'incident.title', 'incident.status'])
    .where('incident.tenant_id', '=', ctx.meta.tenantId)
    .where('incident.id', '=', incidentId)
    .where('incident.deleted_at', 'is', null)
    .where(incidentVisible(ctx.actor))
    .executeTakeFirst()
}

/** §2 step 2, second half: a named incident must be visible and not deleted, else NOT_FOUND. */
export async function loadIncident(ctx: Ctx, incidentId: string) {
  return (await loadIncidentOrNull(ctx, incidentId)) ?? fail.notFound('Incident')
}

/** §2 step 3: auditors and admins read measures but never change them. */
export function refuseReadOnly(actor: Actor): void {
  if (isReadOnly(actor.roles)) fail.forbidden('Your role cannot change measures.')
}

export function expectVersion(measure: MeasureRow, expected: number): void {
  if (measure.version !== expected)
    fail.conflict({
      message: 'This measure changed after you saw it. Review the changes and try again.',
      entity: 'Measure',
      id: measure.id,
      expectedVersion: expected,
      actualVersion: measure.version,
    })
}

/** §5.3 value rule on a responsible user: exists in the tenant, active, and can do the work. */
export async function responsibleIssue(db: Db, tenantId: string, userId: string): Promise<string | null> {
  const user = await db
    .selectFrom('users')
    .select(['roles', 'is_active'])
    .where('id', '=', userId)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst()
  if (!user || user.is_active !== 1) return 'Responsible user not found or inactive.'
  if (isReadOnly(JSON.parse(user.roles) as Role[])) return 'The responsible user cannot be an auditor or administrator.'
  return null
}

/** Sync scope keys of a measure (sync.md §8.2), from the users' current data. */
export async function scopeKeys(db: Db, responsibleId: string, creatorId: string): Promise<string> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'manager_id', 'business_unit_id'])
    .where('id', 'in', [responsibleId, creatorId])
    .execute()
  const keys = new Set<string>()
  for (const id of [responsibleId, creatorId]) {
    const u = users.find((x) => x.id === id)
    keys.add(`u:${id}`)
    if (u?.manager_id) keys.add(`u:${u.manager_id}`)
    if (u?.business_unit_id) keys.add(`bu2:${u.business_unit_id}`)
  }
  keys.add('grp')
  return JSON.stringify([...keys])
}

/**
 * Retires the measure's active notifications (all of them, or one event type), one audit entry per row
 * written. A later overdue spell then gets a new row from the next sweep (§11).
 */
export async function deactivateNotifications(ctx: CommandCtx, measureId: string, eventType?: string) {
  let q = ctx.db
    .selectFrom('notification')
    .select('id')
    .where('entity_type', '=', 'MEASURE')
    .where('entity_id', '=', measureId)
    .where('active', '=', 1)
  if (eventType) q = q.where('event_type', '=', eventType)
  const rows = await q.orderBy('id').execute()
  if (rows.length === 0) return
  await ctx.db
    .updateTable('notification')
    .set({ active: 0 })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute()
  for (const r of rows)
    ctx.audit.record({
      entityType: 'notification',
      entityId: r.id,
      changes: [{ field: 'active', before: true, after: false }],
    })
}

const NOT_AUDITED = new Set(['tenant_id', 'version', 'created_at', 'updated_at', 'scope_keys'])

/** audit-security §2.1.1: a created row lists its set fields with before null; a removed one the reverse. */
export function rowChanges(row: Record<string, unknown>, removed = false): AuditChange[] {
  return Object.entries(row)
    .filter(([k, v]) => !NOT_AUDITED.has(k) && v !== null)
    .map(([field, v]) => (removed ? { field, before: v, after: null } : { field, before: null, after: v }))
}

/** Before/after items for the fields a write changed. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): AuditChange[] {
  return Object.keys(after)
    .filter((k) => (before[k] ?? null) !== (after[k] ?? null))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }))
}
