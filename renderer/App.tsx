import { useEffect } from 'react'
import { Page, Shell } from '#renderer/components/index'
import { navigate } from '#renderer/router'
import { useSession } from '#renderer/stores/session'
import { FirstRun } from './features/auth/FirstRun'
import { SignIn } from './features/auth/SignIn'
import { Screens } from './Screens'

/** Boot: session.status decides between first run, sign-in and the signed-in shell. */
export function App({ root }: { root: HTMLElement }) {
  const phase = useSession((s) => s.phase)
  const loadError = useSession((s) => s.loadError)
  const firstRun = useSession((s) => s.firstRun)
  const signedIn = useSession((s) => s.user !== null)
  const load = useSession((s) => s.load)

  useEffect(() => {
    void load()
  }, [load])

  // STYLE §6: tests wait for this instead of sleeping.
  useEffect(() => {
    root.setAttribute('data-app-state', phase === 'ready' ? 'loaded' : phase)
  }, [root, phase])

  // Each sign-in starts on the user's home screen, never on what the previous user had open.
  useEffect(() => {
    if (phase === 'ready' && !signedIn) navigate('', { replace: true })
  }, [phase, signedIn])

  if (phase === 'loading')
    return (
      <main className="boot" role="status">
        Loading RiskDesk…
      </main>
    )
  if (phase === 'error')
    return (
      <main className="auth">
        <div className="auth-card">
          <Page title="RiskDesk could not start">
            <div className="banner banner-error" role="alert">
              <p>{loadError}</p>
            </div>
            <button type="button" className="button-primary" onClick={() => void load()}>
              Try again
            </button>
          </Page>
        </div>
      </main>
    )
  if (firstRun) return <FirstRun />
  if (!signedIn) return <SignIn />
  return (
    <Shell>
      <Screens />
    </Shell>
  )
}
