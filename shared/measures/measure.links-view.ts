import type { Actor } from '../catalogue/context'
import type { Db } from '../db/schema'
import { incidentVisible } from '../incidents/incident.visibility'
import { measureVisible } from './measure.visibility'
import { firstLine, isOverdue } from './measure.workflow'

export type LinkedIncident = { id: string; ref: string; title: string; status: string }

/**
 * The incidents linked to each of the given measures that the caller can see (§7 "only the linked incidents
 * the caller can see"); deleted incidents are left out.
 */
export async function visibleLinkedIncidents(
  db: Db,
  actor: Actor,
  measureIds: readonly string[],
): Promise<Map<string, LinkedIncident[]>> {
  const out = new Map<string, LinkedIncident[]>(measureIds.map((id) => [id, []]))
  if (measureIds.length === 0) return out
  const links = await db
    .selectFrom('incident_measure')
    .select(['incident_id', 'measure_id'])
    .where('measure_id', 'in', [...measureIds])
    .execute()
  if (links.length === 0) return out
  const incidents = await db
    .selectFrom('incident')
    .select(['incident.id', 'incident.ref', 'incident.title', 'incident.status'])
    .where('incident.id', 'in', [...new Set(links.map((l) => l.incident_id))])
    .where('incident.deleted_at', 'is', null)
    .where(incidentVisible(actor))
    .orderBy('incident.ref')
    .execute()
  for (const incident of incidents)
    for (const l of links) if (l.incident_id === incident.id) out.get(l.measure_id)?.push(incident)
  return out
}

/**
 * For the incident detail's "Measures" panel: the measures linked to the incident that the caller can see,
 * oldest first, with the list form of the description (first line, 120 characters).
 */
export async function linkedMeasuresForIncident(db: Db, actor: Actor, incidentId: string, today: string) {
  const rows = await db
    .selectFrom('measure')
    .select(['measure.id', 'measure.ref', 'measure.description', 'measure.status', 'measure.deadline'])
    .where('measure.id', 'in', (eb) =>
      eb.selectFrom('incident_measure').select('incident_measure.measure_id').where('incident_id', '=', incidentId),
    )
    .where(measureVisible(actor))
    .orderBy('measure.created_at')
    .orderBy('measure.id')
    .execute()
  return rows.map((m) => ({
    id: m.id,
    ref: m.ref,
    description: firstLine(m.description),
    status: m.status,
    deadline: m.deadline,
    is_overdue: isOverdue(m.status, m.deadline, today),
  }))
}
