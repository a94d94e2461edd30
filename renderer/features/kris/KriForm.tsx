import { useCallback, useState } from 'react'
import { FREQUENCIES, FREQUENCY_LABELS, periodStartIssue, type Frequency } from '#shared/kris/kri.period.rules'
import { EDITABLE_FIELDS } from '#shared/kris/kri.schema'
import { THRESHOLD_FIELDS } from '#shared/kris/kri.status.rules'
import { api, toApiError, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, FieldError } from '#renderer/components/index'
import { useLoad } from '#renderer/hooks/use-load'
import { describedField } from '#renderer/lib/form-errors'
import { kriPath } from '#renderer/router'
import { useFlash } from '#renderer/stores/flash'
import { ResponsiblePicker } from '../measures/ResponsiblePicker'
import { issueField, pickErrors } from './kri-logic'
import type { KriDetailData } from './kri-types'
import { EMPTY_THRESHOLDS, thresholdPayload, ThresholdInputs, type ThresholdValues } from './ThresholdInputs'

type Definition = {
  name: string
  description: string
  unit: string
  frequency: Frequency
  weekdays_only: boolean
  first_period_start: string
  grace_days: string
  owner_id: string
  business_unit_id: string
  data_source: string
  create_measure_on_red: boolean
  measure_due_days: string
}
type DefField = keyof Definition
// The catalogue's own lists, so the form compares and names exactly the fields kri.update and the thresholds take.
const DEF_FIELDS: readonly DefField[] = EDITABLE_FIELDS
const THRESHOLD_KEYS = ['direction', ...THRESHOLD_FIELDS] as const
type AnyField = DefField | (typeof THRESHOLD_KEYS)[number]

const BLANK: Definition = {
  name: '',
  description: '',
  unit: '',
  frequency: 'MONTHLY',
  weekdays_only: false,
  first_period_start: '',
  grace_days: '',
  owner_id: '',
  business_unit_id: '',
  data_source: '',
  create_measure_on_red: false,
  measure_due_days: '30',
}

function definitionOf(k: KriDetailData): Definition {
  return {
    name: k.name,
    description: k.description ?? '',
    unit: k.unit,
    frequency: k.frequency,
    weekdays_only: k.weekdays_only,
    first_period_start: k.first_period_start,
    grace_days: String(k.grace_days),
    owner_id: k.owner?.id ?? '',
    business_unit_id: k.business_unit.id,
    data_source: k.data_source ?? '',
    create_measure_on_red: k.create_measure_on_red,
    measure_due_days: String(k.measure_due_days),
  }
}

/** What each field sends: numbers as integers (blank stays text so the catalogue names the problem). */
function wire(d: Definition, f: DefField): unknown {
  const v = d[f]
  if (f === 'grace_days' || f === 'measure_due_days') {
    const text = String(v).trim()
    return /^-?\d+$/.test(text) ? Number(text) : text
  }
  if (f === 'description' || f === 'data_source') return String(v).trim() === '' ? null : v
  return v
}

type Props = {
  /** Edit this KRI; without it the dialog creates one. */
  kri?: KriDetailData
  onClose: () => void
  onSaved?: () => void
}

/** kris.md §12 KRI form: definition fields, thresholds with a live band preview (create), escalation settings. */
export function KriFormDialog({ kri, onClose, onSaved }: Props) {
  const editing = kri !== undefined
  const showAt = useFlash((s) => s.showAt)
  const loadOptions = useCallback(() => api.call('risk.formOptions', {}), [])
  const options = useLoad(loadOptions)
  const [d, setD] = useState<Definition>(kri ? definitionOf(kri) : BLANK)
  const [t, setT] = useState<ThresholdValues>(EMPTY_THRESHOLDS)
  const [errors, setErrors] = useState<Partial<Record<AnyField, string>>>({})
  const [highlighted, setHighlighted] = useState<AnyField[]>([])
  const [banner, setBanner] = useState<{ error: ApiError; message: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const lockedFields: readonly string[] = kri?.locked_fields ?? []
  const hasValues = lockedFields.length > 0
  const locked = (f: DefField) => editing && lockedFields.includes(f)
  const set = <F extends DefField>(f: F, v: Definition[F]) => setD((x) => ({ ...x, [f]: v }))

  const firstIssue =
    d.first_period_start && /^\d{4}-\d{2}-\d{2}$/.test(d.first_period_start)
      ? periodStartIssue(
          { frequency: d.frequency, weekdaysOnly: d.frequency === 'DAILY' && d.weekdays_only },
          d.first_period_start,
        )
      : null

  const submit = async () => {
    setBusy(true)
    setBanner(null)
    setErrors({})
    setHighlighted([])
    try {
      if (kri) {
        const before = definitionOf(kri)
        const changed = DEF_FIELDS.filter((f) => JSON.stringify(wire(d, f)) !== JSON.stringify(wire(before, f)))
        if (changed.length === 0) {
          onClose()
          return
        }
        const changes = Object.fromEntries(changed.map((f) => [f, { before: wire(before, f), after: wire(d, f) }]))
        await api.call('kri.update', { id: kri.id, changes })
        onSaved?.()
        onClose()
      } else {
        const created = await api.call('kri.create', {
          name: d.name,
          unit: d.unit,
          frequency: d.frequency,
          owner_id: d.owner_id,
          business_unit_id: d.business_unit_id,
          ...(d.description.trim() ? { description: d.description } : {}),
          ...(d.frequency === 'DAILY' ? { weekdays_only: d.weekdays_only } : {}),
          ...(d.first_period_start ? { first_period_start: d.first_period_start } : {}),
          ...(d.grace_days.trim() ? { grace_days: wire(d, 'grace_days') as number } : {}),
          ...(d.data_source.trim() ? { data_source: d.data_source } : {}),
          create_measure_on_red: d.create_measure_on_red,
          ...(d.measure_due_days.trim() ? { measure_due_days: wire(d, 'measure_due_days') as number } : {}),
          thresholds: thresholdPayload(t),
        })
        onClose()
        showAt(kriPath(created.id), `KRI ${created.ref} created.`)
      }
    } catch (e) {
      const error = toApiError(e)
      const known = [...DEF_FIELDS, ...THRESHOLD_KEYS] as readonly string[]
      const fieldErrors: Partial<Record<AnyField, string>> = {}
      const elsewhere: string[] = []
      for (const issue of error.issues) {
        const f = issueField(issue.path)
        if (f && known.includes(f)) fieldErrors[f as AnyField] ??= issue.message
        else elsewhere.push(issue.message)
      }
      // An empty picker fails the id format; say what the user has to do instead.
      if (!d.owner_id && fieldErrors.owner_id) fieldErrors.owner_id = 'Choose the owner.'
      if (!d.business_unit_id && fieldErrors.business_unit_id)
        fieldErrors.business_unit_id = 'Choose the business unit.'
      setErrors(fieldErrors)
      setHighlighted(error.fields.filter((f): f is AnyField => known.includes(f)))
      if (error.code !== 'VALIDATION') setBanner({ error, message: error.message })
      else if (elsewhere.length > 0) setBanner({ error, message: [...new Set(elsewhere)].join(' ') })
      setBusy(false)
    }
  }

  const field = (f: DefField) => describedField(`kri-form-${f}`, errors[f], { highlighted: highlighted.includes(f) })
  const units = options.data?.business_units ?? []

  return (
    <Dialog
      title={editing ? `Edit KRI – ${kri.ref}` : 'New KRI'}
      submitLabel={editing ? 'Save changes' : 'Create KRI'}
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <div className="kri-form-wide">
        {banner && <ErrorBanner error={banner.error} message={banner.message} />}
        <ErrorBanner error={options.error} onRetry={options.reload} />
        <div className="field">
          <label htmlFor="kri-form-name">Name</label>
          <input {...field('name')} type="text" value={d.name} onChange={(e) => set('name', e.target.value)} />
          <FieldError id="kri-form-name" message={errors.name} />
        </div>
        <div className="field">
          <label htmlFor="kri-form-description">Description</label>
          <textarea
            {...field('description')}
            rows={2}
            value={d.description}
            onChange={(e) => set('description', e.target.value)}
          />
          <FieldError id="kri-form-description" message={errors.description} />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="kri-form-unit">Unit</label>
            <input
              {...field('unit')}
              type="text"
              placeholder="hours, %, count, EUR"
              disabled={locked('unit')}
              value={d.unit}
              onChange={(e) => set('unit', e.target.value)}
            />
            <FieldError id="kri-form-unit" message={errors.unit} />
          </div>
          <div className="field">
            <label htmlFor="kri-form-frequency">Frequency</label>
            <select
              {...field('frequency')}
              disabled={locked('frequency')}
              value={d.frequency}
              onChange={(e) => {
                const f = e.target.value as Frequency
                setD((x) => ({ ...x, frequency: f, weekdays_only: f === 'DAILY' }))
              }}
            >
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {FREQUENCY_LABELS[f]}
                </option>
              ))}
            </select>
            <FieldError id="kri-form-frequency" message={errors.frequency} />
          </div>
          <div className="field">
            <label htmlFor="kri-form-first_period_start">First period start</label>
            <input
              {...describedField('kri-form-first_period_start', errors.first_period_start ?? firstIssue ?? undefined, {
                highlighted: highlighted.includes('first_period_start'),
                hintId: 'kri-form-first-hint',
              })}
              type="date"
              disabled={locked('first_period_start')}
              value={d.first_period_start}
              onChange={(e) => set('first_period_start', e.target.value)}
            />
            <p className="hint" id="kri-form-first-hint">
              {editing ? 'The first period that expects a value.' : 'Blank: the period containing today.'}
            </p>
            <FieldError
              id="kri-form-first_period_start"
              message={errors.first_period_start ?? firstIssue ?? undefined}
            />
          </div>
        </div>
        {d.frequency === 'DAILY' && (
          <label className="check">
            <input
              type="checkbox"
              disabled={locked('weekdays_only')}
              checked={d.weekdays_only}
              onChange={(e) => set('weekdays_only', e.target.checked)}
            />
            Weekdays only (Saturdays and Sundays are not periods)
          </label>
        )}
        <FieldError id="kri-form-weekdays_only" message={errors.weekdays_only} />
        {editing && hasValues && (
          <p className="hint">
            Unit, frequency, weekdays only and first period cannot be changed once values are recorded.
          </p>
        )}
        <div className="field-row">
          <div className="field">
            <label htmlFor="kri-form-business_unit_id">Business unit</label>
            <select
              {...field('business_unit_id')}
              value={d.business_unit_id}
              onChange={(e) => set('business_unit_id', e.target.value)}
            >
              <option value="">{options.loading ? 'Loading…' : 'Choose a business unit…'}</option>
              {kri && !units.some((u) => u.id === kri.business_unit.id) && (
                <option value={kri.business_unit.id}>{kri.business_unit.name}</option>
              )}
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
            <FieldError id="kri-form-business_unit_id" message={errors.business_unit_id} />
          </div>
          <div className="field">
            <label htmlFor="kri-form-grace_days">Grace days</label>
            <input
              {...describedField('kri-form-grace_days', errors.grace_days, { hintId: 'kri-form-grace-hint' })}
              type="number"
              min={0}
              max={90}
              value={d.grace_days}
              onChange={(e) => set('grace_days', e.target.value)}
            />
            <p className="hint" id="kri-form-grace-hint">
              {editing ? 'Days after a period ends before it is overdue.' : 'Blank: the default for the frequency.'}
            </p>
            <FieldError id="kri-form-grace_days" message={errors.grace_days} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="kri-form-owner_id">Owner</label>
          <ResponsiblePicker
            id="kri-form-owner_id"
            value={d.owner_id}
            onChange={(id) => set('owner_id', id)}
            current={kri?.owner ? { ...kri.owner, email: '' } : null}
            invalid={!!errors.owner_id}
            describedBy={errors.owner_id ? 'kri-form-owner_id-error' : undefined}
          />
          <FieldError id="kri-form-owner_id" message={errors.owner_id} />
        </div>
        <div className="field">
          <label htmlFor="kri-form-data_source">Data source</label>
          <input
            {...field('data_source')}
            type="text"
            placeholder="System or report the number comes from"
            value={d.data_source}
            onChange={(e) => set('data_source', e.target.value)}
          />
          <FieldError id="kri-form-data_source" message={errors.data_source} />
        </div>
        {editing ? (
          <p className="hint">Thresholds change through Set thresholds, which keeps their history.</p>
        ) : (
          <ThresholdInputs
            idPrefix="kri-form"
            values={t}
            onChange={setT}
            unit={d.unit.trim()}
            errors={pickErrors(errors, THRESHOLD_KEYS)}
          />
        )}
        <fieldset className="kri-escalation">
          <legend>Escalation on Red</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={d.create_measure_on_red}
              onChange={(e) => set('create_measure_on_red', e.target.checked)}
            />
            Create a corrective measure on a Red value
          </label>
          <div className="field">
            <label htmlFor="kri-form-measure_due_days">Measure due in (days)</label>
            <input
              {...field('measure_due_days')}
              type="number"
              min={1}
              max={365}
              value={d.measure_due_days}
              onChange={(e) => set('measure_due_days', e.target.value)}
            />
            <FieldError id="kri-form-measure_due_days" message={errors.measure_due_days} />
          </div>
        </fieldset>
      </div>
    </Dialog>
  )
}
