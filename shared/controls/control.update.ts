import { defineCommand } from '../catalogue/define'
import { assertFreshBase, changedKeys } from '../catalogue/update-shape'
import { fail } from '../core/errors'
import { getSetting } from '../settings/app-settings'
import { CONTROL_CONFLICT, CONTROL_EDITABLE_FIELDS, type ControlEditableField } from './control.constants'
import { UpdateControlInput } from './control.schema'
import {
  activeRiskCount,
  controlScopeKeys,
  controlValueIssues,
  loadControl,
  requireControlOfficer,
  type ControlRow,
} from './control.store'

type Stored = Record<ControlEditableField, unknown>

export function storedFields(c: ControlRow): Stored {
  return {
    code: c.code,
    title: c.title,
    description: c.description,
    control_type: c.control_type,
    control_nature: c.control_nature,
    control_frequency: c.control_frequency,
    implementation_status: c.implementation_status,
    effectiveness: c.effectiveness,
    business_unit_id: c.business_unit_id,
    business_process_id: c.business_process_id,
    owner_id: c.owner_id,
    reference_doc: c.reference_doc,
    group_wide: c.group_wide === 1,
  }
}

/** The fields locked while the control is linked to ACTIVE risks (empty when it is not). */
export async function lockedFields(db: Parameters<typeof getSetting>[0], activeRisks: number): Promise<string[]> {
  if (activeRisks === 0) return []
  return getSetting(db, 'control_fields_locked_when_linked_active')
}

/**
 * controls.md §3.1 `control.update`, a `fields` command: visibility → read-only role → risk officer with the
 * control's BU in scope → locked-while-linked fields (WORKFLOW) → stale base (CONFLICT) → value rules.
 */
export const updateControl = defineCommand({
  name: 'control.update',
  summary: 'Edit a control’s fields; each key carries its base value.',
  input: UpdateControlInput,
  sync: 'push',
  concurrency: 'fields',
  touches: ['control'],
  async handler(ctx, input) {
    const control = await loadControl(ctx, input.id)
    requireControlOfficer(ctx.actor, control)
    ctx.touch('control', control.id, control.version)
    const stored = storedFields(control)
    const sent = input.changes
    const keys = changedKeys(CONTROL_EDITABLE_FIELDS, sent, stored)

    const locked = (await lockedFields(ctx.db, keys.length > 0 ? await activeRiskCount(ctx.db, control.id) : 0))
      .filter((f): f is ControlEditableField => (keys as string[]).includes(f))
      .sort((a, b) => CONTROL_EDITABLE_FIELDS.indexOf(a) - CONTROL_EDITABLE_FIELDS.indexOf(b))
    if (locked.length > 0)
      fail.workflow(`Fields ${locked.join(', ')} cannot be changed while the control is linked to ACTIVE risks.`, {
        fields: locked,
      })

    assertFreshBase({ entity: 'Control', id: control.id, message: CONTROL_CONFLICT }, keys, sent, stored)

    const next: Stored = { ...stored }
    for (const k of keys) next[k] = sent[k]!.after
    const has = (k: ControlEditableField) => keys.includes(k)
    const buOrProcess = has('business_unit_id') || has('business_process_id')
    const issues = await controlValueIssues(
      ctx,
      {
        business_unit_id: has('business_unit_id') || buOrProcess ? (next.business_unit_id as string) : undefined,
        owner_id: has('owner_id') ? (next.owner_id as string) : undefined,
        business_process_id: buOrProcess ? (next.business_process_id as string | null) : undefined,
        code: has('code') ? (next.code as string | null) : undefined,
        selfId: control.id,
      },
      (f) => ['changes', f, 'after'],
    )
    // A BU kept as it was is not re-judged for scope: the gate already required it in scope.
    const relevant = issues.filter(
      (i) => has('business_unit_id') || i.message !== 'Business unit is outside your scope.',
    )
    if (relevant.length > 0) fail.validation(relevant)

    const columns: Record<string, unknown> = {}
    for (const k of keys) columns[k] = k === 'group_wide' ? (next[k] ? 1 : 0) : next[k]
    const groupWide = next.group_wide ? 1 : 0
    await ctx.db
      .updateTable('control')
      .set({
        ...columns,
        scope_keys: controlScopeKeys({
          business_unit_id: next.business_unit_id as string,
          owner_id: next.owner_id as string,
          group_wide: groupWide,
        }),
        version: control.version + 1,
        updated_at: ctx.now,
        updated_by: ctx.actor.id,
      })
      .where('id', '=', control.id)
      .execute()
    ctx.audit.record({
      entityType: 'control',
      entityId: control.id,
      entityRef: control.ref,
      changes: keys.map((f) => ({ field: f, before: stored[f] ?? null, after: next[f] ?? null })),
    })
    return { id: control.id, version: control.version + 1, changed: keys }
  },
})
