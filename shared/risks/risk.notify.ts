import type { PublicCtx } from '../catalogue/context'
import { enqueueNotification } from '../notifications/queue'

// risks.md §13: one notification per recipient, dedupe key RISK:<risk id>:<EVENT>:<once-per key>:<recipient>;
// recipients de-duplicated, the actor of the command never notified.

export type RiskEvent =
  'RISK_SUBMITTED' | 'RISK_SENT_BACK' | 'RISK_APPROVED' | 'RISK_REASSESSMENT_REQUESTED' | 'RISK_REVIEW_DUE'

const EVENTS: Record<RiskEvent, { priority: 'LOW' | 'MEDIUM' | 'HIGH'; action: boolean; title: string }> = {
  RISK_SUBMITTED: { priority: 'MEDIUM', action: true, title: 'Risk submitted for validation' },
  RISK_SENT_BACK: { priority: 'MEDIUM', action: true, title: 'Risk sent back for revision' },
  RISK_APPROVED: { priority: 'LOW', action: false, title: 'Risk approved' },
  RISK_REASSESSMENT_REQUESTED: { priority: 'MEDIUM', action: true, title: 'Risk needs reassessment' },
  RISK_REVIEW_DUE: { priority: 'HIGH', action: true, title: 'Risk due for reassessment' },
}

export function riskMessage(event: RiskEvent, ref: string, title: string, date?: string): string {
  switch (event) {
    case 'RISK_SUBMITTED':
      return `Risk ${ref} '${title}' was submitted for validation.`
    case 'RISK_SENT_BACK':
      return `Risk ${ref} '${title}' was sent back for revision.`
    case 'RISK_APPROVED':
      return `Risk ${ref} '${title}' was approved.`
    case 'RISK_REASSESSMENT_REQUESTED':
      return `Risk ${ref} '${title}' needs reassessment.`
    case 'RISK_REVIEW_DUE':
      return `Risk ${ref} '${title}' was due for reassessment on ${date}.`
  }
}

/** Raises `event` for each recipient (de-duplicated, the actor skipped). Returns how many rows were created. */
export async function notifyRisk(
  ctx: PublicCtx,
  risk: { id: string; ref: string; title: string },
  event: RiskEvent,
  onceKey: string,
  recipients: readonly (string | null)[],
  date?: string,
): Promise<number> {
  const def = EVENTS[event]
  const users = [...new Set(recipients.filter((u): u is string => u !== null && u !== ctx.actor?.id))]
  let created = 0
  for (const userId of users) {
    const id = await enqueueNotification(ctx, {
      entityType: 'RISK',
      entityId: risk.id,
      eventType: event,
      dedupeKey: `RISK:${risk.id}:${event}:${onceKey}:${userId}`,
      priority: def.priority,
      requiresAction: def.action,
      actionRoute: `/risks/${risk.id}`,
      recipientUserId: userId,
      dueAt: event === 'RISK_REVIEW_DUE' && date ? `${date}T23:59:59.999Z` : null,
      payload: {
        title: `${def.title}: ${risk.ref}`,
        message: riskMessage(event, risk.ref, risk.title, date),
        entity_ref: risk.ref,
      },
    })
    if (id) created += 1
  }
  return created
}
