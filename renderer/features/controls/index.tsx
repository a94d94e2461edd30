// The controls screens (controls.md §11); the routes import them from here.
export { ControlsLibrary } from './ControlsLibrary'
export { ControlDetail } from './ControlDetail'
export { StarterLibrary } from './StarterLibrary'
export { RiskControlMatrix } from './RiskControlMatrix'
export { ControlCoverage } from './ControlCoverage'
