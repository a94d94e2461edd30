// The risk screens of risks.md §15; the names are the ones Screens.tsx routes to.
export { AcceptanceInbox } from './AcceptanceInbox'
export { NewRisk } from './NewRisk'
export { RiskDetail } from './RiskDetail'
export { RiskHeatMap } from './RiskHeatMap'
export { RiskRegister } from './RiskRegister'
