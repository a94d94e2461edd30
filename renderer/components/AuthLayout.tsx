import type { ReactNode } from 'react'
import { Page } from './Page'

/** The centred card for first run and sign-in, before any navigation exists. */
export function AuthLayout({
  title,
  organisation,
  children,
}: {
  title: string
  organisation?: string | null
  children: ReactNode
}) {
  return (
    <main className="auth">
      <div className="auth-card">
        <p className="auth-brand">
          RiskDesk{organisation ? <span className="auth-org"> · {organisation}</span> : null}
        </p>
        <Page title={title}>{children}</Page>
      </div>
    </main>
  )
}
