import { useState, type FormEvent } from 'react'
import { MEASURE_STATUSES, STATUS_NAMES, type MeasureStatus } from '#shared/measures/measure.constants'
import { MeasureListInput as ListSchema, MEASURE_ORDERINGS } from '#shared/measures/measure.schema'
import { api, toApiError } from '#renderer/api'
import { FieldError } from '#renderer/components/index'
import { describedField } from '#renderer/lib/form-errors'
import { ORDERING_LABELS, type FilterKind, type FilterValues, type Ordering } from './list-filters'
import { MoreMeasureFilters } from './MoreMeasureFilters'

type Props = {
  kinds: readonly FilterKind[]
  values: FilterValues
  onChange: (values: FilterValues) => void
  /** The screen's own order, shown as the default choice. */
  defaultOrdering: Ordering
}

/** The measures §13 filters a screen offers; choices apply at once, the texts on "Apply". */
export function MeasureFilters({ kinds, values, onChange, defaultOrdering }: Props) {
  const [q, setQ] = useState(values.q)
  const [incidentRef, setIncidentRef] = useState(values.incidentRef)
  const [errors, setErrors] = useState<{ q?: string; incident?: string }>({})
  const [busy, setBusy] = useState(false)

  const apply = async (e: FormEvent) => {
    e.preventDefault()
    const text = q.trim()
    const checked = text === '' ? null : ListSchema.shape.q.safeParse(text)
    const qError = checked && !checked.success ? checked.error.issues[0]?.message : undefined
    const resolved = await resolveIncident(incidentRef.trim(), setBusy)
    setErrors({ ...(qError ? { q: qError } : {}), ...(resolved.error ? { incident: resolved.error } : {}) })
    if (qError || resolved.error) return
    onChange({ ...values, q: text, incidentRef: incidentRef.trim(), incidentId: resolved.id })
  }

  const toggleStatus = (s: MeasureStatus, on: boolean) =>
    onChange({ ...values, status: on ? [...values.status, s] : values.status.filter((x) => x !== s) })

  const texts = kinds.includes('search') || kinds.includes('incident')
  return (
    <form className="filters" onSubmit={(e) => void apply(e)} role="search" aria-label="Filter measures">
      {kinds.includes('search') && (
        <div className="field field-search">
          <label htmlFor="measure-q">Ref or description</label>
          <input
            {...describedField('measure-q', errors.q)}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <FieldError id="measure-q" message={errors.q} />
        </div>
      )}
      {kinds.includes('status') && (
        <fieldset className="check-group status-filter">
          <legend>Status</legend>
          <div className="inline">
            {MEASURE_STATUSES.map((s) => (
              <label key={s} className="check check-chip">
                <input
                  type="checkbox"
                  checked={values.status.includes(s)}
                  onChange={(e) => toggleStatus(s, e.target.checked)}
                />
                {STATUS_NAMES[s]}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {kinds.includes('ordering') && (
        <div className="field">
          <label htmlFor="measure-ordering">Order</label>
          <select
            id="measure-ordering"
            value={values.ordering || defaultOrdering}
            onChange={(e) => onChange({ ...values, ordering: e.target.value as Ordering })}
          >
            {MEASURE_ORDERINGS.map((o) => (
              <option key={o} value={o}>
                {ORDERING_LABELS[o]}
              </option>
            ))}
          </select>
        </div>
      )}
      {texts && (
        <div className="filter-buttons">
          <button type="submit" className="button-secondary" disabled={busy}>
            Apply
          </button>
        </div>
      )}
      <MoreMeasureFilters
        kinds={kinds}
        values={values}
        onChange={onChange}
        incidentRef={incidentRef}
        setIncidentRef={setIncidentRef}
        incidentError={errors.incident}
      />
    </form>
  )
}

/** The incident filter takes a ref; list filters need its id, looked up among the incidents the user can see. */
async function resolveIncident(ref: string, setBusy: (b: boolean) => void): Promise<{ id: string; error?: string }> {
  if (ref === '') return { id: '' }
  if (ref.length < 3) return { id: '', error: 'Enter at least 3 characters of the incident ref.' }
  setBusy(true)
  try {
    const page = await api.call('incident.list', { q: ref, limit: 20 })
    const hit = page.items.find((i) => i.ref.toLowerCase() === ref.toLowerCase())
    return hit ? { id: hit.id } : { id: '', error: `No incident ${ref} that you can see.` }
  } catch (e) {
    return { id: '', error: toApiError(e).message }
  } finally {
    setBusy(false)
  }
}
