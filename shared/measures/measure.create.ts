import { defineCommand } from '../catalogue/define'
import type { CommandCtx } from '../catalogue/context'
import { mintReference } from '../catalogue/references'
import { fail, type Issue } from '../core/errors'
import { hasRole } from '../users/actor'
import { insertRiskMeasureLink, loadRiskForMeasure } from './measure.risk-links'
import { CreateMeasureInput } from './measure.schema'
import { loadIncident, refuseReadOnly, responsibleIssue, rowChanges, scopeKeys } from './measure.store'
import { todayOf } from './measure.workflow'

/** What `insertMeasure` needs from a command context (a user command or a system side effect). */
export type InsertCtx = Pick<CommandCtx, 'db' | 'meta' | 'now' | 'newId' | 'audit'>

export type NewMeasure = {
  /** Minted by the dispatcher for `measure.create`; minted here when absent (side effects of other commands). */
  id?: string
  ref?: string
  description: string
  responsible_user_id: string
  deadline: string | null
  created_by: string
  /** Why the measure exists when it is not a user's create, e.g. `KRI_BREACH`; recorded as the audit reason. */
  origin?: string
}

/** Link rows written with the measure, in the same transaction; each gets its own audit entry. */
export type NewMeasureLinks = {
  incident_id?: string | null
  /** Risks with their refs (the refs label the audit entries). */
  risks?: readonly { id: string; ref: string }[]
}

/**
 * Writes one OPEN measure (version 1), its audit entry and its link rows. No role gate and no value checks:
 * `measure.create` runs those first, and the KRI breach escalation (kris.md §7) calls this directly as a
 * system side effect of the actor's command. Link rows name `created_by` as their creator.
 */
export async function insertMeasure(ctx: InsertCtx, input: NewMeasure, links: NewMeasureLinks = {}) {
  const id = input.id ?? ctx.newId()
  const ref = input.ref ?? (await mintReference(ctx.db, 'MSR', ctx.now, ctx.meta.deviceCode))
  const measure = {
    id,
    tenant_id: ctx.meta.tenantId,
    version: 1,
    created_at: ctx.now,
    updated_at: ctx.now,
    scope_keys: await scopeKeys(ctx.db, input.responsible_user_id, input.created_by),
    ref,
    description: input.description,
    status: 'OPEN',
    responsible_user_id: input.responsible_user_id,
    deadline: input.deadline ?? null,
    notes: null,
    closure_comment: null,
    started_at: null,
    submitted_at: null,
    closed_at: null,
    created_by_user_id: input.created_by,
  }
  await ctx.db.insertInto('measure').values(measure).execute()
  ctx.audit.record({
    entityType: 'measure',
    entityId: measure.id,
    entityRef: measure.ref,
    changes: rowChanges(measure),
    ...(input.origin ? { reason: input.origin } : {}),
  })

  if (links.incident_id) {
    const link = {
      incident_id: links.incident_id,
      measure_id: measure.id,
      tenant_id: ctx.meta.tenantId,
      created_by_user_id: input.created_by,
      created_at: ctx.now,
    }
    await ctx.db.insertInto('incident_measure').values(link).execute()
    ctx.audit.record({
      entityType: 'incident_measure',
      entityId: `${links.incident_id}:${measure.id}`,
      entityRef: measure.ref,
      changes: rowChanges(link),
    })
  }
  for (const risk of links.risks ?? [])
    await insertRiskMeasureLink(ctx, risk.id, measure.id, measure.ref, input.created_by)
  return { id: measure.id, ref: measure.ref, status: measure.status, version: measure.version }
}

/**
 * measures.md §5.3 in the §2 order: schema; the named incident and risk visible (NOT_FOUND); read-only caller
 * and the manager/risk-officer gate (FORBIDDEN); the risk not RETIRED (WORKFLOW); value rules (VALIDATION).
 * The measure and its link rows are written in one transaction, each with its own audit entry (measure
 * first, then the links).
 */
export const createMeasure = defineCommand({
  name: 'measure.create',
  summary: 'Create an OPEN measure with a responsible user, optionally linked to an incident and a risk.',
  input: CreateMeasureInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['measure', 'incident_measure', 'risk_measure'],
  creates: { prefix: 'MSR' },
  async handler(ctx, input) {
    const incident = input.incident_id ? await loadIncident(ctx, input.incident_id) : null
    const risk = input.risk_id ? await loadRiskForMeasure(ctx, input.risk_id) : null
    refuseReadOnly(ctx.actor)
    if (!hasRole(ctx.actor, 'manager', 'risk_officer'))
      fail.forbidden('Only users with the Manager or Risk Officer role can create measures.')
    if (risk?.status === 'RETIRED') fail.workflow('Cannot link retired risks.')

    const issues: Issue[] = []
    const who = await responsibleIssue(ctx.db, ctx.meta.tenantId, input.responsible_user_id)
    if (who) issues.push({ path: ['responsible_user_id'], message: who })
    if (input.deadline && input.deadline < todayOf(ctx.now))
      issues.push({ path: ['deadline'], message: 'Deadline cannot be in the past.' })
    if (issues.length > 0) fail.validation(issues)

    return insertMeasure(
      ctx,
      {
        id: ctx.minted.id,
        ref: ctx.minted.ref!,
        description: input.description,
        responsible_user_id: input.responsible_user_id,
        deadline: input.deadline ?? null,
        created_by: ctx.actor.id,
      },
      { incident_id: incident?.id ?? null, risks: risk ? [risk] : [] },
    )
  },
})
