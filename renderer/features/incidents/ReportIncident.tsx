import { useEffect, useState, type FormEvent } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, FieldError, Page } from '#renderer/components/index'
import { describedField, splitError, type FieldErrors } from '#renderer/lib/form-errors'
import { incidentPath } from '#renderer/router'
import { useFlash } from '#renderer/stores/flash'
import { useReference } from '#renderer/stores/reference'
import { useReportDraft } from '#renderer/stores/report-draft'
import { buildCreateInput, REPORT_FIELDS, type ReportField } from './report-form'
import { TypeCards } from './TypeCards'

/** incidents §15 "Report an incident": saves a DRAFT, then opens it. */
export function ReportIncident() {
  const form = useReference((s) => s.form)
  const loadError = useReference((s) => s.error)
  const ensureLoaded = useReference((s) => s.ensureLoaded)
  const { values, set, prefill, reset } = useReportDraft()
  const showAt = useFlash((s) => s.showAt)
  const [errors, setErrors] = useState<FieldErrors<ReportField>>({})
  const [highlighted, setHighlighted] = useState<ReportField[]>([])
  const [banner, setBanner] = useState<{ error: ApiError; message: string } | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void ensureLoaded()
  }, [ensureLoaded])
  useEffect(() => {
    if (form) prefill(form)
  }, [form, prefill])

  const field = (name: ReportField, hintId?: string) =>
    describedField(name, errors[name], { highlighted: highlighted.includes(name), ...(hintId ? { hintId } : {}) })

  const save = async (e: FormEvent) => {
    e.preventDefault()
    const built = buildCreateInput(values, form)
    setErrors(built.errors)
    setHighlighted([])
    setBanner(null)
    if (!built.input) return
    setBusy(true)
    try {
      const created = await api.call('incident.create', built.input)
      reset()
      showAt(incidentPath(created.id), `Draft ${created.ref} saved.`)
    } catch (err) {
      // The draft store keeps every value: the user fixes what is named and saves again.
      const split = splitError(toApiError(err), REPORT_FIELDS)
      setErrors(split.fieldErrors)
      setHighlighted(split.highlighted)
      setBanner(split.banner)
      setBusy(false)
    }
  }

  return (
    <Page title="Report an incident">
      <p className="lead">Describe what happened. You can save a draft now and complete it later.</p>
      <ErrorBanner error={loadError} onRetry={() => void ensureLoaded()} />
      <ErrorBanner error={banner?.error ?? null} message={banner?.message} />
      <form className="form form-wide" onSubmit={(e) => void save(e)} noValidate>
        <div className="field">
          <label htmlFor="title">Title</label>
          <input {...field('title')} type="text" value={values.title} onChange={(e) => set('title', e.target.value)} />
          <FieldError id="title" message={errors.title} />
        </div>
        <div className="field">
          <label htmlFor="description">Description</label>
          <textarea
            {...field('description')}
            rows={6}
            value={values.description}
            onChange={(e) => set('description', e.target.value)}
          />
          <FieldError id="description" message={errors.description} />
        </div>
        {form && (
          <TypeCards
            types={form.simplified_event_types}
            value={values.simplified_event_type_id}
            error={errors.simplified_event_type_id}
            onChange={(id) => set('simplified_event_type_id', id)}
          />
        )}
        <div className="field">
          <label htmlFor="business_unit_id">Business unit</label>
          <select
            {...field('business_unit_id')}
            value={values.business_unit_id}
            onChange={(e) => set('business_unit_id', e.target.value)}
          >
            <option value="">Choose a business unit</option>
            {form?.business_units.map((bu) => (
              <option key={bu.id} value={bu.id}>
                {bu.name}
              </option>
            ))}
          </select>
          <FieldError id="business_unit_id" message={errors.business_unit_id} />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="occurred_at">Occurred</label>
            <input
              {...field('occurred_at', 'dates-hint')}
              type="datetime-local"
              value={values.occurred_at}
              onChange={(e) => set('occurred_at', e.target.value)}
            />
            <FieldError id="occurred_at" message={errors.occurred_at} />
          </div>
          <div className="field">
            <label htmlFor="discovered_at">Discovered</label>
            <input
              {...field('discovered_at', 'dates-hint')}
              type="datetime-local"
              value={values.discovered_at}
              onChange={(e) => set('discovered_at', e.target.value)}
            />
            <FieldError id="discovered_at" message={errors.discovered_at} />
          </div>
        </div>
        <p className="hint" id="dates-hint">
          Your local time. Leave empty if not known yet.
        </p>
        <div className="field field-toggle">
          <input
            {...field('near_miss', 'near-miss-hint')}
            type="checkbox"
            className="toggle"
            checked={values.near_miss}
            onChange={(e) => set('near_miss', e.target.checked)}
          />
          <label htmlFor="near_miss">Near miss</label>
          <p className="hint" id="near-miss-hint">
            Nothing was lost this time, but it could have been.
          </p>
          <FieldError id="near_miss" message={errors.near_miss} />
        </div>
        <div className="field-row">
          <div className="field field-grow">
            <label htmlFor="gross_loss_amount">Gross loss</label>
            <input
              {...field('gross_loss_amount', 'gross-hint')}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={values.gross_loss_amount}
              onChange={(e) => set('gross_loss_amount', e.target.value)}
            />
            <p className="hint" id="gross-hint">
              Before any recovery, e.g. 1,234.56. Leave empty if not known yet.
            </p>
            <FieldError id="gross_loss_amount" message={errors.gross_loss_amount} />
          </div>
          <div className="field">
            <label htmlFor="currency_code">Currency</label>
            <select
              {...field('currency_code')}
              value={values.currency_code}
              onChange={(e) => set('currency_code', e.target.value)}
            >
              {!values.currency_code && <option value="">Choose</option>}
              {form?.currencies.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code} – {c.name}
                </option>
              ))}
            </select>
            <FieldError id="currency_code" message={errors.currency_code} />
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            Save draft
          </button>
        </div>
      </form>
    </Page>
  )
}
