import { defineCommand } from '../catalogue/define'
import { fail, type Issue } from '../core/errors'
import type { Db } from '../db/schema'
import { assertFreshBase, changedKeys } from '../catalogue/update-shape'
import { EDITABLE_FIELDS, type EditableField, type MeasureStatus } from './measure.constants'
import { UpdateMeasureInput } from './measure.schema'
import { deactivateNotifications, loadMeasure, refuseReadOnly, responsibleIssue, scopeKeys } from './measure.store'
import { editableFields, partiesOf, todayOf, type Caller, type MeasureFacts } from './measure.workflow'

/** The §6 lock table rows of one state (the admin edits them with measureConfig.setEditableFields). */
export async function editableFor(db: Db, caller: Caller, facts: MeasureFacts): Promise<EditableField[]> {
  const rows = await db
    .selectFrom('measure_editable_field')
    .select(['party', 'field'])
    .where('status', '=', facts.status)
    .execute()
  return editableFields(facts.status, partiesOf(caller, facts), rows)
}

type Stored = Record<EditableField, string | null>

/**
 * measures.md §6, a `fields` command: keys whose `after` equals the stored value are not changes; locked keys
 * fail the whole command (WORKFLOW), then a stale base (CONFLICT), then the value rules (VALIDATION).
 */
export const updateMeasure = defineCommand({
  name: 'measure.update',
  summary: 'Change a measure’s description, deadline or responsible user; each key carries its base value.',
  input: UpdateMeasureInput,
  sync: 'push',
  concurrency: 'fields',
  touches: ['measure'],
  async handler(ctx, input) {
    const { measure, facts, caller } = await loadMeasure(ctx, input.id)
    refuseReadOnly(ctx.actor)
    ctx.touch('measure', measure.id, measure.version)
    const stored: Stored = {
      description: measure.description,
      deadline: measure.deadline,
      responsible_user_id: measure.responsible_user_id,
    }
    const sent = input.changes
    const keys = changedKeys(EDITABLE_FIELDS, sent, stored)

    const editable = await editableFor(ctx.db, caller, facts)
    const locked = keys.filter((k) => !editable.includes(k))
    if (locked.length > 0)
      fail.workflow(`Fields ${locked.join(', ')} cannot be edited in ${measure.status}.`, { fields: locked })

    assertFreshBase(
      { entity: 'Measure', id: measure.id, message: 'This measure was changed by someone else. Reload and try again.' },
      keys,
      sent,
      stored,
    )

    const next: Stored = { ...stored }
    for (const k of keys) next[k] = sent[k]!.after as string | null
    const today = todayOf(ctx.now)
    const issues: Issue[] = []
    if (keys.includes('deadline') && next.deadline !== null && next.deadline < today)
      issues.push({ path: ['changes', 'deadline', 'after'], message: 'Deadline cannot be in the past.' })
    if (keys.includes('responsible_user_id')) {
      const who = await responsibleIssue(ctx.db, ctx.meta.tenantId, next.responsible_user_id!)
      if (who) issues.push({ path: ['changes', 'responsible_user_id', 'after'], message: who })
    }
    if (issues.length > 0) fail.validation(issues)

    const columns: Record<string, unknown> = {}
    for (const k of keys) columns[k] = next[k]
    if (keys.includes('responsible_user_id'))
      columns.scope_keys = await scopeKeys(ctx.db, next.responsible_user_id!, measure.created_by_user_id)
    await ctx.db
      .updateTable('measure')
      .set({ ...columns, version: measure.version + 1, updated_at: ctx.now })
      .where('id', '=', measure.id)
      .execute()
    ctx.audit.record({
      entityType: 'measure',
      entityId: measure.id,
      entityRef: measure.ref,
      changes: keys.map((f) => ({ field: f, before: stored[f], after: next[f] })),
    })
    // §6 side effects: a new doer, or a deadline no longer in the past, retires the overdue reminder.
    const deadlineCured = keys.includes('deadline') && (next.deadline === null || next.deadline >= today)
    if (keys.includes('responsible_user_id') || deadlineCured)
      await deactivateNotifications(ctx, measure.id, 'MEASURE_OVERDUE')
    return {
      id: measure.id,
      version: measure.version + 1,
      status: measure.status as MeasureStatus,
      changed: keys,
    }
  },
})
