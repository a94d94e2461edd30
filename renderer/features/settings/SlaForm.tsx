import { useState, type FormEvent } from 'react'
import { SLA_KEYS, SLA_LABELS, type SlaKey } from '#shared/incident-config/config.constants'
import { SlaInput } from '#shared/incident-config/config.schema'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, FieldError } from '#renderer/components/index'
import { describedField, splitError, type FieldErrors } from '#renderer/lib/form-errors'
import type { IncidentConfig } from './settings-types'

type Values = Record<SlaKey, string>

/** incidents §5.6: SLA days per stage; only due dates set after a change use the new values. */
export function SlaForm({ config, onSaved }: { config: IncidentConfig; onSaved: () => void }) {
  const [values, setValues] = useState<Values>(() => ({
    draft_days: String(config.sla.draft_days),
    review_days: String(config.sla.review_days),
    validation_days: String(config.sla.validation_days),
  }))
  const [errors, setErrors] = useState<FieldErrors<SlaKey>>({})
  const [banner, setBanner] = useState<ApiError | null>(null)
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setSaved(false)
    setBanner(null)
    const input = Object.fromEntries(SLA_KEYS.map((k) => [k, values[k].trim() === '' ? NaN : Number(values[k])]))
    const early = SlaInput.safeParse(input)
    if (!early.success) {
      const next: FieldErrors<SlaKey> = {}
      for (const issue of early.error.issues) next[issue.path[0] as SlaKey] ??= issue.message
      setErrors(next)
      return
    }
    setErrors({})
    setBusy(true)
    try {
      await api.call('incidentConfig.setSla', early.data)
      setSaved(true)
      onSaved()
    } catch (err) {
      const split = splitError(toApiError(err), SLA_KEYS)
      setErrors(split.fieldErrors)
      setBanner(split.banner?.error ?? null)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="panel settings-section" aria-labelledby="sla-title">
      <h2 id="sla-title">SLA days</h2>
      <p className="hint">Calendar days from entering each stage to its due date. Due dates already set do not move.</p>
      <ErrorBanner error={banner} />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field-row">
          {SLA_KEYS.map((k) => (
            <div className="field" key={k}>
              <label htmlFor={`sla-${k}`}>{SLA_LABELS[k]}</label>
              <input
                {...describedField(`sla-${k}`, errors[k])}
                type="text"
                inputMode="numeric"
                value={values[k]}
                onChange={(e) => setValues((v) => ({ ...v, [k]: e.target.value }))}
              />
              <FieldError id={`sla-${k}`} message={errors[k]} />
            </div>
          ))}
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            Save SLA days
          </button>
          <span role="status" className="muted">
            {saved ? 'SLA days saved.' : ''}
          </span>
        </div>
      </form>
    </section>
  )
}
