import { defineQuery } from '../catalogue/define'
import { fail } from '../core/errors'
import { TestRoutingInput } from './config.schema'
import { requireAdmin } from './config.store'
import { effectiveBaselType, evaluateRouting } from './routing'
import { loadRoutingContext, loadRules, routingRecipients } from './routing.store'

/**
 * The admin dry run of incidents §9.2: which active rule the incident would match if reviewed now, and who would
 * be notified. Writes nothing. Admins see no incidents (§8), so this tool reads the incident by id or reference
 * directly; only a missing or deleted one is NOT_FOUND. The gate runs first, so nobody else learns what exists.
 */
export const testRouting = defineQuery({
  name: 'incidentConfig.testRouting',
  summary: 'Dry-run the routing rules against an incident.',
  input: TestRoutingInput,
  async handler(ctx, input) {
    requireAdmin(ctx.actor)
    let q = ctx.db
      .selectFrom('incident')
      .selectAll()
      .where('tenant_id', '=', ctx.meta.tenantId)
      .where('deleted_at', 'is', null)
    q = input.incident_id ? q.where('id', '=', input.incident_id) : q.where('ref', '=', (input.ref ?? '').toUpperCase())
    const incident = (await q.executeTakeFirst()) ?? fail.notFound('Incident')
    const [rules, routing] = await Promise.all([
      loadRules(ctx.db, ctx.meta.tenantId, { activeOnly: true }),
      loadRoutingContext(ctx.db, ctx.meta.reportingCurrency),
    ])
    const rule = evaluateRouting(incident, rules, routing)
    const unit = rule?.route_to_bu_id
      ? await ctx.db.selectFrom('business_unit').select('name').where('id', '=', rule.route_to_bu_id).executeTakeFirst()
      : undefined
    return {
      incident: {
        id: incident.id,
        ref: incident.ref,
        title: incident.title,
        status: incident.status,
        gross_loss_amount: incident.gross_loss_amount,
        currency_code: incident.currency_code,
        gross_loss_reporting: incident.gross_loss_reporting,
        effective_basel_event_type_id: effectiveBaselType(incident, routing),
      },
      rule: rule && { ...rule, route_to_bu_name: unit?.name ?? null },
      recipients: rule ? await routingRecipients(ctx.db, ctx.meta.tenantId, rule) : [],
    }
  },
})
