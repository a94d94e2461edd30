import { z } from 'zod'
import { fail } from '../core/errors'
import { Id, Version } from '../core/primitives'
import { defineCommand } from '../catalogue/define'
import { hasRole } from '../users/actor'
import { addDays, currentDueAt } from './incident.rules'
import { findVisibleIncident } from './incident.queries'
import { checkTransition, DEFINED_EDGES, missingFields } from './incident.workflow'

/** DRAFT → PENDING_REVIEW by the creator (incidents §5.2, §5.5, §5.6). */
export const submitIncident = defineCommand({
  name: 'incident.submit',
  summary: 'Send a draft to the creator’s manager for review.',
  input: z.strictObject({ id: Id, expected_version: Version }),
  sync: 'push',
  concurrency: 'version',
  touches: ['incident'],
  async handler(ctx, input) {
    const before = await findVisibleIncident(ctx.db, ctx.actor, ctx.meta.tenantId, input.id)
    if (!before) return fail.notFound('Incident')
    if (before.created_by_user_id !== ctx.actor.id) {
      if (ctx.actor.roles.every((r) => r === 'auditor' || r === 'admin'))
        fail.forbidden('You have read-only access to this incident.')
      fail.forbidden('Only the incident creator can submit an incident.')
    }
    if (!hasRole(ctx.actor, 'employee', 'manager', 'risk_officer', 'infosec', 'fraud_investigator', 'group_orm'))
      fail.forbidden('You have read-only access to this incident.')
    ctx.touch('incident', before.id, before.version)

    const to = 'PENDING_REVIEW'
    const allowed = await ctx.db
      .selectFrom('incident_allowed_transition')
      .select('role')
      .where('from_status', '=', before.status)
      .where('to_status', '=', to)
      .execute()
    const required = await ctx.db
      .selectFrom('incident_required_field')
      .select('field')
      .where('target_status', '=', to)
      .execute()
    const causes = await ctx.db
      .selectFrom('incident_cause')
      .select('loss_cause_id')
      .where('incident_id', '=', before.id)
      .execute()
    const verdict = checkTransition({
      action: 'incident.submit',
      from: before.status,
      to,
      // The creator of a DRAFT acts as employee whatever their own role (incidents §2).
      effectiveRoles: before.status === 'DRAFT' ? ['employee'] : ctx.actor.roles,
      allowedRoles: allowed.map((r) => r.role),
      missing: missingFields(
        { ...before, cause_ids: causes.map((c) => c.loss_cause_id) },
        required.map((r) => r.field),
      ),
      definedEdges: DEFINED_EDGES,
    })
    if (!verdict.ok)
      fail.workflow(verdict.message, {
        transition: verdict.transition,
        ...(verdict.fields ? { fields: verdict.fields } : {}),
      })
    const creator = await ctx.db
      .selectFrom('users')
      .select('manager_id')
      .where('id', '=', before.created_by_user_id)
      .executeTakeFirst()
    const manager = creator?.manager_id
      ? await ctx.db
          .selectFrom('users')
          .select(['id', 'is_active'])
          .where('id', '=', creator.manager_id)
          .executeTakeFirst()
      : undefined
    if (!manager || manager.is_active !== 1)
      fail.workflow('You have no manager to review this incident. Ask an administrator to set your manager.', {
        transition: { action: 'incident.submit', from: before.status, to },
      })
    if (before.version !== input.expected_version)
      fail.conflict({
        message: 'This incident changed after you saw it. Review the changes and try again.',
        entity: 'Incident',
        id: before.id,
        expectedVersion: input.expected_version,
        actualVersion: before.version,
      })

    const reviewDays = await ctx.db
      .selectFrom('sla_config')
      .select('value_days')
      .where('key', '=', 'review_days')
      .executeTakeFirst()
    const due = {
      draft_due_at: null,
      review_due_at: addDays(ctx.now, reviewDays?.value_days ?? 5),
      validation_due_at: before.validation_due_at,
    }
    const after = {
      status: to,
      assigned_to_user_id: manager.id,
      submitted_at: ctx.now,
      ...due,
      current_due_at: currentDueAt(to, due),
    }
    await ctx.db
      .updateTable('incident')
      .set({ ...after, version: before.version + 1, updated_at: ctx.now })
      .where('id', '=', before.id)
      .execute()
    // Leaving a stage retires its overdue reminder, so a later late visit notifies again (incidents §5.6).
    await ctx.db
      .updateTable('notification')
      .set({ active: 0 })
      .where('entity_type', '=', 'INCIDENT')
      .where('entity_id', '=', before.id)
      .where('event_type', '=', 'INCIDENT_OVERDUE')
      .where('active', '=', 1)
      .execute()
    ctx.audit.record({
      entityType: 'incident',
      entityId: before.id,
      entityRef: before.ref,
      changes: (Object.keys(after) as (keyof typeof after)[])
        .filter((k) => before[k] !== after[k])
        .map((field) => ({ field, before: before[field], after: after[field] })),
    })
    return { id: before.id, ref: before.ref, status: to, version: before.version + 1 }
  },
})
