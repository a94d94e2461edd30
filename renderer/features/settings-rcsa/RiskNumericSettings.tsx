import { useState, type FormEvent } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, FieldError } from '#renderer/components/index'
import { describedField, splitError, type FieldErrors } from '#renderer/lib/form-errors'
import type { RiskConfig } from './types'
import { wholeNumber } from './workflow-draft'

const KEYS = ['risk_review_interval_days', 'risk_acceptance_max_days', 'risk_acceptance_warning_days'] as const
type Key = (typeof KEYS)[number]

const LABELS: Record<Key, { label: string; hint: string }> = {
  risk_review_interval_days: {
    label: 'Review interval (days)',
    hint: 'Default next review after an approval.',
  },
  risk_acceptance_max_days: {
    label: 'Longest acceptance (days)',
    hint: 'The latest expiry a risk acceptance may have.',
  },
  risk_acceptance_warning_days: {
    label: 'Expiry warning (days)',
    hint: 'How long before an acceptance expires its owner is warned.',
  },
}

/** risks.md §2.6 numeric settings; a change applies from the next approval or acceptance. */
export function RiskNumericSettings({ config, onSaved }: { config: RiskConfig; onSaved: () => void }) {
  const [values, setValues] = useState<Record<Key, string>>(() => ({
    risk_review_interval_days: String(config.settings.risk_review_interval_days),
    risk_acceptance_max_days: String(config.settings.risk_acceptance_max_days),
    risk_acceptance_warning_days: String(config.settings.risk_acceptance_warning_days),
  }))
  const [errors, setErrors] = useState<FieldErrors<Key>>({})
  const [banner, setBanner] = useState<ApiError | null>(null)
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setBanner(null)
    setStatus('')
    try {
      const answer = await api.call('riskConfig.setSettings', {
        risk_review_interval_days: wholeNumber(values.risk_review_interval_days),
        risk_acceptance_max_days: wholeNumber(values.risk_acceptance_max_days),
        risk_acceptance_warning_days: wholeNumber(values.risk_acceptance_warning_days),
      })
      setErrors({})
      setStatus(answer.changed.length === 0 ? 'Nothing to save: the values are unchanged.' : 'Settings saved.')
      onSaved()
    } catch (err) {
      const split = splitError(toApiError(err), KEYS)
      setErrors(split.fieldErrors)
      setBanner(split.banner?.error ?? null)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="panel settings-section" aria-labelledby="risk-numbers-title">
      <h2 id="risk-numbers-title">Review and acceptance periods</h2>
      <ErrorBanner error={banner} />
      <form className="form rcsa-settings-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field-row">
          {KEYS.map((k) => (
            <div className="field" key={k}>
              <label htmlFor={`setting-${k}`}>{LABELS[k].label}</label>
              <input
                {...describedField(`setting-${k}`, errors[k], { hintId: `setting-${k}-hint` })}
                type="text"
                inputMode="numeric"
                value={values[k]}
                onChange={(e) => setValues((v) => ({ ...v, [k]: e.target.value }))}
              />
              <p id={`setting-${k}-hint`} className="hint">
                {LABELS[k].hint}
              </p>
              <FieldError id={`setting-${k}`} message={errors[k]} />
            </div>
          ))}
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            Save periods
          </button>
          <span role="status" className="muted">
            {status}
          </span>
        </div>
      </form>
    </section>
  )
}
