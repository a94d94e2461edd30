import { defineCommand } from '../catalogue/define'
import { fail } from '../core/errors'
import { VersionedInput } from './measure.schema'
import { deactivateNotifications, expectVersion, loadMeasure, refuseReadOnly, rowChanges } from './measure.store'
import { mayDelete } from './measure.workflow'

/**
 * measures.md §7: hard delete of an OPEN measure with its link rows; the audit entry keeps the full
 * before-image, each link row and retired notification gets its own entry. The ref is never reused.
 */
export const deleteMeasure = defineCommand({
  name: 'measure.delete',
  summary: 'Delete an open measure and its links.',
  input: VersionedInput,
  sync: 'push',
  concurrency: 'version',
  touches: ['measure', 'incident_measure', 'risk_measure'],
  async handler(ctx, input) {
    const { measure, facts, caller } = await loadMeasure(ctx, input.id)
    refuseReadOnly(ctx.actor)
    if (!mayDelete(caller, facts)) fail.forbidden('You do not have permission to delete this measure.')
    ctx.touch('measure', measure.id, measure.version)
    if (measure.status !== 'OPEN')
      fail.workflow('Only OPEN measures can be deleted.', {
        transition: { action: 'measure.delete', from: measure.status, to: null },
      })
    expectVersion(measure, input.expected_version)

    const links = await ctx.db
      .selectFrom('incident_measure')
      .selectAll()
      .where('measure_id', '=', measure.id)
      .orderBy('incident_id')
      .execute()
    const riskLinks = await ctx.db
      .selectFrom('risk_measure')
      .selectAll()
      .where('measure_id', '=', measure.id)
      .orderBy('risk_id')
      .execute()
    await ctx.db.deleteFrom('incident_measure').where('measure_id', '=', measure.id).execute()
    await ctx.db.deleteFrom('risk_measure').where('measure_id', '=', measure.id).execute()
    await ctx.db.deleteFrom('measure').where('id', '=', measure.id).execute()
    ctx.audit.record({
      entityType: 'measure',
      entityId: measure.id,
      entityRef: measure.ref,
      changes: rowChanges(measure, true),
    })
    for (const link of links)
      ctx.audit.record({
        entityType: 'incident_measure',
        entityId: `${link.incident_id}:${link.measure_id}`,
        entityRef: measure.ref,
        changes: rowChanges(link, true),
      })
    for (const link of riskLinks)
      ctx.audit.record({
        entityType: 'risk_measure',
        entityId: `${link.risk_id}:${link.measure_id}`,
        entityRef: measure.ref,
        changes: rowChanges(link, true),
      })
    await deactivateNotifications(ctx, measure.id)
    return { id: measure.id, ref: measure.ref, deleted: true }
  },
})
