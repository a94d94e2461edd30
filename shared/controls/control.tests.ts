import { z } from 'zod'
import { defineCommand } from '../catalogue/define'
import { fail, type Issue } from '../core/errors'
import { Id } from '../core/primitives'
import { TEST_RESULTS } from './control.constants'
import { recomputeLatestTest } from './control.effects'
import { CalendarDate, oneOf, optText } from './control.schema'
import { isControlOfficer, loadControl, refuseReadOnly, rowChanges, todayOf, type ControlRow } from './control.store'
import { VoidReason } from './evidence.schema'
import type { Actor } from '../catalogue/context'

const NOTES_REQUIRED = 'Notes of at least 10 characters are required when the result is not Effective.'

export const RecordTestInput = z
  .strictObject({
    id: Id.optional(),
    control_id: Id,
    test_date: CalendarDate,
    tester_id: Id,
    result: oneOf(TEST_RESULTS),
    notes: optText('Notes', 4000).optional(),
    evidence_revision_id: Id.nullable().optional(),
  })
  .superRefine((v, c) => {
    if (v.result !== 'EFFECTIVE' && [...(v.notes ?? '')].length < 10)
      c.addIssue({ code: 'custom', path: ['notes'], message: NOTES_REQUIRED })
  })

function requireTester(actor: Actor, control: ControlRow) {
  refuseReadOnly(actor)
  if (!isControlOfficer(actor, control)) fail.forbidden('Only Risk Officers can record control tests.')
}

/**
 * controls.md §7 `control.recordTest`: notes rule (schema) → control visible → read-only → risk officer in
 * scope → control active (WORKFLOW) → date, tester, evidence of the same control (VALIDATION). Recomputes the
 * latest test; a new latest INEFFECTIVE test raises CONTROL_TEST_FAILED.
 */
export const recordControlTest = defineCommand({
  name: 'control.recordTest',
  summary: 'Record an effectiveness test of a control.',
  input: RecordTestInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['control_test', 'control'],
  creates: { prefix: null },
  async handler(ctx, input) {
    const control = await loadControl(ctx, input.control_id)
    requireTester(ctx.actor, control)
    if (control.is_active !== 1) fail.workflow('Cannot test an inactive control.')
    const issues: Issue[] = []
    if (input.test_date > todayOf(ctx.now))
      issues.push({ path: ['test_date'], message: 'Test date cannot be in the future.' })
    const tester = await ctx.db
      .selectFrom('users')
      .select(['id', 'is_active'])
      .where('id', '=', input.tester_id)
      .where('tenant_id', '=', ctx.meta.tenantId)
      .executeTakeFirst()
    if (!tester || tester.is_active !== 1)
      issues.push({ path: ['tester_id'], message: 'Tester not found or inactive.' })
    if (input.evidence_revision_id) {
      const rev = await ctx.db
        .selectFrom('evidence_revision')
        .innerJoin('evidence', 'evidence.id', 'evidence_revision.evidence_id')
        .select('evidence.control_id')
        .where('evidence_revision.id', '=', input.evidence_revision_id)
        .executeTakeFirst()
      if (rev?.control_id !== control.id)
        issues.push({ path: ['evidence_revision_id'], message: 'Evidence must belong to this control.' })
    }
    if (issues.length > 0) fail.validation(issues)
    const row = {
      id: ctx.minted.id,
      tenant_id: ctx.meta.tenantId,
      control_id: control.id,
      test_date: input.test_date,
      tester_id: input.tester_id,
      result: input.result,
      notes: input.notes ?? null,
      evidence_revision_id: input.evidence_revision_id ?? null,
      recorded_by: ctx.actor.id,
      recorded_at: ctx.now,
      voided_at: null,
      voided_by: null,
      void_reason: null,
    }
    await ctx.db.insertInto('control_test').values(row).execute()
    ctx.audit.record({ entityType: 'control_test', entityId: row.id, entityRef: control.ref, changes: rowChanges(row) })
    const latest = await recomputeLatestTest(ctx, control.id)
    return { id: row.id, control_id: control.id, is_latest: latest?.id === row.id, result: row.result }
  },
})

/** §7 `control.voidTest`: a test is never edited; a wrong one is voided and the latest recomputed. */
export const voidControlTest = defineCommand({
  name: 'control.voidTest',
  summary: 'Void a wrongly recorded control test.',
  input: z.strictObject({ test_id: Id, reason: VoidReason }),
  sync: 'push',
  concurrency: 'none',
  touches: ['control_test', 'control'],
  async handler(ctx, input) {
    const test = await ctx.db
      .selectFrom('control_test')
      .selectAll()
      .where('id', '=', input.test_id)
      .where('tenant_id', '=', ctx.meta.tenantId)
      .executeTakeFirst()
    if (!test) return fail.notFound('Control test')
    const control = await loadControl(ctx, test.control_id).catch(() => fail.notFound('Control test'))
    requireTester(ctx.actor, control)
    if (test.voided_at !== null) fail.workflow('This test is already void.')
    await ctx.db
      .updateTable('control_test')
      .set({ voided_at: ctx.now, voided_by: ctx.actor.id, void_reason: input.reason })
      .where('id', '=', test.id)
      .execute()
    ctx.audit.record({
      entityType: 'control_test',
      entityId: test.id,
      entityRef: control.ref,
      changes: [
        { field: 'voided_at', before: null, after: ctx.now },
        { field: 'voided_by', before: null, after: ctx.actor.id },
        { field: 'void_reason', before: null, after: input.reason },
      ],
      reason: input.reason,
    })
    const latest = await recomputeLatestTest(ctx, control.id)
    return { id: test.id, control_id: control.id, latest_test_id: latest?.id ?? null }
  },
})
