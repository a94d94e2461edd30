import { z } from 'zod'
import { defineSystemCommand } from '../catalogue/define'
import { enqueueNotification } from '../notifications/queue'
import { WORKING_STATUSES } from './measure.constants'
import { todayOf } from './measure.workflow'

/**
 * measures.md §11: one MEASURE_OVERDUE for the responsible user per overdue measure. The dedupe key makes a
 * re-run create nothing; leaving the overdue spell deactivates the row, so a later spell notifies again.
 */
export const sweepOverdueMeasures = defineSystemCommand({
  name: 'measure.sweepOverdue',
  summary: 'Raise reminders for measures past their deadline.',
  input: z.strictObject({}),
  touches: ['notification', 'user_notification'],
  intervalMinutes: 15,
  async handler(ctx) {
    const late = await ctx.db
      .selectFrom('measure')
      .select(['id', 'ref', 'deadline', 'responsible_user_id'])
      .where('tenant_id', '=', ctx.meta.tenantId)
      .where('status', 'in', [...WORKING_STATUSES])
      .where('deadline', '<', todayOf(ctx.now))
      .orderBy('deadline')
      .orderBy('id')
      .execute()
    let created = 0
    for (const m of late) {
      const id = await enqueueNotification(ctx, {
        entityType: 'MEASURE',
        entityId: m.id,
        eventType: 'MEASURE_OVERDUE',
        dedupeKey: `MEASURE:${m.id}:MEASURE_OVERDUE`,
        priority: 'HIGH',
        requiresAction: true,
        dueAt: `${m.deadline}T23:59:59.999Z`,
        actionRoute: `/measures/${m.id}`,
        recipientUserId: m.responsible_user_id,
        payload: {
          title: `Overdue: ${m.ref}`,
          message: `Measure ${m.ref} is past its deadline (${m.deadline}).`,
          entity_ref: m.ref,
        },
      })
      if (id) created += 1
    }
    return { late: late.length, created }
  },
})
