import type { Actor } from '../catalogue/context'
import type { Db } from '../db/schema'
import { riskVisible } from './risk.visibility'

// The risks linked to an incident (incidents.md §14.2 `linked_risks`).

/** The risks linked to an incident that the caller can see, by ref (the incident detail's "Risks" panel). */
export async function linkedRisksForIncident(db: Db, actor: Actor, incidentId: string) {
  return db
    .selectFrom('risk')
    .select(['risk.id', 'risk.ref', 'risk.title', 'risk.status'])
    .where('risk.id', 'in', (eb) =>
      eb
        .selectFrom('incident_risk')
        .select('incident_risk.risk_id')
        .where('incident_risk.incident_id', '=', incidentId),
    )
    .where(riskVisible(actor))
    .orderBy('risk.ref')
    .execute()
}
