// The RCSA settings screens (admin): risk matrix versions, risk workflow configuration, frameworks.
export { FrameworkSettings } from './FrameworkSettings'
export { RiskMatrixSettings } from './RiskMatrixSettings'
export { RiskWorkflowSettings } from './RiskWorkflowSettings'
