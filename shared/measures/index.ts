// What other modules use from Measures: the visibility predicate and the incident detail's linked measures.
export { measureVisible } from './measure.visibility'
export { linkedMeasuresForIncident } from './measure.links-view'
// The KRI breach escalation (kris.md §7) writes its measure through this, without the creator-role gate.
export { insertMeasure, type NewMeasure, type NewMeasureLinks } from './measure.create'
