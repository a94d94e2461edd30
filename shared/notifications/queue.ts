import type { PublicCtx } from '../catalogue/context'
import type { Role } from '../core/primitives'

export type NewNotification = {
  entityType: string
  entityId: string
  eventType: string
  dedupeKey: string
  priority: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL'
  requiresAction: boolean
  payload: { title: string; message: string; entity_ref: string | null }
  actionRoute: string
  recipientUserId?: string | null
  recipientRole?: Role | null
  recipientBuId?: string | null
  slaStage?: string | null
  routingRuleId?: string | null
  dueAt?: string | null
  /** Per-user events skip the actor (spec README §2.8), except where a module says otherwise. */
  includeActor?: boolean
}

/**
 * The shared notification queue (incidents §3.8, §10): one `notification` row unless an active one with the
 * same dedupe key exists, fanned out to `user_notification` rows, each audited with the command's ids.
 */
export async function enqueueNotification(ctx: PublicCtx, n: NewNotification): Promise<string | null> {
  const existing = await ctx.db
    .selectFrom('notification')
    .select('id')
    .where('dedupe_key', '=', n.dedupeKey)
    .where('active', '=', 1)
    .executeTakeFirst()
  if (existing) return null
  const id = ctx.newId()
  // Nobody to deliver to: the row stays as evidence of the attempt (incidents §10).
  const users = await recipients(ctx, n)
  const row = {
    id,
    tenant_id: ctx.meta.tenantId,
    entity_type: n.entityType,
    entity_id: n.entityId,
    event_type: n.eventType,
    sla_stage: n.slaStage ?? null,
    routing_rule_id: n.routingRuleId ?? null,
    triggered_by_user_id: ctx.actor?.id ?? null,
    recipient_user_id: n.recipientUserId ?? null,
    recipient_role: n.recipientRole ?? null,
    recipient_bu_id: n.recipientBuId ?? null,
    created_at: ctx.now,
    due_at: n.dueAt ?? null,
    payload: JSON.stringify(n.payload),
    priority: n.priority,
    requires_action: n.requiresAction ? 1 : 0,
    action_route: n.actionRoute,
    status: users.length > 0 ? 'sent' : 'failed',
    sent_at: users.length > 0 ? ctx.now : null,
    last_error: users.length > 0 ? null : 'No active recipients.',
    attempts: 1,
    dedupe_key: n.dedupeKey,
  }
  await ctx.db.insertInto('notification').values(row).execute()
  ctx.audit.record({
    entityType: 'notification',
    entityId: id,
    changes: Object.entries(row)
      .filter(([k, v]) => k !== 'tenant_id' && k !== 'created_at' && v !== null)
      .map(([field, after]) => ({ field, before: null, after })),
  })
  for (const userId of users) {
    const un = { id: ctx.newId(), notification_id: id, user_id: userId, created_at: ctx.now }
    await ctx.db.insertInto('user_notification').values(un).execute()
    ctx.audit.record({
      entityType: 'user_notification',
      entityId: un.id,
      changes: [
        { field: 'notification_id', before: null, after: id },
        { field: 'user_id', before: null, after: userId },
      ],
    })
  }
  return id
}

async function recipients(ctx: PublicCtx, n: NewNotification): Promise<string[]> {
  if (n.recipientUserId) return n.recipientUserId === ctx.actor?.id && !n.includeActor ? [] : [n.recipientUserId]
  let q = ctx.db
    .selectFrom('users')
    .select(['id', 'roles'])
    .where('is_active', '=', 1)
    .where('tenant_id', '=', ctx.meta.tenantId)
  if (n.recipientBuId) q = q.where('business_unit_id', '=', n.recipientBuId)
  const users = await q.orderBy('id').execute()
  return users
    .filter((u) => !n.recipientRole || (JSON.parse(u.roles) as string[]).includes(n.recipientRole))
    .map((u) => u.id)
    .filter((id) => n.includeActor || id !== ctx.actor?.id)
}
