import type { Db } from '../db/schema'
import { RISK_FIELDS, type RiskStatus } from './risk.constants'
import { approvalChecklist, type ChecklistLine, type PreconditionFacts, type PreconditionRisk } from './risk.rules'
import { activeControlsOf } from './risk.snapshot'
import { baselAllowedFor } from './risk.store'

/** The risk_required_field rows of a target status, in the order of the risk fields (§2.1). */
export async function requiredFieldsFor(db: Db, target: string): Promise<string[]> {
  const rows = await db.selectFrom('risk_required_field').select('field').where('target_status', '=', target).execute()
  const order = (f: string) => (RISK_FIELDS as readonly string[]).indexOf(f)
  return rows.map((r) => r.field).sort((a, b) => order(a) - order(b))
}

/** What P2, P6 and R need beyond the risk row (§5.1), read from the database. */
export async function loadPreconditionFacts(
  db: Db,
  risk: PreconditionRisk & { id: string; risk_category_id: string },
  target: RiskStatus,
): Promise<PreconditionFacts> {
  return {
    baselAllowed:
      risk.basel_event_type_id === null
        ? true
        : await baselAllowedFor(db, risk.risk_category_id, risk.basel_event_type_id),
    activeControlCount: (await activeControlsOf(db, risk.id)).length,
    requiredFields: await requiredFieldsFor(db, target),
  }
}

/** §5.2 approval checklist of a stored risk, for risk.get (risk officers) and the approve dialog. */
export async function loadApprovalChecklist(
  db: Db,
  risk: PreconditionRisk & { id: string; risk_category_id: string },
): Promise<ChecklistLine[]> {
  return approvalChecklist(risk, await loadPreconditionFacts(db, risk, 'ACTIVE'))
}
