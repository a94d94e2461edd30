import type { Role } from '#shared/core/primitives'
import { SCREEN_PATHS, type Route, type ScreenName } from '#renderer/router'
import type { HomeScreen } from '#renderer/types'

// incidents §6.1: everyone who may run incident.create; auditors and admins read only.
export const REPORTER_ROLES: readonly Role[] = [
  'employee',
  'manager',
  'risk_officer',
  'infosec',
  'fraud_investigator',
  'group_orm',
]

type ScreenDef = { name: ScreenName; label: string; roles: readonly Role[] | 'all' }

/** Navigation in display order; a user holding several roles sees the union. */
const SCREENS: readonly ScreenDef[] = [
  { name: 'report', label: 'Report an incident', roles: REPORTER_ROLES },
  { name: 'my-incidents', label: 'My incidents', roles: REPORTER_ROLES },
  { name: 'approvals', label: 'Approvals', roles: ['manager'] },
  { name: 'team', label: 'Team incidents', roles: ['manager'] },
  { name: 'validation', label: 'Validation queue', roles: ['risk_officer'] },
  { name: 'overdue-draft', label: 'Overdue – Draft', roles: ['manager', 'risk_officer'] },
  { name: 'overdue-review', label: 'Overdue – Review', roles: ['manager', 'risk_officer'] },
  { name: 'overdue-validation', label: 'Overdue – Validation', roles: ['manager', 'risk_officer'] },
  { name: 'register', label: 'Incident register', roles: ['risk_officer', 'auditor'] },
  // measures §14: everyone who can be responsible has "My measures"; auditors and admins cannot be.
  { name: 'my-measures', label: 'My measures', roles: REPORTER_ROLES },
  { name: 'team-measures', label: 'Team measures', roles: ['manager'] },
  { name: 'measure-review', label: 'Measure review queue', roles: ['risk_officer'] },
  { name: 'measure-overdue', label: 'Overdue measures', roles: ['manager', 'risk_officer'] },
  { name: 'measures', label: 'Measures register', roles: ['risk_officer', 'auditor', 'manager'] },
  { name: 'analytics', label: 'Incident analytics', roles: ['manager', 'risk_officer', 'auditor'] },
  // risks §4, §15: employees see their unit's risks read-only; admins and specialists see none.
  { name: 'risks', label: 'Risk register', roles: ['employee', 'manager', 'risk_officer', 'auditor'] },
  { name: 'risk-new', label: 'New risk', roles: ['manager', 'risk_officer'] },
  { name: 'risk-heatmap', label: 'Heat map', roles: ['manager', 'risk_officer', 'auditor'] },
  { name: 'acceptances', label: 'Risk acceptances', roles: ['manager', 'risk_officer'] },
  { name: 'controls', label: 'Controls library', roles: ['employee', 'manager', 'risk_officer', 'auditor'] },
  { name: 'control-starter', label: 'Starter library', roles: ['risk_officer'] },
  { name: 'control-matrix', label: 'Risk–control matrix', roles: ['manager', 'risk_officer', 'auditor'] },
  { name: 'control-coverage', label: 'Control coverage', roles: ['manager', 'risk_officer', 'auditor'] },
  { name: 'kri-dashboard', label: 'KRI dashboard', roles: ['manager', 'risk_officer', 'auditor'] },
  { name: 'kris', label: 'KRI register', roles: ['employee', 'manager', 'risk_officer', 'auditor'] },
  { name: 'kri-breaches', label: 'KRI breaches', roles: ['manager', 'risk_officer', 'auditor'] },
  { name: 'fx-rates', label: 'Exchange rates', roles: ['risk_officer', 'admin', 'auditor'] },
  { name: 'audit', label: 'Audit trail', roles: ['auditor', 'admin'] },
  { name: 'admin-users', label: 'Users', roles: ['admin'] },
  { name: 'admin-units', label: 'Business units', roles: ['admin'] },
  { name: 'settings-incidents', label: 'Incident workflow settings', roles: ['admin'] },
  { name: 'settings-measures', label: 'Measure edit rights', roles: ['admin'] },
  { name: 'settings-risk-matrix', label: 'Risk matrix', roles: ['admin'] },
  { name: 'settings-risks', label: 'Risk workflow settings', roles: ['admin'] },
  { name: 'settings-frameworks', label: 'Frameworks', roles: ['admin'] },
  { name: 'demo', label: 'Demo data', roles: ['admin'] },
  { name: 'inbox', label: 'Inbox', roles: 'all' },
]

const holds = (roles: readonly Role[], def: ScreenDef) =>
  def.roles === 'all' || def.roles.some((r) => roles.includes(r))

export type NavItem = { name: ScreenName; label: string; path: string }

export function navFor(roles: readonly Role[]): NavItem[] {
  const visible = SCREENS.filter((s) => holds(roles, s))
  // The register already lists every incident a manager's team incidents would show: one entry is enough.
  const hasRegister = visible.some((s) => s.name === 'register')
  return visible
    .filter((s) => !(hasRegister && s.name === 'team'))
    .map((s) => ({ name: s.name, label: s.label, path: SCREEN_PATHS[s.name] }))
}

/** Screens are a convenience; the dispatcher still checks every call. */
export function canOpen(route: Route, roles: readonly Role[]): boolean {
  if (route.name === 'incident' || route.name === 'home' || route.name === 'not-found') return true
  if (route.name === 'measure' || route.name === 'risk' || route.name === 'control' || route.name === 'kri') return true
  const def = SCREENS.find((s) => s.name === route.name)
  return def ? holds(roles, def) : false
}

const HOME_SCREENS: Record<HomeScreen, ScreenName> = {
  report: 'report',
  approvals: 'approvals',
  validation: 'validation',
  audit: 'audit',
  admin: 'admin-users',
  inbox: 'inbox',
}

export const homePath = (home: HomeScreen | null) => SCREEN_PATHS[home ? HOME_SCREENS[home] : 'inbox']
