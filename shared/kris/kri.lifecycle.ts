import { defineCommand } from '../catalogue/define'
import { fail } from '../core/errors'
import { DeactivateInput, VersionedInput } from './kri.schema'
import {
  deactivateKriNotifications,
  expectKriVersion,
  gateManage,
  hasAnyValue,
  loadKri,
  nameTaken,
  refreshComputed,
  refuseReadOnly,
  rowChanges,
  todayOf,
} from './kri.store'

const GATE = 'Only Risk Officers can edit KRIs.'

/** kris.md §5.1 `kri.deactivate`: no values and no overdue notices while inactive. */
export const deactivateKri = defineCommand({
  name: 'kri.deactivate',
  summary: 'Stop a KRI: no values can be recorded and no period becomes overdue while it is inactive.',
  input: DeactivateInput,
  sync: 'push',
  concurrency: 'version',
  touches: ['kri'],
  async handler(ctx, input) {
    const k = await loadKri(ctx, input.id)
    refuseReadOnly(ctx.actor)
    gateManage(ctx.actor, k, GATE)
    ctx.touch('kri', k.id, k.version)
    if (k.is_active !== 1) fail.workflow('KRI is already inactive.')
    expectKriVersion(k, input.expected_version)

    const set = {
      is_active: 0,
      deactivated_at: ctx.now,
      deactivated_by: ctx.actor.id,
      deactivation_reason: input.reason,
    }
    await ctx.db
      .updateTable('kri')
      .set({ ...set, version: k.version + 1, updated_at: ctx.now, updated_by: ctx.actor.id })
      .where('id', '=', k.id)
      .execute()
    ctx.audit.record({
      entityType: 'kri',
      entityId: k.id,
      entityRef: k.ref,
      changes: [
        { field: 'is_active', before: true, after: false },
        { field: 'deactivated_at', before: k.deactivated_at, after: ctx.now },
        { field: 'deactivated_by', before: k.deactivated_by, after: ctx.actor.id },
        { field: 'deactivation_reason', before: k.deactivation_reason, after: input.reason },
      ],
      reason: input.reason,
    })
    // An inactive KRI has no overdue periods (§6): its open reminders stop being current.
    await deactivateKriNotifications(ctx, k.id, 'KRI_OVERDUE')
    await refreshComputed(ctx, k.id)
    return { id: k.id, version: k.version + 1, is_active: false }
  },
})

/** kris.md §5.1 `kri.reactivate`: `activated_on` = today, so only later deadlines can make a period overdue. */
export const reactivateKri = defineCommand({
  name: 'kri.reactivate',
  summary: 'Resume an inactive KRI from today.',
  input: VersionedInput,
  sync: 'push',
  concurrency: 'version',
  touches: ['kri'],
  async handler(ctx, input) {
    const k = await loadKri(ctx, input.id)
    refuseReadOnly(ctx.actor)
    gateManage(ctx.actor, k, GATE)
    ctx.touch('kri', k.id, k.version)
    if (k.is_active === 1) fail.workflow('KRI is already active.')
    expectKriVersion(k, input.expected_version)
    // Names are unique among active KRIs: another active KRI may have taken this one's name meanwhile.
    if (await nameTaken(ctx.db, ctx.meta.tenantId, k.name, k.id))
      fail.field('name', 'A KRI with this name already exists.')

    const today = todayOf(ctx.now)
    await ctx.db
      .updateTable('kri')
      .set({
        is_active: 1,
        activated_on: today,
        deactivated_at: null,
        deactivated_by: null,
        deactivation_reason: null,
        version: k.version + 1,
        updated_at: ctx.now,
        updated_by: ctx.actor.id,
      })
      .where('id', '=', k.id)
      .execute()
    ctx.audit.record({
      entityType: 'kri',
      entityId: k.id,
      entityRef: k.ref,
      changes: [
        { field: 'is_active', before: false, after: true },
        { field: 'activated_on', before: k.activated_on, after: today },
        { field: 'deactivated_at', before: k.deactivated_at, after: null },
        { field: 'deactivated_by', before: k.deactivated_by, after: null },
        { field: 'deactivation_reason', before: k.deactivation_reason, after: null },
      ],
    })
    await refreshComputed(ctx, k.id)
    return { id: k.id, version: k.version + 1, is_active: true, activated_on: today }
  },
})

/** kris.md §5.1 `kri.delete`: only a KRI that never had a value; its risk links go with it. */
export const deleteKri = defineCommand({
  name: 'kri.delete',
  summary: 'Soft-delete a KRI that has no recorded values.',
  input: VersionedInput,
  sync: 'push',
  concurrency: 'version',
  touches: ['kri', 'kri_risk'],
  async handler(ctx, input) {
    const k = await loadKri(ctx, input.id)
    refuseReadOnly(ctx.actor)
    gateManage(ctx.actor, k, GATE)
    ctx.touch('kri', k.id, k.version)
    if (await hasAnyValue(ctx.db, k.id))
      fail.workflow('A KRI with recorded values cannot be deleted. Deactivate it instead.')
    expectKriVersion(k, input.expected_version)

    await ctx.db
      .updateTable('kri')
      .set({
        deleted_at: ctx.now,
        deleted_by: ctx.actor.id,
        overdue_period_start: null,
        version: k.version + 1,
        updated_at: ctx.now,
        updated_by: ctx.actor.id,
      })
      .where('id', '=', k.id)
      .execute()
    ctx.audit.record({
      entityType: 'kri',
      entityId: k.id,
      entityRef: k.ref,
      changes: [
        { field: 'deleted_at', before: null, after: ctx.now },
        { field: 'deleted_by', before: null, after: ctx.actor.id },
        ...(k.overdue_period_start
          ? [{ field: 'overdue_period_start', before: k.overdue_period_start, after: null }]
          : []),
      ],
    })
    const links = await ctx.db
      .selectFrom('kri_risk')
      .selectAll()
      .where('kri_id', '=', k.id)
      .orderBy('risk_id')
      .execute()
    if (links.length > 0) await ctx.db.deleteFrom('kri_risk').where('kri_id', '=', k.id).execute()
    for (const l of links)
      ctx.audit.record({
        entityType: 'kri_risk',
        entityId: `${l.kri_id}:${l.risk_id}`,
        entityRef: k.ref,
        changes: rowChanges(l, true),
      })
    await deactivateKriNotifications(ctx, k.id, 'KRI_OVERDUE')
    return { id: k.id, version: k.version + 1, deleted: true }
  },
})
