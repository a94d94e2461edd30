import { useState, type FormEvent } from 'react'
import { IncidentListInput as ListSchema } from '#shared/incidents/incident.schema'
import { INCIDENT_STATUSES, STATUS_NAMES, type IncidentStatus } from '#shared/incidents/incident.constants'
import { FieldError } from '#renderer/components/index'
import { describedField } from '#renderer/lib/form-errors'
import type { FilterKind, FilterValues, NearMissFilter } from './list-filters'
import { MoreFilters } from './MoreFilters'

type Props = { kinds: readonly FilterKind[]; values: FilterValues; onChange: (values: FilterValues) => void }

/** The list filters of incidents §14.1 a screen offers; selects apply at once, the search on submit. */
export function IncidentFilters({ kinds, values, onChange }: Props) {
  const [text, setText] = useState(values.q)
  const [qError, setQError] = useState<string | undefined>()

  const search = (e: FormEvent) => {
    e.preventDefault()
    const q = text.trim()
    const checked = q === '' ? null : ListSchema.shape.q.safeParse(q)
    if (checked && !checked.success) {
      setQError(checked.error.issues[0]?.message)
      return
    }
    setQError(undefined)
    onChange({ ...values, q })
  }

  return (
    <form className="filters" onSubmit={search} role="search" aria-label="Filter incidents">
      {kinds.includes('status') && (
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select
            id="filter-status"
            value={values.status.length === 1 ? values.status[0] : ''}
            onChange={(e) => onChange({ ...values, status: e.target.value ? [e.target.value as IncidentStatus] : [] })}
          >
            <option value="">All statuses</option>
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_NAMES[s]}
              </option>
            ))}
          </select>
        </div>
      )}
      {kinds.includes('near_miss') && (
        <div className="field">
          <label htmlFor="filter-near-miss">Near miss</label>
          <select
            id="filter-near-miss"
            value={values.nearMiss}
            onChange={(e) => onChange({ ...values, nearMiss: e.target.value as NearMissFilter })}
          >
            <option value="any">All incidents</option>
            <option value="only">Near misses only</option>
            <option value="exclude">Without near misses</option>
          </select>
        </div>
      )}
      {kinds.includes('search') && (
        <div className="field field-search">
          <label htmlFor="filter-q">Ref or title</label>
          <div className="inline">
            <input
              {...describedField('filter-q', qError)}
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="button-secondary">
              Search
            </button>
          </div>
          <FieldError id="filter-q" message={qError} />
        </div>
      )}
      <MoreFilters kinds={kinds} values={values} onChange={onChange} />
    </form>
  )
}
