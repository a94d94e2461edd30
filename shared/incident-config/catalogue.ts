import { getIncidentConfig } from './config.queries'
import { setEditableFields, setRequiredFields } from './fields.commands'
import { saveRoutingRule, setRoutingRuleActive } from './routing.commands'
import { saveSimplifiedType, setBaselMap } from './simplified.commands'
import { setSla } from './sla.commands'
import { testRouting } from './test-routing.query'
import { allowTransition, disallowTransition } from './transitions.commands'

/** This module's catalogue entries, in the order the catalogue lists them. */
export const incidentConfigEntries = [
  allowTransition,
  disallowTransition,
  setRequiredFields,
  setEditableFields,
  setSla,
  saveRoutingRule,
  setRoutingRuleActive,
  saveSimplifiedType,
  setBaselMap,
  getIncidentConfig,
  testRouting,
] as const
