import { defineCommand } from '../catalogue/define'
import type { CommandCtx } from '../catalogue/context'
import { fail } from '../core/errors'
import { incidentVisible } from '../incidents/incident.visibility'
import { MSG } from './risk.constants'
import { RiskIncidentLinkInput } from './risk.read-schema'
import { loadRisk, refuseReadOnly, requireWriter, rowChanges } from './risk.store'

// risks.md §8: incident links. `incident_risk` belongs to this module; a link changes neither the risk's nor
// the incident's version (§1 "Versions"), and its audit entry is keyed `incident_risk` /
// `<incident id>:<risk id>`. Check order: the risk, then the incident (NOT_FOUND); read-only role, then the
// command's gate (FORBIDDEN); then the rules left to right (WORKFLOW).

/** A visible, not deleted incident, else NOT_FOUND "Incident not found.". */
async function loadLinkableIncident(ctx: CommandCtx, incidentId: string) {
  const row = await ctx.db
    .selectFrom('incident')
    .select(['incident.id', 'incident.ref'])
    .where('incident.tenant_id', '=', ctx.meta.tenantId)
    .where('incident.id', '=', incidentId)
    .where('incident.deleted_at', 'is', null)
    .where(incidentVisible(ctx.actor))
    .executeTakeFirst()
  return row ?? fail.notFound('Incident')
}

async function linkRow(ctx: CommandCtx, incidentId: string, riskId: string) {
  return ctx.db
    .selectFrom('incident_risk')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('risk_id', '=', riskId)
    .executeTakeFirst()
}

export const linkIncidentToRisk = defineCommand({
  name: 'risk.linkIncident',
  summary: 'Link an incident (any state, CLOSED included) to a risk.',
  input: RiskIncidentLinkInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['incident_risk'],
  async handler(ctx, input) {
    const risk = await loadRisk(ctx, input.risk_id)
    const incident = await loadLinkableIncident(ctx, input.incident_id)
    requireWriter(ctx.actor, MSG.linkGate)
    if (risk.status === 'RETIRED') fail.workflow(MSG.linkRetired)
    if (await linkRow(ctx, incident.id, risk.id)) fail.workflow('Incident already linked.')
    const link = {
      incident_id: incident.id,
      risk_id: risk.id,
      tenant_id: ctx.meta.tenantId,
      created_by_user_id: ctx.actor.id,
      created_at: ctx.now,
    }
    await ctx.db.insertInto('incident_risk').values(link).execute()
    ctx.audit.record({
      entityType: 'incident_risk',
      entityId: `${incident.id}:${risk.id}`,
      entityRef: risk.ref,
      changes: rowChanges(link),
    })
    return { risk_id: risk.id, incident_id: incident.id }
  },
})

export const unlinkIncidentFromRisk = defineCommand({
  name: 'risk.unlinkIncident',
  summary: 'Remove the link between an incident and a risk (risk officers only).',
  input: RiskIncidentLinkInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['incident_risk'],
  async handler(ctx, input) {
    const risk = await loadRisk(ctx, input.risk_id)
    const incident = await loadLinkableIncident(ctx, input.incident_id)
    refuseReadOnly(ctx.actor)
    if (!ctx.actor.roles.includes('risk_officer')) fail.forbidden('Only Risk Officers can unlink incidents from risks.')
    if (risk.status === 'RETIRED') fail.workflow(MSG.retired)
    const link = await linkRow(ctx, incident.id, risk.id)
    if (!link) return fail.workflow('Incident is not linked.')
    await ctx.db
      .deleteFrom('incident_risk')
      .where('incident_id', '=', incident.id)
      .where('risk_id', '=', risk.id)
      .execute()
    ctx.audit.record({
      entityType: 'incident_risk',
      entityId: `${incident.id}:${risk.id}`,
      entityRef: risk.ref,
      changes: rowChanges(link, true),
    })
    return { risk_id: risk.id, incident_id: incident.id }
  },
})
