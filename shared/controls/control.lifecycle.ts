import { z } from 'zod'
import { defineCommand } from '../catalogue/define'
import { fail } from '../core/errors'
import { Id, Version } from '../core/primitives'
import { DeactivateControlInput, VersionedControlInput } from './control.schema'
import {
  activeRiskCount,
  expectControlVersion,
  loadControl,
  refuseReadOnly,
  requireControlOfficer,
} from './control.store'

/**
 * controls.md §3.1 `control.deactivate` (a `version` command): visibility → gate as update → already inactive
 * → linked to ACTIVE risks (visible or not) → stale version. The reason travels in the audit entry.
 */
export const deactivateControl = defineCommand({
  name: 'control.deactivate',
  summary: 'Deactivate a control no ACTIVE risk relies on.',
  input: DeactivateControlInput,
  sync: 'push',
  concurrency: 'version',
  touches: ['control'],
  async handler(ctx, input) {
    const control = await loadControl(ctx, input.id)
    requireControlOfficer(ctx.actor, control)
    ctx.touch('control', control.id, input.expected_version)
    if (control.is_active !== 1) fail.workflow('Control is already inactive.')
    if ((await activeRiskCount(ctx.db, control.id)) > 0)
      fail.workflow('Cannot deactivate control linked to ACTIVE risks.')
    expectControlVersion(control, input.expected_version)
    await ctx.db
      .updateTable('control')
      .set({
        is_active: 0,
        deactivated_at: ctx.now,
        deactivated_by: ctx.actor.id,
        deactivation_reason: input.reason,
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
      changes: [
        { field: 'is_active', before: true, after: false },
        { field: 'deactivated_at', before: null, after: ctx.now },
        { field: 'deactivated_by', before: null, after: ctx.actor.id },
        { field: 'deactivation_reason', before: null, after: input.reason },
      ],
      reason: input.reason,
    })
    return { id: control.id, version: control.version + 1, is_active: false }
  },
})

/** controls.md §3.1 `control.reactivate`: clears the deactivation fields. */
export const reactivateControl = defineCommand({
  name: 'control.reactivate',
  summary: 'Reactivate an inactive control.',
  input: VersionedControlInput,
  sync: 'push',
  concurrency: 'version',
  touches: ['control'],
  async handler(ctx, input) {
    const control = await loadControl(ctx, input.id)
    requireControlOfficer(ctx.actor, control)
    ctx.touch('control', control.id, input.expected_version)
    if (control.is_active === 1) fail.workflow('Control is already active.')
    expectControlVersion(control, input.expected_version)
    await ctx.db
      .updateTable('control')
      .set({
        is_active: 1,
        deactivated_at: null,
        deactivated_by: null,
        deactivation_reason: null,
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
      changes: [
        { field: 'is_active', before: false, after: true },
        { field: 'deactivated_at', before: control.deactivated_at, after: null },
        { field: 'deactivated_by', before: control.deactivated_by, after: null },
        { field: 'deactivation_reason', before: control.deactivation_reason, after: null },
      ],
    })
    return { id: control.id, version: control.version + 1, is_active: true }
  },
})

/**
 * controls.md §3.1 `control.delete`: controls are never deleted. After the visibility check (and the read-only
 * role check of step 4) the command always answers FORBIDDEN and changes nothing.
 */
export const deleteControl = defineCommand({
  name: 'control.delete',
  summary: 'Always refused: controls are deactivated, never deleted.',
  input: z.strictObject({ id: Id, expected_version: Version.optional() }),
  sync: 'push',
  concurrency: 'version',
  touches: ['control'],
  async handler(ctx, input): Promise<never> {
    await loadControl(ctx, input.id)
    refuseReadOnly(ctx.actor)
    return fail.forbidden('Controls cannot be deleted. Please deactivate them instead.')
  },
})
