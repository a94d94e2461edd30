import { z } from 'zod'
import { defineCommand } from '../catalogue/define'
import { fail } from '../core/errors'
import { Id, Version } from '../core/primitives'
import { transitionDef, type MeasureStatus, type TransitionCommand } from './measure.constants'
import { ClosureComment, Evidence, Reason } from './measure.schema'
import { changedFields, deactivateNotifications, expectVersion, loadMeasure, refuseReadOnly } from './measure.store'
import { prependNote, transitionRefusal } from './measure.workflow'

type TransitionInput = {
  id: string
  expected_version: number
  evidence?: string
  reason?: string
  closure_comment?: string
}

const base = { id: Id, expected_version: Version }

// Leaving the working states retires the overdue reminder (§11); OPEN ↔ IN_PROGRESS keeps it.
const CLEARS_OVERDUE: readonly MeasureStatus[] = ['PENDING_REVIEW', 'COMPLETED', 'CANCELLED']

/**
 * One `version` command per edge of §5.2, checked in the §2 order: visible (NOT_FOUND), read-only caller
 * (FORBIDDEN), edge and contextual role (WORKFLOW), stale expected_version (CONFLICT). The evidence, reason or
 * closure comment is the audit "why".
 */
function transitionCommand<const N extends TransitionCommand, I extends z.ZodType<TransitionInput>>(
  name: N,
  summary: string,
  input: I,
) {
  const def = transitionDef(name)
  return defineCommand({
    name,
    summary,
    input,
    sync: 'push',
    concurrency: 'version',
    touches: ['measure'],
    async handler(ctx, raw) {
      const input = raw as TransitionInput
      const { measure, facts, caller } = await loadMeasure(ctx, input.id)
      refuseReadOnly(ctx.actor)
      ctx.touch('measure', measure.id, measure.version)
      const refusal = transitionRefusal(def, caller, facts)
      if (refusal) fail.workflow(refusal, { transition: { action: name, from: measure.status, to: def.to } })
      expectVersion(measure, input.expected_version)

      const text = input.evidence ?? input.reason ?? input.closure_comment ?? null
      const after: Record<string, string | null> = { status: def.to }
      if (name === 'measure.start' && measure.started_at === null) after.started_at = ctx.now
      if (name === 'measure.submitForReview') after.submitted_at = ctx.now
      if (name === 'measure.complete') after.closure_comment = text
      if (name === 'measure.complete' || name === 'measure.cancel') after.closed_at = ctx.now
      if (def.notePrefix && text !== null)
        after.notes = prependNote(measure.notes, ctx.now, ctx.actor.email, def.notePrefix, text)

      const version = measure.version + 1
      await ctx.db
        .updateTable('measure')
        .set({ ...after, version, updated_at: ctx.now })
        .where('id', '=', measure.id)
        .execute()
      ctx.audit.record({
        entityType: 'measure',
        entityId: measure.id,
        entityRef: measure.ref,
        changes: changedFields(measure, after),
        reason: text,
      })
      if (CLEARS_OVERDUE.includes(def.to)) await deactivateNotifications(ctx, measure.id, 'MEASURE_OVERDUE')
      return { id: measure.id, ref: measure.ref, status: def.to, version }
    },
  })
}

export const startMeasure = transitionCommand('measure.start', 'Start work on an open measure.', z.strictObject(base))
export const submitMeasure = transitionCommand(
  'measure.submitForReview',
  'Submit evidence for verification.',
  z.strictObject({ ...base, evidence: Evidence }),
)
export const returnMeasure = transitionCommand(
  'measure.returnToProgress',
  'Send a measure back to its doer.',
  z.strictObject({ ...base, reason: Reason }),
)
export const completeMeasure = transitionCommand(
  'measure.complete',
  'Verify and complete a measure.',
  z.strictObject({ ...base, closure_comment: ClosureComment }),
)
export const cancelMeasure = transitionCommand(
  'measure.cancel',
  'Cancel a measure that is no longer needed.',
  z.strictObject({ ...base, reason: Reason }),
)

export const MEASURE_TRANSITIONS = [startMeasure, submitMeasure, returnMeasure, completeMeasure, cancelMeasure] as const
