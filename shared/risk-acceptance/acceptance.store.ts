import canonicalize from 'canonicalize'
import type { Selectable } from 'kysely'
import type { Actor, AuditChange, PublicCtx, QueryCtx } from '../catalogue/context'
import { fail } from '../core/errors'
import type { Db } from '../db/schema'
import type { RiskAcceptanceTable, RiskTable } from '../db/schema.rcsa'
import { enqueueNotification } from '../notifications/queue'
import { riskVisible } from '../risks/risk.visibility'
import {
  ACCEPTANCE_MESSAGES,
  fingerprintInput,
  OPEN_STATES,
  recipientsOf,
  type FingerprintSource,
} from './acceptance.rules'

export type AcceptanceRow = Selectable<RiskAcceptanceTable>
export type RiskRow = Selectable<RiskTable>

/** SHA-256 (hex) of the canonical JSON of the eight bound fields (§12.1). */
export function fingerprintOf(services: QueryCtx['services'], r: FingerprintSource): string {
  return services.sha256Hex(canonicalize(fingerprintInput(r)) ?? '')
}

/** The active controls linked to the risk, sorted (the bound_control_ids of a request). */
export async function activeControlIds(db: Db, riskId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('risk_control')
    .innerJoin('control', 'control.id', 'risk_control.control_id')
    .select('control.id')
    .where('risk_control.risk_id', '=', riskId)
    .where('control.is_active', '=', 1)
    .execute()
  return rows.map((r) => r.id).sort()
}

/** Every control linked to the risk, active or not. */
export async function linkedControlIds(db: Db, riskId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('risk_control').select('control_id').where('risk_id', '=', riskId).execute()
  return new Set(rows.map((r) => r.control_id))
}

/** A visible risk of the caller's tenant, or NOT_FOUND "Risk not found." */
export async function loadVisibleRisk(ctx: Pick<QueryCtx, 'db' | 'actor' | 'meta'>, riskId: string): Promise<RiskRow> {
  const risk = await ctx.db
    .selectFrom('risk')
    .selectAll()
    .where('risk.tenant_id', '=', ctx.meta.tenantId)
    .where('risk.id', '=', riskId)
    .where(riskVisible(ctx.actor))
    .executeTakeFirst()
  return risk ?? fail.notFound('Risk')
}

/** Whether a user sees a risk (risks.md §4). */
export async function seesRisk(db: Db, actor: Actor, riskId: string): Promise<boolean> {
  const hit = await db
    .selectFrom('risk')
    .select('risk.id')
    .where('risk.id', '=', riskId)
    .where(riskVisible(actor))
    .executeTakeFirst()
  return hit !== undefined
}

/** An acceptance whose risk the caller sees (§12.2 "Visibility of an acceptance follows its risk"), with the risk. */
export async function loadAcceptance(ctx: Pick<QueryCtx, 'db' | 'actor' | 'meta'>, id: string) {
  const acc = await ctx.db
    .selectFrom('risk_acceptance')
    .selectAll()
    .where('tenant_id', '=', ctx.meta.tenantId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!acc) return fail.notFound('Risk acceptance')
  const risk = await ctx.db
    .selectFrom('risk')
    .selectAll()
    .where('risk.id', '=', acc.risk_id)
    .where(riskVisible(ctx.actor))
    .executeTakeFirst()
  if (!risk) return fail.notFound('Risk acceptance')
  return { acc, risk }
}

/** The risk's PENDING or ACCEPTED acceptance, if any (at most one, §12.1). */
export async function openAcceptance(db: Db, riskId: string): Promise<AcceptanceRow | undefined> {
  return db
    .selectFrom('risk_acceptance')
    .selectAll()
    .where('risk_id', '=', riskId)
    .where('state', 'in', [...OPEN_STATES])
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
}

export function expectAcceptanceVersion(acc: AcceptanceRow, expected: number): void {
  if (Number(acc.version) !== expected)
    fail.conflict({
      message: ACCEPTANCE_MESSAGES.conflict,
      entity: 'Risk acceptance',
      id: acc.id,
      expectedVersion: expected,
      actualVersion: Number(acc.version),
    })
}

/** Writes the changed fields of an acceptance, `version` + 1, one audit entry. */
export async function writeAcceptance(
  ctx: PublicCtx,
  acc: AcceptanceRow,
  after: Partial<
    Pick<
      AcceptanceRow,
      'state' | 'decided_at' | 'decided_risk_version' | 'decision_note' | 'ended_at' | 'ended_by' | 'end_reason'
    >
  >,
  reason?: string | null,
): Promise<AcceptanceRow> {
  const version = Number(acc.version) + 1
  await ctx.db
    .updateTable('risk_acceptance')
    .set({ ...after, version, updated_at: ctx.now })
    .where('id', '=', acc.id)
    .execute()
  const changes: AuditChange[] = (Object.keys(after) as (keyof typeof after)[])
    .filter((k) => (acc[k] ?? null) !== (after[k] ?? null))
    .map((field) => ({ field, before: acc[field] ?? null, after: after[field] ?? null }))
  ctx.audit.record({
    entityType: 'risk_acceptance',
    entityId: acc.id,
    entityRef: acc.ref,
    changes,
    reason: reason ?? null,
  })
  return { ...acc, ...after, version, updated_at: ctx.now }
}

export type AcceptanceEvent =
  | 'RISK_ACCEPTANCE_REQUESTED'
  | 'RISK_ACCEPTANCE_DECIDED'
  | 'RISK_ACCEPTANCE_EXPIRING'
  | 'RISK_ACCEPTANCE_EXPIRED'
  | 'RISK_ACCEPTANCE_REOPENED'

const TITLES: Record<AcceptanceEvent, string> = {
  RISK_ACCEPTANCE_REQUESTED: 'Acceptance decision requested',
  RISK_ACCEPTANCE_DECIDED: 'Acceptance decided',
  RISK_ACCEPTANCE_EXPIRING: 'Acceptance expiring',
  RISK_ACCEPTANCE_EXPIRED: 'Acceptance expired',
  RISK_ACCEPTANCE_REOPENED: 'Acceptance needs a new decision',
}
const PRIORITY: Record<AcceptanceEvent, { priority: 'MEDIUM' | 'HIGH'; requiresAction: boolean }> = {
  RISK_ACCEPTANCE_REQUESTED: { priority: 'MEDIUM', requiresAction: true },
  RISK_ACCEPTANCE_DECIDED: { priority: 'MEDIUM', requiresAction: false },
  RISK_ACCEPTANCE_EXPIRING: { priority: 'MEDIUM', requiresAction: true },
  RISK_ACCEPTANCE_EXPIRED: { priority: 'HIGH', requiresAction: true },
  RISK_ACCEPTANCE_REOPENED: { priority: 'HIGH', requiresAction: true },
}

/**
 * risks.md §13: one notification per recipient (entity RISK, entity_id the risk), dedupe key
 * `RISK:<risk id>:<EVENT>:<once-per key>:<recipient>`, recipients de-duplicated and without the actor.
 */
export async function notifyAcceptance(
  ctx: PublicCtx,
  n: {
    risk: Pick<RiskRow, 'id' | 'ref'>
    acc: Pick<AcceptanceRow, 'id' | 'ref'>
    event: AcceptanceEvent
    onceKey: string
    recipients: readonly (string | null | undefined)[]
    message: string
  },
): Promise<number> {
  let created = 0
  const { priority, requiresAction } = PRIORITY[n.event]
  for (const userId of recipientsOf(n.recipients, ctx.actor?.id ?? null)) {
    const id = await enqueueNotification(ctx, {
      entityType: 'RISK',
      entityId: n.risk.id,
      eventType: n.event,
      dedupeKey: `RISK:${n.risk.id}:${n.event}:${n.onceKey}:${userId}`,
      priority,
      requiresAction,
      actionRoute: `/risks/${n.risk.id}/acceptance`,
      recipientUserId: userId,
      payload: { title: `${TITLES[n.event]}: ${n.acc.ref}`, message: n.message, entity_ref: n.risk.ref },
    })
    if (id) created += 1
  }
  return created
}

/**
 * Retires the acceptance's action notifications that its new state answers (the approver's request once it
 * is decided or ends, the expiry warning once it ends), one audit entry per row.
 */
export async function retireNotifications(
  ctx: PublicCtx,
  acc: Pick<AcceptanceRow, 'id' | 'risk_id'>,
  events: readonly AcceptanceEvent[],
) {
  for (const event of events) {
    const rows = await ctx.db
      .selectFrom('notification')
      .select('id')
      .where('entity_type', '=', 'RISK')
      .where('entity_id', '=', acc.risk_id)
      .where('event_type', '=', event)
      .where('dedupe_key', 'like', `RISK:${acc.risk_id}:${event}:${acc.id}:%`)
      .where('active', '=', 1)
      .orderBy('id')
      .execute()
    for (const r of rows) {
      await ctx.db.updateTable('notification').set({ active: 0 }).where('id', '=', r.id).execute()
      ctx.audit.record({
        entityType: 'notification',
        entityId: r.id,
        changes: [{ field: 'active', before: true, after: false }],
      })
    }
  }
}
