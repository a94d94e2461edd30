import { z } from 'zod'
import { defineSystemCommand } from '../catalogue/define'
import { enqueueNotification } from '../notifications/queue'
import { refreshComputed } from './kri.store'

/**
 * kris.md §6 and §10, the system job `kri.sweepOverdue`: refreshes every live KRI's computed columns (so
 * `overdue_period_start` follows the clock) and raises KRI_OVERDUE to the owner once per (KRI, period). A
 * notice is never repeated, even after it was retired, so the check looks at every row of the period.
 */
export const sweepOverdueKris = defineSystemCommand({
  name: 'kri.sweepOverdue',
  summary: 'Mark KRI periods overdue past their grace deadline and remind the owners.',
  input: z.strictObject({}),
  touches: ['kri', 'notification', 'user_notification'],
  intervalMinutes: 60,
  async handler(ctx) {
    const kris = await ctx.db
      .selectFrom('kri')
      .select(['id'])
      .where('tenant_id', '=', ctx.meta.tenantId)
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('is_active', '=', 1), eb('overdue_period_start', 'is not', null)]))
      .orderBy('id')
      .execute()
    let overdue = 0
    let created = 0
    for (const { id } of kris) {
      const { kri: k, overdue: periods } = await refreshComputed(ctx, id)
      overdue += periods.length
      if (periods.length === 0) continue
      const seen = new Set(
        (
          await ctx.db
            .selectFrom('notification')
            .select('dedupe_key')
            .where('entity_type', '=', 'KRI')
            .where('entity_id', '=', k.id)
            .where('event_type', '=', 'KRI_OVERDUE')
            .execute()
        ).map((n) => n.dedupe_key.split(':')[3]),
      )
      for (const p of periods) {
        if (seen.has(p.start)) continue
        const made = await enqueueNotification(ctx, {
          entityType: 'KRI',
          entityId: k.id,
          eventType: 'KRI_OVERDUE',
          dedupeKey: `KRI:${k.id}:KRI_OVERDUE:${p.start}:${k.owner_id}`,
          priority: 'HIGH',
          requiresAction: true,
          dueAt: `${p.deadline}T23:59:59.999Z`,
          actionRoute: `/kris/${k.id}`,
          recipientUserId: k.owner_id,
          payload: {
            title: `KRI overdue: ${k.ref}`,
            message: `KRI ${k.ref} '${k.name}' has no value for ${p.start} to ${p.end}; it was due on ${p.deadline}.`,
            entity_ref: k.ref,
          },
        })
        if (made) created += 1
      }
    }
    return { kris: kris.length, overdue_periods: overdue, created }
  },
})
