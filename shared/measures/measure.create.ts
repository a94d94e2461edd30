import { defineCommand } from '../catalogue/define'
import { fail, type Issue } from '../core/errors'
import { hasRole } from '../users/actor'
import { CreateMeasureInput } from './measure.schema'
import { loadIncident, refuseReadOnly, responsibleIssue, rowChanges, scopeKeys } from './measure.store'
import { todayOf } from './measure.workflow'

/**
 * measures.md §5.3 in the §2 order: schema; the named incident visible (NOT_FOUND); read-only caller and the
 * manager/risk-officer gate (FORBIDDEN); value rules (VALIDATION). The measure and its link row are written
 * in one transaction, each with its own audit entry (measure first, then the link).
 */
export const createMeasure = defineCommand({
  name: 'measure.create',
  summary: 'Create an OPEN measure with a responsible user, optionally linked to an incident.',
  input: CreateMeasureInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['measure', 'incident_measure'],
  creates: { prefix: 'MSR' },
  async handler(ctx, input) {
    const incident = input.incident_id ? await loadIncident(ctx, input.incident_id) : null
    refuseReadOnly(ctx.actor)
    if (!hasRole(ctx.actor, 'manager', 'risk_officer'))
      fail.forbidden('Only users with the Manager or Risk Officer role can create measures.')

    const issues: Issue[] = []
    const who = await responsibleIssue(ctx.db, ctx.meta.tenantId, input.responsible_user_id)
    if (who) issues.push({ path: ['responsible_user_id'], message: who })
    if (input.deadline && input.deadline < todayOf(ctx.now))
      issues.push({ path: ['deadline'], message: 'Deadline cannot be in the past.' })
    if (issues.length > 0) fail.validation(issues)

    const measure = {
      id: ctx.minted.id,
      tenant_id: ctx.meta.tenantId,
      version: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
      scope_keys: await scopeKeys(ctx.db, input.responsible_user_id, ctx.actor.id),
      ref: ctx.minted.ref!,
      description: input.description,
      status: 'OPEN',
      responsible_user_id: input.responsible_user_id,
      deadline: input.deadline ?? null,
      notes: null,
      closure_comment: null,
      started_at: null,
      submitted_at: null,
      closed_at: null,
      created_by_user_id: ctx.actor.id,
    }
    await ctx.db.insertInto('measure').values(measure).execute()
    ctx.audit.record({
      entityType: 'measure',
      entityId: measure.id,
      entityRef: measure.ref,
      changes: rowChanges(measure),
    })

    if (incident) {
      const link = {
        incident_id: incident.id,
        measure_id: measure.id,
        tenant_id: ctx.meta.tenantId,
        created_by_user_id: ctx.actor.id,
        created_at: ctx.now,
      }
      await ctx.db.insertInto('incident_measure').values(link).execute()
      ctx.audit.record({
        entityType: 'incident_measure',
        entityId: `${incident.id}:${measure.id}`,
        entityRef: measure.ref,
        changes: rowChanges(link),
      })
    }
    return { id: measure.id, ref: measure.ref, status: measure.status, version: measure.version }
  },
})
