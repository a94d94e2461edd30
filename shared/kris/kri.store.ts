import type { Selectable } from 'kysely'
import type { Actor, AuditChange, PublicCtx, QueryCtx } from '../catalogue/context'
import { fail } from '../core/errors'
import type { Role } from '../core/primitives'
import type { Db } from '../db/schema'
import type { KriTable, KriThresholdSetTable } from '../db/schema.rcsa'
import { inScope } from '../risks/risk.visibility'
import { hasRole, isReadOnlyCaller } from '../users/actor'
import {
  overduePeriods,
  overdueWindowStart,
  type Calendar,
  type Frequency,
  type OverdueFacts,
  type Period,
} from './kri.period.rules'
import type { Direction, Thresholds } from './kri.status.rules'
import { kriVisible } from './kri.visibility'

export type KriRow = Selectable<KriTable>
export type ThresholdSetRow = Selectable<KriThresholdSetTable>
type Ctx = Pick<QueryCtx, 'db' | 'actor' | 'meta'>

export const todayOf = (now: string) => now.slice(0, 10)

export const calendarOf = (k: Pick<KriRow, 'frequency' | 'weekdays_only'>): Calendar => ({
  frequency: k.frequency as Frequency,
  weekdaysOnly: k.weekdays_only === 1,
})

export const overdueFactsOf = (k: KriRow): OverdueFacts => ({
  ...calendarOf(k),
  firstPeriodStart: k.first_period_start,
  graceDays: k.grace_days,
  activatedOn: k.activated_on,
  isActive: k.is_active === 1,
  deleted: k.deleted_at !== null,
})

/** The visible (so not deleted) KRI, or undefined. */
export async function findVisibleKri(db: Db, actor: Actor, tenantId: string, id: string) {
  return db
    .selectFrom('kri')
    .selectAll('kri')
    .where('kri.tenant_id', '=', tenantId)
    .where('kri.id', '=', id)
    .where(kriVisible(actor))
    .executeTakeFirst()
}

/** Check order step 2: outside the caller's visibility → NOT_FOUND "KRI not found.". */
export async function loadKri(ctx: Ctx, id: string): Promise<KriRow> {
  return (await findVisibleKri(ctx.db, ctx.actor, ctx.meta.tenantId, id)) ?? fail.notFound('KRI')
}

/** Check order step 3: auditors and admins read KRIs but never change them. */
export function refuseReadOnly(actor: Actor): void {
  if (isReadOnlyCaller(actor)) fail.forbidden('Your role cannot change KRIs.')
}

/** §8 writes: a risk officer whose scope holds the KRI's BU defines, links, (de)activates and deletes. */
export function mayManage(actor: Actor, k: Pick<KriRow, 'business_unit_id'>): boolean {
  return !isReadOnlyCaller(actor) && hasRole(actor, 'risk_officer') && inScope(actor, k.business_unit_id)
}

/** §5.2: the owner, or a risk officer with the BU in scope, records and corrects values. */
export function mayRecord(actor: Actor, k: Pick<KriRow, 'business_unit_id' | 'owner_id'>): boolean {
  return !isReadOnlyCaller(actor) && (k.owner_id === actor.id || mayManage(actor, k))
}

export function gateManage(actor: Actor, k: KriRow, message: string): void {
  if (!mayManage(actor, k)) fail.forbidden(message)
}

export function expectKriVersion(k: KriRow, expected: number): void {
  if (k.version !== expected)
    fail.conflict({
      message: 'This KRI changed after you saw it. Review the changes and try again.',
      entity: 'KRI',
      id: k.id,
      expectedVersion: expected,
      actualVersion: k.version,
    })
}

/** Sync scope keys of a KRI (sync.md §8.2 derives them from the visibility table): its BU and owner. */
export const kriScopeKeys = (businessUnitId: string, ownerId: string) =>
  JSON.stringify([`bu:${businessUnitId}`, `user:${ownerId}`])

// ---- stored-data value rules ----

/** An active user who can do the work (§2.1 owner_id), else the message. */
export async function ownerIssue(db: Db, tenantId: string, userId: string): Promise<string | null> {
  const u = await db
    .selectFrom('users')
    .select(['roles', 'is_active'])
    .where('id', '=', userId)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst()
  if (!u || u.is_active !== 1) return 'Owner not found or inactive.'
  const roles = JSON.parse(u.roles) as Role[]
  if (roles.every((r) => r === 'auditor' || r === 'admin')) return 'The owner cannot be an auditor or administrator.'
  return null
}

/** The BU exists, is active and lies in the actor's scope, else "Business unit is outside your scope.". */
export async function businessUnitIssue(db: Db, actor: Actor, tenantId: string, buId: string) {
  const bu = await db
    .selectFrom('business_unit')
    .select(['id', 'is_active'])
    .where('id', '=', buId)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst()
  if (!bu || bu.is_active !== 1 || !inScope(actor, buId)) return 'Business unit is outside your scope.'
  return null
}

/** §2.1: names are unique case-insensitively among non-deleted active KRIs (compared in code on both engines). */
export async function nameTaken(db: Db, tenantId: string, name: string, exceptId?: string): Promise<boolean> {
  const rows = await db
    .selectFrom('kri')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .where('is_active', '=', 1)
    .execute()
  const wanted = name.trim().toLocaleLowerCase('en-US')
  return rows.some((r) => r.id !== exceptId && r.name.trim().toLocaleLowerCase('en-US') === wanted)
}

// ---- threshold sets ----

export function thresholdsOf(s: ThresholdSetRow): Thresholds {
  return {
    direction: s.direction as Direction,
    amber_e4: s.amber_e4,
    red_e4: s.red_e4,
    amber_low_e4: s.amber_low_e4,
    amber_high_e4: s.amber_high_e4,
    red_low_e4: s.red_low_e4,
    red_high_e4: s.red_high_e4,
    target_e4: s.target_e4,
  }
}

/** The KRI's non-superseded sets, oldest effective date first (exactly one in force for every period). */
export async function liveSets(db: Db, kriId: string): Promise<ThresholdSetRow[]> {
  return db
    .selectFrom('kri_threshold_set')
    .selectAll()
    .where('kri_id', '=', kriId)
    .where('superseded_at', 'is', null)
    .orderBy('effective_from')
    .orderBy('seq')
    .execute()
}

/**
 * §2.2: the set in force for a period is the non-superseded one with the greatest effective_from ≤ the period
 * start; a period before every set (only possible before the first value) uses the earliest.
 */
export function setInForce(sets: readonly ThresholdSetRow[], periodStart: string): ThresholdSetRow {
  let found: ThresholdSetRow | undefined
  for (const s of sets) if (s.effective_from <= periodStart) found = s
  const pick = found ?? sets[0]
  if (!pick) throw new Error('KRI without a threshold set')
  return pick
}

// ---- values ----

export async function currentValue(db: Db, kriId: string, periodStart: string) {
  return db
    .selectFrom('kri_value')
    .selectAll()
    .where('kri_id', '=', kriId)
    .where('period_start', '=', periodStart)
    .where('is_current', '=', 1)
    .executeTakeFirst()
}

export async function hasAnyValue(db: Db, kriId: string): Promise<boolean> {
  const r = await db.selectFrom('kri_value').select('id').where('kri_id', '=', kriId).limit(1).executeTakeFirst()
  return r !== undefined
}

/** The periods of the KRI that are overdue on `today` (§6), from its stored values. */
export async function overdueOf(db: Db, k: KriRow, today: string): Promise<(Period & { deadline: string })[]> {
  const facts = overdueFactsOf(k)
  if (!facts.isActive || facts.deleted) return []
  const valued = await db
    .selectFrom('kri_value')
    .select('period_start')
    .where('kri_id', '=', k.id)
    .where('is_current', '=', 1)
    .where('period_start', '>=', overdueWindowStart(facts))
    .execute()
  return overduePeriods(facts, new Set(valued.map((v) => v.period_start)), today)
}

type Computed = Pick<KriRow, 'current_status' | 'current_period_start' | 'current_value_e4' | 'overdue_period_start'>

/**
 * §2.1 stored computed columns: the status and value of the latest period with a current value (NO_DATA when
 * none) and the earliest overdue period. Writes (and audits) only what changed; the KRI's version and
 * updated_at stay, since no definition changed. Answers the overdue periods it found.
 */
export async function refreshComputed(ctx: PublicCtx, kriId: string) {
  const k = await ctx.db.selectFrom('kri').selectAll().where('id', '=', kriId).executeTakeFirstOrThrow()
  const latest = await ctx.db
    .selectFrom('kri_value')
    .select(['period_start', 'value_e4', 'status'])
    .where('kri_id', '=', kriId)
    .where('is_current', '=', 1)
    .orderBy('period_start', 'desc')
    .limit(1)
    .executeTakeFirst()
  const overdue = await overdueOf(ctx.db, k, todayOf(ctx.now))
  const next: Computed = {
    current_status: latest?.status ?? 'NO_DATA',
    current_period_start: latest?.period_start ?? null,
    current_value_e4: latest?.value_e4 ?? null,
    overdue_period_start: overdue[0]?.start ?? null,
  }
  const changes: AuditChange[] = (Object.keys(next) as (keyof Computed)[])
    .filter((f) => (k[f] ?? null) !== (next[f] ?? null))
    .map((f) => ({ field: f, before: k[f] ?? null, after: next[f] ?? null }))
  if (changes.length > 0) {
    await ctx.db.updateTable('kri').set(next).where('id', '=', kriId).execute()
    ctx.audit.record({ entityType: 'kri', entityId: k.id, entityRef: k.ref, changes })
  }
  return { kri: { ...k, ...next }, overdue }
}

/**
 * Retires the KRI's active notifications of one event (and one period when given), one audit entry per row
 * (as incidents and measures do): an overdue notice stops being current when its value arrives (§10).
 */
export async function deactivateKriNotifications(
  ctx: PublicCtx,
  kriId: string,
  eventType: string,
  periodStart?: string,
) {
  let q = ctx.db
    .selectFrom('notification')
    .select(['id', 'status'])
    .where('entity_type', '=', 'KRI')
    .where('entity_id', '=', kriId)
    .where('event_type', '=', eventType)
    .where('active', '=', 1)
  if (periodStart) q = q.where('dedupe_key', 'like', `KRI:${kriId}:${eventType}:${periodStart}:%`)
  for (const n of await q.orderBy('id').execute()) {
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

const NOT_AUDITED = new Set(['tenant_id', 'version', 'created_at', 'updated_at', 'scope_keys'])

/** audit-security §2.1.1: a created row lists its set fields with before null; a removed one the reverse. */
export function rowChanges(row: Record<string, unknown>, removed = false): AuditChange[] {
  return Object.entries(row)
    .filter(([k, v]) => !NOT_AUDITED.has(k) && v !== null && v !== undefined)
    .map(([field, v]) => (removed ? { field, before: v, after: null } : { field, before: null, after: v }))
}
