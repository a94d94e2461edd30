import type { z } from 'zod'
import type { CommandCtx } from '../catalogue/context'
import { defineCommand } from '../catalogue/define'
import { fail } from '../core/errors'
import { onRiskApproved, onRiskRetired } from '../risk-acceptance/acceptance.effects'
import { getSetting } from '../settings/app-settings'
import { buRiskOfficers } from '../users/bu-risk-officers'
import { MSG, TRANSITION_TABLE, type RiskStatus } from './risk.constants'
import { notifyRisk, type RiskEvent } from './risk.notify'
import { loadPreconditionFacts } from './risk.preconditions'
import { nextReviewDate, nextReviewIssue, preconditionViolations, transitionRefusal } from './risk.rules'
import { ApproveInput, OptionalReasonInput, ReasonInput, VersionedInput } from './risk.schema'
import { writeSnapshot, type SnapshotTrigger } from './risk.snapshot'
import {
  changedFields,
  expectVersion,
  loadRisk,
  normalise,
  requireWriter,
  rowChanges,
  type RiskRow,
} from './risk.store'

type TransitionName =
  'risk.submitForReview' | 'risk.approve' | 'risk.sendBack' | 'risk.requestReassessment' | 'risk.retire'

type TransitionInput = {
  id: string
  expected_version: number
  reason?: string | undefined
  next_review_date?: string | undefined
}
type NoteKind = 'RETURNED_FOR_REVISION' | 'REASSESSMENT_REQUESTED' | 'RETIREMENT'

/** What one edge writes besides status and version, and what follows (risks.md §5.1 "side effects"). */
type Effects = {
  after: Record<string, unknown>
  note?: NoteKind
  snapshot?: SnapshotTrigger | undefined
  notify?: { event: RiskEvent; recipients: (string | null)[] }
  acceptance?: 'approved' | 'retired'
}

type Def = {
  name: string
  summary: string
  to: RiskStatus
  /** Whether P1–P6 and R run (submit and approve). */
  preconditions: boolean
  effects(ctx: CommandCtx, risk: RiskRow, input: TransitionInput): Promise<Effects>
}

/** The states a command starts from (§5.1 table); any other is "Transition … is not defined." */
const sourcesOf = (command: string) => TRANSITION_TABLE.filter((t) => t.command === command).map((t) => t.from)

const DEFS: Record<TransitionName, Def> = {
  'risk.submitForReview': {
    name: 'risk.submitForReview',
    summary: 'Submit a draft risk for validation by the risk officers.',
    to: 'ASSESSED',
    preconditions: true,
    effects: async (ctx, risk) => ({
      after: { submitted_for_review_at: ctx.now, submitted_by: ctx.actor.id },
      notify: { event: 'RISK_SUBMITTED', recipients: await buRiskOfficers(ctx.db, risk.business_unit_id) },
    }),
  },
  'risk.approve': {
    name: 'risk.approve',
    summary: 'Approve an assessed risk, or a draft in workshop mode: it becomes ACTIVE and a snapshot is taken.',
    to: 'ACTIVE',
    preconditions: true,
    async effects(ctx, risk, input) {
      const workshop = risk.status === 'DRAFT'
      const today = ctx.now.slice(0, 10)
      const interval = await getSetting(ctx.db, 'risk_review_interval_days')
      const submittedBy = workshop ? ctx.actor.id : risk.submitted_by
      return {
        after: {
          validated_at: ctx.now,
          validated_by: ctx.actor.id,
          next_review_date: nextReviewDate(input.next_review_date, risk.next_review_date, today, interval),
          ...(workshop ? { submitted_for_review_at: ctx.now, submitted_by: ctx.actor.id } : {}),
        },
        snapshot: workshop ? 'WORKSHOP_APPROVAL' : 'APPROVAL',
        notify: { event: 'RISK_APPROVED', recipients: [risk.owner_id, submittedBy] },
        acceptance: 'approved',
      }
    },
  },
  'risk.sendBack': {
    name: 'risk.sendBack',
    summary: 'Send an assessed risk back to its owner for revision, with a reason.',
    to: 'DRAFT',
    preconditions: false,
    effects: async (_ctx, risk) => ({
      after: {},
      note: 'RETURNED_FOR_REVISION',
      notify: { event: 'RISK_SENT_BACK', recipients: [risk.submitted_by ?? risk.owner_id] },
    }),
  },
  'risk.requestReassessment': {
    name: 'risk.requestReassessment',
    summary: 'Reopen an active risk for reassessment.',
    to: 'ASSESSED',
    preconditions: false,
    effects: async (ctx, risk) => ({
      after: { submitted_for_review_at: ctx.now },
      note: 'REASSESSMENT_REQUESTED',
      notify: { event: 'RISK_REASSESSMENT_REQUESTED', recipients: [risk.owner_id] },
    }),
  },
  'risk.retire': {
    name: 'risk.retire',
    summary: 'Retire an assessed or active risk, with a reason.',
    to: 'RETIRED',
    preconditions: false,
    effects: async (ctx, risk, input) => ({
      after: { retired_at: ctx.now, retired_by: ctx.actor.id, retirement_reason: input.reason ?? null },
      note: 'RETIREMENT',
      snapshot: risk.status === 'ACTIVE' ? 'RETIREMENT' : undefined,
      acceptance: 'retired',
    }),
  },
}

/** The allowed-transition table as it stands (data, §5.1). */
export async function transitionRows(ctx: Pick<CommandCtx, 'db'>) {
  return ctx.db.selectFrom('risk_allowed_transition').select(['from_status', 'to_status', 'role']).execute()
}

async function addNote(ctx: CommandCtx, risk: RiskRow, kind: NoteKind, body: string) {
  const note = {
    id: ctx.newId(),
    tenant_id: ctx.meta.tenantId,
    risk_id: risk.id,
    kind,
    body,
    author_id: ctx.actor.id,
    created_at: ctx.now,
  }
  await ctx.db.insertInto('risk_note').values(note).execute()
  ctx.audit.record({ entityType: 'risk_note', entityId: note.id, entityRef: risk.ref, changes: rowChanges(note) })
}

/**
 * One `version` command per row of §5.1, run as §5.2: input shape; visible (NOT_FOUND); read-only caller and
 * the manager/risk-officer gate (FORBIDDEN); transition table, then every precondition (WORKFLOW); stale
 * expected_version (CONFLICT); P7 (VALIDATION); then the writes, snapshot, acceptance hook and notifications
 * in the command's transaction.
 */
function transitionCommand<const N extends TransitionName, I extends z.ZodType<TransitionInput>>(name: N, input: I) {
  const def: Def = DEFS[name]
  return defineCommand({
    name,
    summary: def.summary,
    input,
    sync: 'push',
    concurrency: 'version',
    touches: ['risk', 'risk_note', 'risk_snapshot', 'notification', 'risk_acceptance'],
    async handler(ctx, raw) {
      const input = raw as TransitionInput
      const risk = await loadRisk(ctx, input.id)
      requireWriter(ctx.actor, MSG.statusGate)
      ctx.touch('risk', risk.id, risk.version)
      const from = risk.status
      const transition = { action: name, from, to: def.to }
      const refusal = transitionRefusal(await transitionRows(ctx), from, def.to, sourcesOf(def.name), ctx.actor.roles)
      if (refusal) fail.workflow(refusal, { transition })
      if (def.preconditions) {
        const violations = preconditionViolations(risk, def.to, await loadPreconditionFacts(ctx.db, risk, def.to))
        if (violations.length > 0)
          fail.workflow(violations[0]!.message, {
            transition,
            fields: [...new Set(violations.flatMap((v) => v.fields))],
            details: { violations },
          })
      }
      expectVersion(risk, input.expected_version)
      const p7 = nextReviewIssue(input.next_review_date, ctx.now.slice(0, 10))
      if (p7) fail.field('next_review_date', p7)

      const effects = await def.effects(ctx, risk, input)
      const version = risk.version + 1
      const after = { status: def.to, ...effects.after }
      await ctx.db
        .updateTable('risk')
        .set({ ...after, version, updated_at: ctx.now, updated_by: ctx.actor.id })
        .where('id', '=', risk.id)
        .execute()
      const reason = input.reason ? input.reason : null
      ctx.audit.record({
        entityType: 'risk',
        entityId: risk.id,
        entityRef: risk.ref,
        changes: changedFields(risk, after),
        reason,
      })
      if (effects.note && reason) await addNote(ctx, risk, effects.note, reason)
      const updated = normalise(
        await ctx.db.selectFrom('risk').selectAll().where('id', '=', risk.id).executeTakeFirstOrThrow(),
      )
      const snapshotId = effects.snapshot ? await writeSnapshot(ctx, updated, effects.snapshot) : null
      if (effects.acceptance === 'approved') await onRiskApproved(ctx, risk.id)
      if (effects.acceptance === 'retired') await onRiskRetired(ctx, risk.id)
      if (effects.notify) await notifyRisk(ctx, updated, effects.notify.event, `v${version}`, effects.notify.recipients)
      return {
        id: risk.id,
        ref: risk.ref,
        status: def.to,
        version,
        snapshot_id: snapshotId,
        next_review_date: updated.next_review_date,
      }
    },
  })
}

export const submitRisk = transitionCommand('risk.submitForReview', VersionedInput)
export const approveRisk = transitionCommand('risk.approve', ApproveInput)
export const sendBackRisk = transitionCommand('risk.sendBack', ReasonInput)
export const requestReassessment = transitionCommand('risk.requestReassessment', OptionalReasonInput)
export const retireRisk = transitionCommand('risk.retire', ReasonInput)

export const RISK_TRANSITIONS = [submitRisk, approveRisk, sendBackRisk, requestReassessment, retireRisk] as const
