// The settings screens through one .ts door ('#renderer/*' maps to .ts files only).
export { FxRates } from './FxRates'
export { IncidentSettings } from './IncidentSettings'
