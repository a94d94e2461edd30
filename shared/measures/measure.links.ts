import { defineCommand } from '../catalogue/define'
import type { CommandCtx } from '../catalogue/context'
import { fail } from '../core/errors'
import { LinkIncidentInput } from './measure.schema'
import { loadIncident, loadMeasure, refuseReadOnly, rowChanges } from './measure.store'
import { mayLink, mayUnlink } from './measure.workflow'

// measures.md §7: link rows are records of their own. A link change never touches the measure's version;
// its audit entry is keyed `incident_measure` / `<incident id>:<measure id>`.

async function linkRow(ctx: CommandCtx, incidentId: string, measureId: string) {
  return ctx.db
    .selectFrom('incident_measure')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('measure_id', '=', measureId)
    .executeTakeFirst()
}

export const linkIncident = defineCommand({
  name: 'measure.linkIncident',
  summary: 'Link a measure to an incident (any incident state, CLOSED included).',
  input: LinkIncidentInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['incident_measure'],
  async handler(ctx, input) {
    const { measure, facts, caller } = await loadMeasure(ctx, input.id)
    const incident = await loadIncident(ctx, input.incident_id)
    refuseReadOnly(ctx.actor)
    if (!mayLink(caller, facts)) fail.forbidden('You do not have permission to link this measure.')
    if (measure.status === 'CANCELLED') fail.workflow('Cannot link a cancelled measure.')
    if (await linkRow(ctx, incident.id, measure.id))
      fail.field('incident_id', `Measure ${measure.ref} is already linked to Incident ${incident.ref}.`)
    const link = {
      incident_id: incident.id,
      measure_id: measure.id,
      tenant_id: ctx.meta.tenantId,
      created_by_user_id: ctx.actor.id,
      created_at: ctx.now,
    }
    await ctx.db.insertInto('incident_measure').values(link).execute()
    ctx.audit.record({
      entityType: 'incident_measure',
      entityId: `${incident.id}:${measure.id}`,
      entityRef: measure.ref,
      changes: rowChanges(link),
    })
    return { measure_id: measure.id, incident_id: incident.id }
  },
})

export const unlinkIncident = defineCommand({
  name: 'measure.unlinkIncident',
  summary: 'Remove the link between a measure and an incident (risk officers only).',
  input: LinkIncidentInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['incident_measure'],
  async handler(ctx, input) {
    const { measure, caller } = await loadMeasure(ctx, input.id)
    const incident = await loadIncident(ctx, input.incident_id)
    refuseReadOnly(ctx.actor)
    if (!mayUnlink(caller)) fail.forbidden('Only Risk Officers can unlink measures.')
    const link = await linkRow(ctx, incident.id, measure.id)
    if (!link) return fail.field('incident_id', `Measure ${measure.ref} is not linked to Incident ${incident.ref}.`)
    await ctx.db
      .deleteFrom('incident_measure')
      .where('incident_id', '=', incident.id)
      .where('measure_id', '=', measure.id)
      .execute()
    ctx.audit.record({
      entityType: 'incident_measure',
      entityId: `${incident.id}:${measure.id}`,
      entityRef: measure.ref,
      changes: rowChanges(link, true),
    })
    return { measure_id: measure.id, incident_id: incident.id }
  },
})
