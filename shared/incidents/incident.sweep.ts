import { z } from 'zod'
import { defineSystemCommand } from '../catalogue/define'
import { enqueueNotification } from '../notifications/queue'
import { overdueStage } from './incident.rules'

const STAGE_WORD = { DRAFT: 'draft', REVIEW: 'review', VALIDATION: 'validation' } as const
const FALLBACK_ROLE = { REVIEW: 'manager', VALIDATION: 'risk_officer' } as const

/**
 * incidents §5.6: one INCIDENT_OVERDUE per incident and late stage. The dedupe key makes a re-run create
 * nothing; leaving the stage deactivates the row, so a later late visit notifies again.
 */
export const sweepOverdueIncidents = defineSystemCommand({
  name: 'incident.sweepOverdue',
  summary: 'Raise reminders for incidents past the due date of their current stage.',
  input: z.strictObject({}),
  touches: ['notification', 'user_notification'],
  intervalMinutes: 15,
  async handler(ctx) {
    const late = await ctx.db
      .selectFrom('incident')
      .select([
        'id',
        'ref',
        'title',
        'status',
        'current_due_at',
        'created_by_user_id',
        'assigned_to_user_id',
        'business_unit_id',
      ])
      .where('tenant_id', '=', ctx.meta.tenantId)
      .where('deleted_at', 'is', null)
      .where('status', 'in', ['DRAFT', 'PENDING_REVIEW', 'PENDING_VALIDATION'])
      .where('current_due_at', '<', ctx.now)
      .orderBy('current_due_at')
      .orderBy('id')
      .execute()
    let created = 0
    for (const i of late) {
      const stage = overdueStage(i.status, i.current_due_at, ctx.now)
      if (!stage || !i.current_due_at) continue
      const due = `${i.current_due_at.slice(0, 10)} ${i.current_due_at.slice(11, 16)}`
      const recipient =
        stage === 'DRAFT'
          ? { recipientUserId: i.created_by_user_id }
          : i.assigned_to_user_id
            ? { recipientUserId: i.assigned_to_user_id }
            : { recipientRole: FALLBACK_ROLE[stage], recipientBuId: i.business_unit_id }
      const id = await enqueueNotification(ctx, {
        entityType: 'INCIDENT',
        entityId: i.id,
        eventType: 'INCIDENT_OVERDUE',
        dedupeKey: `INCIDENT:${i.id}:INCIDENT_OVERDUE:${stage}`,
        priority: 'HIGH',
        requiresAction: true,
        slaStage: stage,
        dueAt: i.current_due_at,
        actionRoute: `/incidents/${i.id}`,
        payload: {
          title: `Overdue: ${i.ref}`,
          message: `Incident ${i.ref} '${i.title}' passed its ${STAGE_WORD[stage]} due date (${due} UTC).`,
          entity_ref: i.ref,
        },
        ...recipient,
      })
      if (id) created += 1
    }
    return { late: late.length, created }
  },
})
