import { z } from 'zod'
import canonicalize from 'canonicalize'
import type { CommandCtx } from '../catalogue/context'
import { defineCommand } from '../catalogue/define'
import { fail } from '../core/errors'
import { Id, Version } from '../core/primitives'
import type { Db } from '../db/schema'
import { routeReviewedIncident } from '../incident-config/route'
import { addDays, currentDueAt } from './incident.rules'
import {
  causeIds,
  changedFields,
  deactivateNotifications,
  loadForWrite,
  recoveriesOf,
  slaDays,
  staleVersion,
  type Creator,
  type IncidentRow,
} from './incident.store'
import {
  checkTransition,
  DEFINED_EDGES,
  effectiveRoles,
  gateMessage,
  missingFields,
  prependNote,
  TRANSITIONS,
  type TransitionCommand,
} from './incident.workflow'

const Reason = z
  .string({ error: 'A reason is required.' })
  .transform((s) => s.trim())
  .check((c) => {
    const n = [...c.value].length
    if (n === 0) c.issues.push({ code: 'custom', message: 'A reason is required.', input: c.value })
    else if (n > 500)
      c.issues.push({ code: 'custom', message: 'The reason must be at most 500 characters.', input: c.value })
  })

type Effects = Record<string, unknown>
type Step = (ctx: CommandCtx, incident: IncidentRow, creator: Creator, reason: string | null) => Promise<Effects>

/** Loads the allowed roles and the incident's missing fields for one edge; shared with incident.get. */
export async function edgeFacts(db: Db, incident: IncidentRow, to: string, forward: boolean) {
  const allowed = await db
    .selectFrom('incident_allowed_transition')
    .select('role')
    .where('from_status', '=', incident.status)
    .where('to_status', '=', to)
    .execute()
  const required = forward
    ? (await db.selectFrom('incident_required_field').select('field').where('target_status', '=', to).execute()).map(
        (r) => r.field,
      )
    : []
  const missing = missingFields({ ...incident, cause_ids: await causeIds(db, incident.id) }, required)
  return { allowedRoles: allowed.map((r) => r.role), missing }
}

/** The active manager of the creator, or null. */
async function activeManager(db: Db, creator: Creator) {
  if (!creator.manager_id) return null
  const m = await db
    .selectFrom('users')
    .select(['id', 'is_active'])
    .where('id', '=', creator.manager_id)
    .executeTakeFirst()
  return m && m.is_active === 1 ? m.id : null
}

/**
 * incidents §5.5 review rule: the active risk officer with the lowest id in the incident's unit, else the
 * active group-scope officer with the lowest id, else null; the creator and the reviewer are never chosen.
 */
export async function riskOfficerFor(db: Db, businessUnitId: string, exclude: readonly string[]) {
  const officers = await db
    .selectFrom('users')
    .select(['id', 'roles', 'business_unit_id', 'group_scope'])
    .where('is_active', '=', 1)
    .where('roles', 'like', '%risk_officer%')
    .orderBy('id')
    .execute()
  const eligible = officers.filter(
    (o) => !exclude.includes(o.id) && (JSON.parse(o.roles) as string[]).includes('risk_officer'),
  )
  return (
    eligible.find((o) => o.business_unit_id === businessUnitId)?.id ??
    eligible.find((o) => o.group_scope === 1)?.id ??
    null
  )
}

const due = (incident: IncidentRow) => ({
  draft_due_at: incident.draft_due_at,
  review_due_at: incident.review_due_at,
  validation_due_at: incident.validation_due_at,
})

/** What each edge writes besides its status (incidents §5.2, §5.5, §5.6). */
const STEPS: Record<TransitionCommand, Step> = {
  'incident.submit': async (ctx, _incident, creator) => ({
    assigned_to_user_id: await activeManager(ctx.db, creator),
    submitted_at: ctx.now,
    draft_due_at: null,
    review_due_at: addDays(ctx.now, await slaDays(ctx.db, 'review_days')),
  }),
  'incident.review': async (ctx, incident) => ({
    reviewed_by_user_id: ctx.actor.id,
    reviewed_at: ctx.now,
    assigned_to_user_id: await riskOfficerFor(ctx.db, incident.business_unit_id, [
      incident.created_by_user_id,
      ctx.actor.id,
    ]),
    review_due_at: null,
    validation_due_at: addDays(ctx.now, await slaDays(ctx.db, 'validation_days')),
  }),
  'incident.validate': async (ctx, incident) => ({
    validated_by_user_id: ctx.actor.id,
    validated_at: ctx.now,
    validated_version: incident.version + 1,
    assigned_to_user_id: null,
    validation_due_at: null,
  }),
  'incident.close': async (ctx, incident) => ({
    closed_by_user_id: ctx.actor.id,
    closed_at: ctx.now,
    assigned_to_user_id: null,
    resolved_at: incident.resolved_at ?? ctx.now,
  }),
  'incident.returnToDraft': async (ctx, incident, _creator, reason) => ({
    assigned_to_user_id: null,
    draft_due_at: addDays(ctx.now, await slaDays(ctx.db, 'draft_days')),
    review_due_at: null,
    notes: prependNote(incident.notes, ctx.now, 'Returned to Draft', ctx.actor.email, reason ?? ''),
  }),
  'incident.returnToReview': async (ctx, incident, creator, reason) => ({
    assigned_to_user_id: await activeManager(ctx.db, creator),
    review_due_at: addDays(ctx.now, await slaDays(ctx.db, 'review_days')),
    validation_due_at: null,
    notes: prependNote(incident.notes, ctx.now, 'Returned to Review', ctx.actor.email, reason ?? ''),
  }),
}

/** SHA-256 of the canonical JSON of the incident's fields and recoveries as validated (incidents §17). */
async function validatedHash(ctx: CommandCtx, incident: Record<string, unknown>) {
  const { validated_hash: _omit, scope_keys: _scope, ...fields } = incident
  const recoveries = (await recoveriesOf(ctx.db, String(incident.id))).map(({ scope_keys: _s, ...r }) => r)
  const causes = await causeIds(ctx.db, String(incident.id))
  return ctx.services.sha256Hex(canonicalize({ incident: fields, cause_ids: causes, recoveries }) ?? '')
}

function transitionCommand<const N extends TransitionCommand>(name: N, summary: string) {
  const def = TRANSITIONS.find((t) => t.command === name)!
  const input = def.needsReason
    ? z.strictObject({ id: Id, expected_version: Version, reason: Reason })
    : z.strictObject({ id: Id, expected_version: Version })
  return defineCommand({
    name,
    summary,
    input,
    sync: 'push',
    concurrency: 'version',
    touches: ['incident'],
    async handler(ctx, raw: { id: string; expected_version: number; reason?: string }) {
      const { incident, creator } = await loadForWrite(ctx, raw.id)
      const gate = gateMessage(name, {
        actorId: ctx.actor.id,
        creatorId: creator.id,
        creatorManagerId: creator.manager_id,
        reviewedBy: incident.reviewed_by_user_id,
      })
      if (gate) fail.forbidden(gate)
      ctx.touch('incident', incident.id, incident.version)

      const facts = incident.status === def.from ? await edgeFacts(ctx.db, incident, def.to, def.forward) : null
      const preconditionFails = name === 'incident.submit' && !(await activeManager(ctx.db, creator))
      const verdict = checkTransition({
        action: name,
        from: incident.status,
        to: def.to,
        effectiveRoles: effectiveRoles(incident.status, ctx.actor.id, creator.id, ctx.actor.roles),
        allowedRoles: facts?.allowedRoles ?? [],
        missing: preconditionFails ? [] : (facts?.missing ?? []),
        definedEdges: DEFINED_EDGES.filter((e) => e.from === def.from && e.to === def.to),
      })
      // The precondition runs after the role check and before required fields (incidents §5.2).
      if (verdict.ok && preconditionFails)
        fail.workflow(NO_MANAGER, { transition: { action: name, from: incident.status, to: def.to } })
      if (!verdict.ok)
        fail.workflow(verdict.message, {
          transition: verdict.transition,
          ...(verdict.fields ? { fields: verdict.fields } : {}),
        })
      staleVersion(incident, raw.expected_version)

      const effects = await STEPS[name](ctx, incident, creator, raw.reason ?? null)
      const nextDue = { ...due(incident), ...effects }
      const after: Record<string, unknown> = {
        status: def.to,
        ...effects,
        current_due_at: currentDueAt(def.to, nextDue),
      }
      const version = incident.version + 1
      if (name === 'incident.validate')
        after.validated_hash = await validatedHash(ctx, { ...incident, ...after, version, updated_at: ctx.now })
      await ctx.db
        .updateTable('incident')
        .set({ ...after, version, updated_at: ctx.now })
        .where('id', '=', incident.id)
        .execute()
      await deactivateNotifications(ctx, incident.id, 'INCIDENT_OVERDUE')
      ctx.audit.record({
        entityType: 'incident',
        entityId: incident.id,
        entityRef: incident.ref,
        changes: changedFields(incident, after),
        reason: raw.reason ?? null,
      })
      if (name === 'incident.review') {
        const reviewed: IncidentRow = { ...incident, ...after, version }
        await routeReviewedIncident(ctx, reviewed)
      }
      return { id: incident.id, ref: incident.ref, status: def.to, version }
    },
  })
}

const NO_MANAGER = 'You have no manager to review this incident. Ask an administrator to set your manager.'

export const submitIncident = transitionCommand('incident.submit', 'Send a draft to the creator’s manager for review.')
export const reviewIncident = transitionCommand('incident.review', 'Approve a report and send it to Risk.')
export const validateIncident = transitionCommand('incident.validate', 'Validate a reviewed incident.')
export const closeIncident = transitionCommand('incident.close', 'Close a validated incident.')
export const returnToDraft = transitionCommand('incident.returnToDraft', 'Send a report back to its reporter.')
export const returnToReview = transitionCommand('incident.returnToReview', 'Send an incident back to the manager.')

export const TRANSITION_ENTRIES = [
  submitIncident,
  reviewIncident,
  validateIncident,
  closeIncident,
  returnToDraft,
  returnToReview,
] as const
