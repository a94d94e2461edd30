import type { CommandCtx } from '../catalogue/context'
import type { Role } from '../core/primitives'
import { enqueueNotification } from '../notifications/queue'
import { evaluateRouting, type RoutableIncident } from './routing'
import { loadRoutingContext, loadRules, type StoredRule } from './routing.store'

export type ReviewedIncident = RoutableIncident & { id: string; ref: string; title: string }

/**
 * Routing after `incident.review` (incidents §9.2), in the review's transaction: the first matching active rule
 * raises one ROUTING_NOTIFY, fanned out to the rule's role and/or unit. A repeat review that matches the same
 * rule finds the active dedupe key and creates nothing. Routing never changes the incident.
 */
export async function routeReviewedIncident(
  ctx: CommandCtx,
  incident: ReviewedIncident,
): Promise<{ rule: StoredRule; notificationId: string | null } | null> {
  const [rules, routing] = await Promise.all([
    loadRules(ctx.db, ctx.meta.tenantId, { activeOnly: true }),
    loadRoutingContext(ctx.db, ctx.meta.reportingCurrency),
  ])
  const rule = evaluateRouting(incident, rules, routing)
  if (!rule) return null
  const notificationId = await enqueueNotification(ctx, {
    entityType: 'INCIDENT',
    entityId: incident.id,
    eventType: 'ROUTING_NOTIFY',
    dedupeKey: `INCIDENT:${incident.id}:ROUTING_NOTIFY:${rule.id}`,
    priority: 'MEDIUM',
    requiresAction: false,
    payload: {
      title: incident.title,
      message: `Incident '${incident.title}' was reviewed and requires awareness.`,
      entity_ref: incident.ref,
    },
    actionRoute: `/incidents/${incident.id}`,
    recipientRole: rule.route_to_role as Role | null,
    recipientBuId: rule.route_to_bu_id,
    routingRuleId: rule.id,
    // A fan-out event, not a per-user one: the reviewer is notified too when the rule names them
    // (INC-28: rule D reaches mgr, who reviewed the incident, and mgr3).
    includeActor: true,
  })
  return { rule, notificationId }
}
