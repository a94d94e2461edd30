import { useState, type FormEvent } from 'react'
import type { OutputOf } from '#shared/catalogue/types'
import { GenerateDemoIncidentsInput } from '#shared/demo/demo.schema'
import { api, toApiError } from '#renderer/api'
import { ErrorBanner, FieldError, Page } from '#renderer/components/index'
import { splitError, type FieldErrors } from '#renderer/lib/form-errors'
import { useSession } from '#renderer/stores/session'

type Field = 'count' | 'rng_state'
type Result = OutputOf<'demo.generateIncidents'>
const FIELDS: readonly Field[] = ['count', 'rng_state']

/** incidents §15 "Demo data" (admin, demo database): runs demo.generateIncidents (§12). */
export function DemoData() {
  const demoMode = useSession((s) => s.demoMode)
  const [count, setCount] = useState('5000')
  const [rngState, setRngState] = useState('1')
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<FieldErrors<Field>>({})
  const [banner, setBanner] = useState<ReturnType<typeof splitError<Field>>['banner']>(null)
  const [result, setResult] = useState<Result | null>(null)

  const requested = Number(count)
  const label = `Generate ${Number.isInteger(requested) && requested > 0 ? requested.toLocaleString('en-US') : ''} demo incidents`

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setResult(null)
    setBanner(null)
    const input = {
      count: count.trim() === '' ? NaN : Number(count),
      rng_state: rngState.trim() === '' ? NaN : Number(rngState),
    }
    // The command's own schema gives early feedback with the same messages the dispatcher would.
    const early = GenerateDemoIncidentsInput.safeParse(input)
    if (!early.success) {
      const found: FieldErrors<Field> = {}
      for (const issue of early.error.issues) {
        const f = issue.path[0]
        if ((f === 'count' || f === 'rng_state') && !found[f]) found[f] = issue.message
      }
      setErrors(found)
      return
    }
    setErrors({})
    setBusy(true)
    try {
      setResult(await api.call('demo.generateIncidents', input))
    } catch (err) {
      const split = splitError(toApiError(err), FIELDS)
      setErrors(split.fieldErrors)
      setBanner(split.banner)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page title="Demo data">
      {!demoMode && (
        <div className="banner banner-info" role="note">
          <p>This is not a demo database: the generator only runs in a database created with the demo data.</p>
        </div>
      )}
      <p className="lead">
        Adds generated incidents to the demo organisation. The same random state always produces the same incidents.
      </p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="demo-count">Number of incidents</label>
          <input
            id="demo-count"
            inputMode="numeric"
            value={count}
            onChange={(e) => setCount(e.target.value)}
            aria-invalid={!!errors.count}
            aria-describedby={errors.count ? 'demo-count-error' : 'demo-count-hint'}
          />
          <p id="demo-count-hint" className="hint">
            1 to 20,000.
          </p>
          <FieldError id="demo-count" message={errors.count} />
        </div>
        <div className="field">
          <label htmlFor="demo-rng">Random state (rng_state)</label>
          <input
            id="demo-rng"
            inputMode="numeric"
            value={rngState}
            onChange={(e) => setRngState(e.target.value)}
            aria-invalid={!!errors.rng_state}
            aria-describedby={errors.rng_state ? 'demo-rng-error' : undefined}
          />
          <FieldError id="demo-rng" message={errors.rng_state} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {label}
          </button>
        </div>
      </form>
      {busy && (
        <p role="status" className="demo-progress">
          <progress aria-label="Generating demo incidents" /> Generating {count} incidents…
        </p>
      )}
      {banner && <ErrorBanner error={banner.error} message={banner.message} />}
      {result && (
        <div className="banner banner-success" role="status">
          <p>
            Generated {result.count.toLocaleString('en-US')} demo incidents (batch{' '}
            <span className="mono">{result.demo_batch_id}</span>).
          </p>
        </div>
      )}
    </Page>
  )
}
