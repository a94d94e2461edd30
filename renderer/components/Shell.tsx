import { useEffect, useRef, useState, type ReactNode } from 'react'
import { href, useHash, useRoute } from '#renderer/router'
import { navFor } from '#renderer/routes'
import { roleNames } from '#renderer/lib/format'
import { useFlash } from '#renderer/stores/flash'
import { useSession } from '#renderer/stores/session'
import { Bell } from './Bell'

/** Header (organisation, user, bell, sign out), left navigation by role, and the screen. */
export function Shell({ children }: { children: ReactNode }) {
  const user = useSession((s) => s.user)
  const organisation = useSession((s) => s.organisation)
  const signOut = useSession((s) => s.signOut)
  const route = useRoute()
  const main = useRef<HTMLElement>(null)
  const [signingOut, setSigningOut] = useState(false)
  if (!user) return null

  const current = route.name === 'home' || route.name === 'not-found' || route.name === 'incident' ? null : route.name
  const onSignOut = () => {
    setSigningOut(true)
    signOut().catch(() => setSigningOut(false))
  }

  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        Skip to content
      </button>
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">RiskDesk</span>
          {organisation && <span className="brand-org">{organisation}</span>}
        </div>
        <div className="topbar-user">
          <Bell />
          <div className="who">
            <span className="who-name">{user.full_name}</span>
            <span className="who-roles">{roleNames(user.roles)}</span>
          </div>
          <button type="button" className="button-secondary" onClick={onSignOut} disabled={signingOut}>
            Sign out
          </button>
        </div>
      </header>
      <div className="workspace">
        <nav className="sidenav" aria-label="Main">
          <ul>
            {navFor(user.roles).map((item) => (
              <li key={item.name}>
                <a href={href(item.path)} aria-current={item.name === current ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main ref={main} tabIndex={-1} className="content">
          <Flash />
          {children}
        </main>
      </div>
    </div>
  )
}

/** Shown on the screen a command led to, and cleared when the user moves on. */
function Flash() {
  const message = useFlash((s) => s.message)
  const path = useFlash((s) => s.path)
  const clear = useFlash((s) => s.clear)
  const here = useHash() === href(path ?? '')
  useEffect(() => {
    if (message && !here) clear()
  }, [message, here, clear])
  if (!message || !here) return null
  return (
    <div className="banner banner-success" role="status">
      <p>{message}</p>
    </div>
  )
}
