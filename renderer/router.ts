import { useSyncExternalStore } from 'react'

/** Every screen of the hash router (`#/report`, `#/incidents/<id>` …); no router library. */
export type Route =
  | { name: 'home' }
  | { name: 'report' }
  | { name: 'my-incidents' }
  | { name: 'approvals' }
  | { name: 'team' }
  | { name: 'validation' }
  | { name: 'overdue-draft' }
  | { name: 'overdue-review' }
  | { name: 'overdue-validation' }
  | { name: 'register' }
  | { name: 'audit' }
  | { name: 'admin-users' }
  | { name: 'admin-units' }
  | { name: 'inbox' }
  | { name: 'incident'; id: string }
  | { name: 'my-measures' }
  | { name: 'team-measures' }
  | { name: 'measure-review' }
  | { name: 'measure-overdue' }
  | { name: 'measures' }
  | { name: 'settings-measures' }
  | { name: 'settings-incidents' }
  | { name: 'fx-rates' }
  | { name: 'analytics' }
  | { name: 'demo' }
  | { name: 'measure'; id: string }
  | { name: 'risks' }
  | { name: 'risk-new' }
  | { name: 'risk-heatmap' }
  | { name: 'acceptances' }
  | { name: 'controls' }
  | { name: 'control-matrix' }
  | { name: 'control-coverage' }
  | { name: 'control-starter' }
  | { name: 'kri-dashboard' }
  | { name: 'kris' }
  | { name: 'kri-breaches' }
  | { name: 'settings-risk-matrix' }
  | { name: 'settings-risks' }
  | { name: 'settings-frameworks' }
  | { name: 'risk'; id: string }
  | { name: 'control'; id: string }
  | { name: 'kri'; id: string }
  | { name: 'not-found'; path: string }

export type ScreenName = Exclude<
  Route['name'],
  'home' | 'not-found' | 'incident' | 'measure' | 'risk' | 'control' | 'kri'
>

export const SCREEN_PATHS: Record<ScreenName, string> = {
  report: '/report',
  'my-incidents': '/my-incidents',
  approvals: '/approvals',
  team: '/team',
  validation: '/validation',
  'overdue-draft': '/overdue/draft',
  'overdue-review': '/overdue/review',
  'overdue-validation': '/overdue/validation',
  register: '/register',
  audit: '/audit',
  'admin-users': '/admin/users',
  'admin-units': '/admin/units',
  inbox: '/inbox',
  'my-measures': '/measures/mine',
  'team-measures': '/measures/team',
  'measure-review': '/measures/review',
  'measure-overdue': '/measures/overdue',
  measures: '/measures',
  'settings-measures': '/settings/measures',
  'settings-incidents': '/settings/incidents',
  'fx-rates': '/reports/fx-rates',
  analytics: '/analytics',
  demo: '/admin/demo',
  risks: '/risks',
  'risk-new': '/risks/new',
  'risk-heatmap': '/risks/heat-map',
  acceptances: '/risks/acceptances',
  controls: '/controls',
  'control-matrix': '/controls/matrix',
  'control-coverage': '/controls/coverage',
  'control-starter': '/controls/starter',
  'kri-dashboard': '/kris/dashboard',
  kris: '/kris',
  'kri-breaches': '/kris/breaches',
  'settings-risk-matrix': '/settings/risk-matrix',
  'settings-risks': '/settings/risks',
  'settings-frameworks': '/settings/frameworks',
}

const byPath = new Map(Object.entries(SCREEN_PATHS).map(([name, path]) => [path, name as ScreenName]))

/**
 * The query part of a hash (`#/risks?status=ACTIVE` → `status=ACTIVE`): list screens carry their filters there,
 * so a link (the heat map's cell click) can open a filtered list. The route itself ignores it.
 */
export function hashQuery(hash: string): URLSearchParams {
  const at = hash.indexOf('?')
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1))
}

export function parseHash(hash: string): Route {
  const path = (hash.replace(/^#/, '').split('?')[0] ?? '').replace(/\/+$/, '')
  if (path === '') return { name: 'home' }
  const screen = byPath.get(path)
  // A union this wide is past TypeScript's discriminant check; every ScreenName is a Route without fields.
  if (screen) return { name: screen } as Route
  const incident = /^\/incidents\/([0-9a-f-]{36})$/.exec(path)
  if (incident?.[1]) return { name: 'incident', id: incident[1] }
  const measure = /^\/measures\/([0-9a-f-]{36})$/.exec(path)
  if (measure?.[1]) return { name: 'measure', id: measure[1] }
  for (const [name, prefix] of [
    ['risk', 'risks'],
    ['control', 'controls'],
    ['kri', 'kris'],
  ] as const) {
    // An optional section after the id (`/risks/<id>/acceptance`, a notification's action_route) opens that tab.
    const m = new RegExp(`^/${prefix}/([0-9a-f-]{36})(?:/[a-z-]+)?$`).exec(path)
    if (m?.[1]) return { name, id: m[1] }
  }
  return { name: 'not-found', path }
}

export const href = (path: string) => `#${path}`
export const incidentPath = (id: string) => `/incidents/${id}`
export const riskPath = (id: string) => `/risks/${id}`
export const controlPath = (id: string) => `/controls/${id}`
export const kriPath = (id: string) => `/kris/${id}`

/** `replace` for redirects (home, sign-out), so Back does not return to a screen that bounces again. */
export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (window.location.hash === href(path)) return
  if (opts.replace) {
    window.history.replaceState(window.history.state, '', href(path))
    // replaceState fires no hashchange: tell the subscribers ourselves.
    window.dispatchEvent(new HashChangeEvent('hashchange'))
  } else window.location.hash = path
}

const subscribe = (notify: () => void) => {
  window.addEventListener('hashchange', notify)
  return () => window.removeEventListener('hashchange', notify)
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash)
}

export function useRoute(): Route {
  return parseHash(useHash())
}
