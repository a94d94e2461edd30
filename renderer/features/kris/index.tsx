// The KRI screens (kris.md §12); the routes import them from here.
export { KriBreaches } from './KriBreaches'
export { KriDashboard, KriDashboardTile } from './KriDashboard'
export { KriDetail } from './KriDetail'
export { KriRegister } from './KriRegister'
