import type { CommandCtx } from '../catalogue/context'
import { riskOfficerFor } from './incident.transitions'

async function reassign(
  ctx: CommandCtx,
  incident: { id: string; ref: string; assigned_to_user_id: string | null },
  to: string | null,
) {
  if (incident.assigned_to_user_id === to) return
  await ctx.db.updateTable('incident').set({ assigned_to_user_id: to }).where('id', '=', incident.id).execute()
  // A queue move made by the system on behalf of a user change: audited under the same correlation id.
  ctx.audit.record({
    entityType: 'incident',
    entityId: incident.id,
    entityRef: incident.ref,
    action: 'incident.reassign',
    actor: { id: null, label: 'system:user.update' },
    changes: [{ field: 'assigned_to_user_id', before: incident.assigned_to_user_id, after: to }],
  })
}

/** incidents §5.5: a user's new manager takes over the reviews of that user's PENDING_REVIEW incidents. */
export async function reassignOnManagerChange(ctx: CommandCtx, userId: string, managerId: string | null) {
  const manager = managerId
    ? await ctx.db.selectFrom('users').select('is_active').where('id', '=', managerId).executeTakeFirst()
    : undefined
  const rows = await ctx.db
    .selectFrom('incident')
    .select(['id', 'ref', 'assigned_to_user_id'])
    .where('created_by_user_id', '=', userId)
    .where('status', '=', 'PENDING_REVIEW')
    .where('deleted_at', 'is', null)
    .execute()
  for (const r of rows) await reassign(ctx, r, manager?.is_active === 1 ? managerId : null)
}

/** incidents §5.5: every live incident assigned to a deactivated user moves by the rule of its state. */
export async function reassignOnDeactivation(ctx: CommandCtx, userId: string) {
  const rows = await ctx.db
    .selectFrom('incident')
    .innerJoin('users as creator', 'creator.id', 'incident.created_by_user_id')
    .select([
      'incident.id',
      'incident.ref',
      'incident.status',
      'incident.assigned_to_user_id',
      'incident.business_unit_id',
      'incident.created_by_user_id',
      'incident.reviewed_by_user_id',
      'creator.manager_id',
    ])
    .where('incident.assigned_to_user_id', '=', userId)
    .where('incident.deleted_at', 'is', null)
    .execute()
  for (const r of rows) {
    let to: string | null = null
    if (r.status === 'PENDING_REVIEW' && r.manager_id && r.manager_id !== userId) {
      const m = await ctx.db.selectFrom('users').select('is_active').where('id', '=', r.manager_id).executeTakeFirst()
      to = m?.is_active === 1 ? r.manager_id : null
    }
    if (r.status === 'PENDING_VALIDATION')
      to = await riskOfficerFor(ctx.db, r.business_unit_id, [
        userId,
        r.created_by_user_id,
        ...(r.reviewed_by_user_id ? [r.reviewed_by_user_id] : []),
      ])
    await reassign(ctx, r, to)
  }
}
