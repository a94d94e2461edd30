import { z } from 'zod'
import { defineQuery } from '../catalogue/define'
import type { QueryCtx } from '../catalogue/context'
import { fail } from '../core/errors'
import { Id } from '../core/primitives'
import { hasRole } from '../users/actor'
import { linkedMeasuresForIncident } from '../measures/measure.links-view'
import { linkedRisksForIncident } from '../risks/risk.read-links'
import { INCIDENT_FIELDS, STATUS_NAMES, type IncidentStatus } from './incident.constants'
import { findVisibleIncident } from './incident.queries'
import { overdueStage } from './incident.rules'
import { recoveriesOf, type IncidentRow } from './incident.store'
import { edgeFacts } from './incident.transitions'
import { editableFields, ownershipMessage } from './incident.update'
import { isIncidentReadOnly } from './incident.visibility'
import { checkTransition, DEFINED_EDGES, effectiveRoles, gateMessage, TRANSITIONS } from './incident.workflow'

type NameTable =
  | 'business_unit'
  | 'business_process'
  | 'product'
  | 'basel_business_line'
  | 'simplified_event_type'
  | 'basel_event_type'

/** One entry per transition the caller may take now, with the fields still missing (incidents §5.3). */
async function availableActions(ctx: QueryCtx, row: IncidentRow, creatorManagerId: string | null) {
  const actions = []
  for (const t of TRANSITIONS.filter((t) => t.from === row.status)) {
    const gate = gateMessage(t.command, {
      actorId: ctx.actor.id,
      creatorId: row.created_by_user_id,
      creatorManagerId,
      reviewedBy: row.reviewed_by_user_id,
    })
    if (gate) continue
    const facts = await edgeFacts(ctx.db, row, t.to, t.forward)
    const roleOk = checkTransition({
      action: t.command,
      from: row.status,
      to: t.to,
      effectiveRoles: effectiveRoles(row.status, ctx.actor.id, row.created_by_user_id, ctx.actor.roles),
      allowedRoles: facts.allowedRoles,
      missing: [],
      definedEdges: DEFINED_EDGES,
    })
    if (!roleOk.ok) continue
    actions.push({ command: t.command, label: t.label, needs_reason: t.needsReason, missing_fields: facts.missing })
  }
  return actions
}

async function suggestedBasel(ctx: QueryCtx, row: IncidentRow): Promise<string | null> {
  if (row.basel_event_type_id !== null || row.simplified_event_type_id === null) return null
  const map = await ctx.db
    .selectFrom('simplified_to_basel_map')
    .select('basel_event_type_id')
    .where('simplified_event_type_id', '=', row.simplified_event_type_id)
    .where('is_default', '=', 1)
    .executeTakeFirst()
  return map?.basel_event_type_id ?? null
}

export const getIncident = defineQuery({
  name: 'incident.get',
  summary: 'One visible incident with names resolved, its actions and permissions (incidents §14.2).',
  input: z.strictObject({ id: Id }),
  async handler(ctx, input) {
    const row = await findVisibleIncident(ctx.db, ctx.actor, ctx.meta.tenantId, input.id)
    if (!row) return fail.notFound('Incident')
    const creator = await ctx.db
      .selectFrom('users')
      .select(['full_name', 'email', 'manager_id'])
      .where('id', '=', row.created_by_user_id)
      .executeTakeFirstOrThrow()
    const name = async (table: NameTable, id: string | null) =>
      id === null
        ? null
        : ((await ctx.db.selectFrom(table).select('name').where('id', '=', id).executeTakeFirst())?.name ?? null)
    const userName = async (id: string | null) =>
      id === null
        ? null
        : ((await ctx.db.selectFrom('users').select('full_name').where('id', '=', id).executeTakeFirst())?.full_name ??
          null)
    const causes = await ctx.db
      .selectFrom('incident_cause as ic')
      .innerJoin('loss_cause as lc', 'lc.id', 'ic.loss_cause_id')
      .select(['lc.id', 'lc.name', 'lc.family'])
      .where('ic.incident_id', '=', row.id)
      .orderBy('lc.name')
      .execute()
    const baselParent = row.basel_event_type_id
      ? await ctx.db
          .selectFrom('basel_event_type as b')
          .leftJoin('basel_event_type as p', 'p.id', 'b.parent_id')
          .select(['p.id', 'p.name'])
          .where('b.id', '=', row.basel_event_type_id)
          .executeTakeFirst()
      : undefined
    const readOnly = isIncidentReadOnly(ctx.actor, row, creator.manager_id)
    const owns = !readOnly && ownershipMessage(ctx.actor.id, row, creator.manager_id) === null
    const editable = owns ? (await editableFields(ctx, row)).fields : new Set<string>()
    const recoveries = await recoveriesOf(ctx.db, row.id)
    const totals = { insurance: 0, direct: 0, other: 0 }
    for (const r of recoveries) totals[r.type as keyof typeof totals] += r.amount
    const measureRoles = hasRole(ctx.actor, 'manager', 'risk_officer')
    const { tenant_id: _t, scope_keys: _s, ...fields } = row
    return {
      ...fields,
      near_miss: row.near_miss === 1,
      status_name: STATUS_NAMES[row.status as IncidentStatus],
      business_unit_name: await name('business_unit', row.business_unit_id),
      business_process_name: await name('business_process', row.business_process_id),
      product_name: await name('product', row.product_id),
      basel_business_line_name: await name('basel_business_line', row.basel_business_line_id),
      simplified_event_type_name: await name('simplified_event_type', row.simplified_event_type_id),
      basel_event_type_name: await name('basel_event_type', row.basel_event_type_id),
      basel_event_type_parent: baselParent?.id ? { id: baselParent.id, name: baselParent.name } : null,
      causes,
      cause_ids: causes.map((c) => c.id),
      created_by_name: creator.full_name,
      created_by_email: creator.email,
      assigned_to_name: await userName(row.assigned_to_user_id),
      reviewed_by_name: await userName(row.reviewed_by_user_id),
      validated_by_name: await userName(row.validated_by_user_id),
      closed_by_name: await userName(row.closed_by_user_id),
      overdue_stage: overdueStage(row.status, row.current_due_at, ctx.now),
      recoveries: recoveries.map(({ tenant_id: _rt, scope_keys: _rs, ...r }) => r),
      recovery_totals: totals,
      net_loss_overridden: row.net_loss_override !== null,
      net_loss_computed: row.gross_loss_amount === null ? null : row.gross_loss_amount - row.recovery_total,
      changed_since_validation:
        row.validated_version !== null &&
        row.version !== row.validated_version &&
        (await changedAfterValidation(ctx, row)),
      suggested_basel_event_type_id: await suggestedBasel(ctx, row),
      linked_risks: await linkedRisksForIncident(ctx.db, ctx.actor, row.id),
      linked_measures: await linkedMeasuresForIncident(ctx.db, ctx.actor, row.id, ctx.now.slice(0, 10)),
      available_actions: readOnly ? [] : await availableActions(ctx, row, creator.manager_id),
      editable_fields: INCIDENT_FIELDS.filter((f) => editable.has(f)),
      permissions: {
        read_only: readOnly,
        can_edit: INCIDENT_FIELDS.some((f) => editable.has(f)),
        can_delete: !readOnly && row.status === 'DRAFT' && row.created_by_user_id === ctx.actor.id,
        can_change_recoveries: editable.has('recoveries'),
        // risk.linkIncident's gate (risks.md §8): managers and risk officers, in every incident state.
        can_link_risk: hasRole(ctx.actor, 'manager', 'risk_officer'),
        can_create_measure: measureRoles,
        can_link_measure: measureRoles,
      },
    }
  },
})

/** A field write after validation; close itself is part of the validated path (incidents §17). */
async function changedAfterValidation(ctx: QueryCtx, row: IncidentRow): Promise<boolean> {
  const later = await ctx.db
    .selectFrom('audit_entry')
    .select('action')
    .where('entity_type', '=', 'incident')
    .where('entity_id', '=', row.id)
    .where('at', '>=', row.validated_at ?? row.created_at)
    .where('action', 'in', [
      'incident.update',
      'incident.addRecovery',
      'incident.updateRecovery',
      'incident.removeRecovery',
    ])
    .executeTakeFirst()
  return later !== undefined
}
