import { getRisk } from './risk.get'
import { linkIncidentToRisk, unlinkIncidentFromRisk } from './risk.links'
import { listRisks } from './risk.list'
import { addRiskComment, listRiskNotes } from './risk.notes'

/** This module's catalogue entries, in the order the catalogue lists them. */
export const riskReadEntries = [
  addRiskComment,
  linkIncidentToRisk,
  unlinkIncidentFromRisk,
  listRisks,
  getRisk,
  listRiskNotes,
] as const
