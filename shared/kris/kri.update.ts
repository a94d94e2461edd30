import { defineCommand } from '../catalogue/define'
import { assertFreshBase, changedKeys } from '../catalogue/update-shape'
import { fail, type Issue } from '../core/errors'
import { periodStartIssue, type Frequency } from './kri.period.rules'
import { EDITABLE_FIELDS, LOCKED_WITH_VALUES, UpdateKriInput, type EditableField } from './kri.schema'
import {
  businessUnitIssue,
  gateManage,
  hasAnyValue,
  kriScopeKeys,
  liveSets,
  loadKri,
  nameTaken,
  ownerIssue,
  refreshComputed,
  refuseReadOnly,
  type KriRow,
} from './kri.store'

type Stored = Record<EditableField, string | number | boolean | null>

const BOOLEAN_FIELDS = new Set<EditableField>(['weekdays_only', 'create_measure_on_red'])

function storedOf(k: KriRow): Stored {
  return {
    name: k.name,
    description: k.description,
    unit: k.unit,
    frequency: k.frequency,
    weekdays_only: k.weekdays_only === 1,
    first_period_start: k.first_period_start,
    grace_days: k.grace_days,
    owner_id: k.owner_id,
    business_unit_id: k.business_unit_id,
    data_source: k.data_source,
    create_measure_on_red: k.create_measure_on_red === 1,
    measure_due_days: k.measure_due_days,
  }
}

/**
 * kris.md §5.1 `kri.update`, a `fields` command: threshold keys are refused by the schema; then NOT_FOUND,
 * read-only, the risk-officer gate, the value locks (WORKFLOW), a stale base (CONFLICT) and the field rules on
 * the resulting definition (VALIDATION). Version + 1 and one audit entry; the computed columns follow.
 */
export const updateKri = defineCommand({
  name: 'kri.update',
  summary: 'Change a KRI’s definition fields; each key carries its base value. Thresholds have their own command.',
  input: UpdateKriInput,
  sync: 'push',
  concurrency: 'fields',
  touches: ['kri'],
  async handler(ctx, input) {
    const k = await loadKri(ctx, input.id)
    refuseReadOnly(ctx.actor)
    gateManage(ctx.actor, k, 'Only Risk Officers can edit KRIs.')
    ctx.touch('kri', k.id, k.version)

    const stored = storedOf(k)
    const sent = input.changes
    const keys = changedKeys(EDITABLE_FIELDS, sent, stored)

    const lockedKeys = keys.filter((f) => LOCKED_WITH_VALUES.includes(f))
    if (lockedKeys.length > 0 && (await hasAnyValue(ctx.db, k.id)))
      fail.workflow(`Fields ${lockedKeys.join(', ')} cannot be changed once values are recorded.`, {
        fields: lockedKeys,
      })

    assertFreshBase(
      { entity: 'KRI', id: k.id, message: 'This KRI was changed by someone else. Reload and try again.' },
      keys,
      sent,
      stored,
    )

    const next: Stored = { ...stored }
    for (const f of keys) next[f] = sent[f]!.after as Stored[EditableField]
    const path = (f: EditableField) => ['changes', f, 'after']
    const issues: Issue[] = []
    const tenantId = ctx.meta.tenantId
    if (keys.includes('business_unit_id')) {
      const bu = await businessUnitIssue(ctx.db, ctx.actor, tenantId, next.business_unit_id as string)
      if (bu) issues.push({ path: path('business_unit_id'), message: bu })
    }
    if (keys.includes('owner_id')) {
      const owner = await ownerIssue(ctx.db, tenantId, next.owner_id as string)
      if (owner) issues.push({ path: path('owner_id'), message: owner })
    }
    const calendarChanged = keys.some((f) => f === 'frequency' || f === 'weekdays_only' || f === 'first_period_start')
    if (calendarChanged) {
      const frequency = next.frequency as Frequency
      if (next.weekdays_only === true && frequency !== 'DAILY')
        issues.push({ path: path('weekdays_only'), message: 'Weekdays only applies to daily KRIs.' })
      else {
        const issue = periodStartIssue(
          { frequency, weekdaysOnly: next.weekdays_only === true },
          next.first_period_start as string,
        )
        if (issue) issues.push({ path: path('first_period_start'), message: issue })
      }
    }
    if (keys.includes('name') && (await nameTaken(ctx.db, tenantId, next.name as string, k.id)))
      issues.push({ path: path('name'), message: 'A KRI with this name already exists.' })
    if (issues.length > 0) fail.validation(issues)

    const columns: Record<string, unknown> = {}
    for (const f of keys) columns[f] = BOOLEAN_FIELDS.has(f) ? (next[f] ? 1 : 0) : next[f]
    if (keys.includes('owner_id') || keys.includes('business_unit_id'))
      columns.scope_keys = kriScopeKeys(next.business_unit_id as string, next.owner_id as string)
    await ctx.db
      .updateTable('kri')
      .set({ ...columns, version: k.version + 1, updated_at: ctx.now, updated_by: ctx.actor.id })
      .where('id', '=', k.id)
      .execute()
    ctx.audit.record({
      entityType: 'kri',
      entityId: k.id,
      entityRef: k.ref,
      changes: keys.map((f) => ({ field: f, before: stored[f], after: next[f] })),
    })

    // No value exists when the first period moves (it is locked afterwards): an earlier start takes the
    // earliest set with it, so a set is in force for every period again.
    const fps = next.first_period_start as string
    if (keys.includes('first_period_start') && fps < k.first_period_start) {
      const first = (await liveSets(ctx.db, k.id))[0]
      if (first && first.effective_from > fps) {
        await ctx.db.updateTable('kri_threshold_set').set({ effective_from: fps }).where('id', '=', first.id).execute()
        ctx.audit.record({
          entityType: 'kri_threshold_set',
          entityId: first.id,
          entityRef: k.ref,
          changes: [{ field: 'effective_from', before: first.effective_from, after: fps }],
        })
      }
    }
    await refreshComputed(ctx, k.id)
    return { id: k.id, version: k.version + 1, changed: keys }
  },
})
