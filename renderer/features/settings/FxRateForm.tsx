import { useState, type FormEvent } from 'react'
import { CreateFxRateInput } from '#shared/fx-rates/fx-rate.schema'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, FieldError } from '#renderer/components/index'
import { describedField, splitError, type FieldErrors } from '#renderer/lib/form-errors'

const FIELDS = ['currency_code', 'rate_date', 'rate', 'source'] as const
type Field = (typeof FIELDS)[number]
type Props = { currencies: { code: string; name: string }[]; reporting: string; today: string; onSaved: () => void }

/** Reports §3.5 "add": 1 unit of the currency = rate units of the reporting currency, from the rate date on. */
export function FxRateForm({ currencies, reporting, today, onSaved }: Props) {
  const empty = { currency_code: '', rate_date: today, rate: '', source: '' }
  const [v, setV] = useState(empty)
  const [errors, setErrors] = useState<FieldErrors<Field>>({})
  const [banner, setBanner] = useState<ApiError | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (k: Field, value: string) => setV((s) => ({ ...s, [k]: value }))

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBanner(null)
    setSaved(null)
    const input = { ...v, source: v.source.trim() === '' ? null : v.source }
    const early = CreateFxRateInput.safeParse(input)
    if (!early.success) {
      const next: FieldErrors<Field> = {}
      for (const i of early.error.issues) next[i.path[0] as Field] ??= i.message
      if (!v.currency_code) next.currency_code = 'Choose a currency.'
      setErrors(next)
      return
    }
    setErrors({})
    setBusy(true)
    try {
      const created = await api.call('fxRate.create', input)
      setSaved(`Rate for ${created.currency_code} on ${created.rate_date} saved.`)
      setV(empty)
      onSaved()
    } catch (err) {
      const split = splitError(toApiError(err), FIELDS)
      setErrors(split.fieldErrors)
      setBanner(split.banner?.error ?? null)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="form form-wide settings-editor"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="fx-add-title"
    >
      <h2 id="fx-add-title">Add a rate</h2>
      <ErrorBanner error={banner} />
      <div className="field-row">
        <div className="field">
          <label htmlFor="fx-currency_code">Currency</label>
          <select
            {...describedField('fx-currency_code', errors.currency_code)}
            value={v.currency_code}
            onChange={(e) => set('currency_code', e.target.value)}
          >
            <option value="">Choose</option>
            {currencies
              .filter((c) => c.code !== reporting)
              .map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code} – {c.name}
                </option>
              ))}
          </select>
          <FieldError id="fx-currency_code" message={errors.currency_code} />
        </div>
        <div className="field">
          <label htmlFor="fx-rate_date">Rate date</label>
          <input
            {...describedField('fx-rate_date', errors.rate_date)}
            type="date"
            max={today}
            value={v.rate_date}
            onChange={(e) => set('rate_date', e.target.value)}
          />
          <FieldError id="fx-rate_date" message={errors.rate_date} />
        </div>
        <div className="field">
          <label htmlFor="fx-rate">Rate ({reporting} per unit)</label>
          <input
            {...describedField('fx-rate', errors.rate, { hintId: 'fx-rate-hint' })}
            type="text"
            inputMode="decimal"
            value={v.rate}
            onChange={(e) => set('rate', e.target.value)}
          />
          <p className="hint" id="fx-rate-hint">
            e.g. 0.9200: 1 unit of the currency is worth 0.92 {reporting}.
          </p>
          <FieldError id="fx-rate" message={errors.rate} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="fx-source">Source (optional)</label>
        <input
          {...describedField('fx-source', errors.source)}
          type="text"
          value={v.source}
          onChange={(e) => set('source', e.target.value)}
        />
        <FieldError id="fx-source" message={errors.source} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          Add rate
        </button>
        <span role="status" className="muted">
          {saved ?? ''}
        </span>
      </div>
    </form>
  )
}
