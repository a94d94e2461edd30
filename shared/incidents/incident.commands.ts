import { fail, type Issue } from '../core/errors'
import { defineCommand } from '../catalogue/define'
import { hasRole } from '../users/actor'
import { INCIDENT_FIELDS, ROLE_LABEL } from './incident.constants'
import { CreateIncidentInput } from './incident.schema'
import { addDays, lossAndDateIssues, netLoss } from './incident.rules'
import { reportingFigures } from './incident.derive'
import { slaDays } from './incident.store'
import { referenceIssues } from './incident.references'

const REPORTER_ROLES = ['employee', 'manager', 'risk_officer', 'infosec', 'fraud_investigator', 'group_orm'] as const

export const createIncident = defineCommand({
  name: 'incident.create',
  summary: 'Report an incident; it lands in DRAFT with its reference and draft SLA.',
  input: CreateIncidentInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['incident'],
  creates: { prefix: 'INC' },
  async handler(ctx, input) {
    if (!hasRole(ctx.actor, ...REPORTER_ROLES)) fail.forbidden('Your role cannot report incidents.')

    // The creator of a DRAFT acts as employee for the field-lock table (incidents §2).
    const given = INCIDENT_FIELDS.filter((f) => f !== 'title' && f !== 'description' && input[f] !== undefined)
    const editable = new Set(
      (
        await ctx.db
          .selectFrom('incident_editable_field')
          .select('field')
          .where('status', '=', 'DRAFT')
          .where('role', '=', 'employee')
          .execute()
      ).map((r) => r.field),
    )
    // business_unit_id is always allowed at create: it defaults to the creator's unit (incidents §6.1).
    const locked = given.filter((f) => f !== 'business_unit_id' && !editable.has(f))
    if (locked.length > 0)
      fail.workflow(`Fields ${locked.join(', ')} cannot be edited in DRAFT by role '${ROLE_LABEL.employee}'.`, {
        fields: locked,
      })

    const businessUnitId = input.business_unit_id ?? ctx.actor.businessUnitId
    if (!businessUnitId) fail.field('business_unit_id', 'Choose a business unit.')

    const row = {
      business_unit_id: businessUnitId,
      business_process_id: input.business_process_id ?? null,
      product_id: input.product_id ?? null,
      basel_business_line_id: input.basel_business_line_id ?? null,
      simplified_event_type_id: input.simplified_event_type_id ?? null,
      basel_event_type_id: input.basel_event_type_id ?? null,
      near_miss: input.near_miss ?? false,
      gross_loss_amount: input.gross_loss_amount ?? null,
      currency_code: input.currency_code ?? null,
      occurred_at: input.occurred_at ?? null,
      discovered_at: input.discovered_at ?? null,
      resolved_at: input.resolved_at ?? null,
      first_accounting_date: input.first_accounting_date ?? null,
    }
    const issues: Issue[] = [
      ...(await referenceIssues(ctx.db, { ...row, cause_ids: input.cause_ids ?? [] })),
      ...lossAndDateIssues({ ...row, recovery_count: 0 }, ctx.now),
    ]
    if (issues.length > 0) fail.validation(issues)

    const draftDays = await slaDays(ctx.db, 'draft_days')
    const reporting = await reportingFigures(ctx.db, ctx.meta, { ...row, created_at: ctx.now })
    const draftDue = addDays(ctx.now, draftDays)
    const incident = {
      id: ctx.minted.id,
      tenant_id: ctx.meta.tenantId,
      version: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
      scope_keys: JSON.stringify([`bu:${businessUnitId}`, `user:${ctx.actor.id}`]),
      ref: ctx.minted.ref!,
      title: input.title,
      description: input.description,
      status: 'DRAFT',
      ...row,
      near_miss: row.near_miss ? 1 : 0,
      net_loss_amount: netLoss(row.gross_loss_amount, 0, null),
      recovery_total: 0,
      ...reporting,
      draft_due_at: draftDue,
      current_due_at: draftDue,
      created_by_user_id: ctx.actor.id,
    }
    await ctx.db.insertInto('incident').values(incident).execute()
    for (const causeId of input.cause_ids ?? [])
      await ctx.db.insertInto('incident_cause').values({ incident_id: incident.id, loss_cause_id: causeId }).execute()

    ctx.audit.record({
      entityType: 'incident',
      entityId: incident.id,
      entityRef: incident.ref,
      changes: createdChanges({ ...incident, near_miss: row.near_miss, cause_ids: input.cause_ids ?? [] }),
    })
    return { id: incident.id, ref: incident.ref, status: incident.status, version: incident.version }
  },
})

const NOT_AUDITED = new Set(['tenant_id', 'version', 'created_at', 'updated_at', 'scope_keys'])

/** audit-security §2.1.1: one item per field the row was created with, before null. */
function createdChanges(row: Record<string, unknown>) {
  return Object.entries(row)
    .filter(([k, v]) => !NOT_AUDITED.has(k) && v !== null && !(Array.isArray(v) && v.length === 0))
    .map(([field, after]) => ({ field, before: null, after }))
}
