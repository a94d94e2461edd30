// What other modules use from Measures: the visibility predicate and the incident detail's linked measures.
export { measureVisible } from './measure.visibility'
export { linkedMeasuresForIncident } from './measure.links-view'
