/** This module's catalogue names as plain data (for the preload's allow-list); kept equal by names.test.ts. */
export const INCIDENT_CONFIG_NAMES: readonly string[] = [
  'incidentConfig.allowTransition',
  'incidentConfig.disallowTransition',
  'incidentConfig.setRequiredFields',
  'incidentConfig.setEditableFields',
  'incidentConfig.setSla',
  'incidentConfig.saveRoutingRule',
  'incidentConfig.setRoutingRuleActive',
  'incidentConfig.saveSimplifiedType',
  'incidentConfig.setBaselMap',
  'incidentConfig.get',
  'incidentConfig.testRouting',
]
