import { useCallback } from 'react'
import { api } from '#renderer/api'
import { FieldError } from '#renderer/components/index'
import { useLoad } from '#renderer/hooks/use-load'
import { describedField } from '#renderer/lib/form-errors'
import type { FilterKind, FilterValues } from './list-filters'

type Props = {
  kinds: readonly FilterKind[]
  values: FilterValues
  onChange: (values: FilterValues) => void
  incidentRef: string
  setIncidentRef: (ref: string) => void
  incidentError: string | undefined
}

const MORE: readonly FilterKind[] = ['people', 'incident', 'deadline', 'overdue', 'awaiting']

/** The rarer measures §13 filters, folded away until asked for. */
export function MoreMeasureFilters({ kinds, values, onChange, incidentRef, setIncidentRef, incidentError }: Props) {
  const people = usePeople(kinds.includes('people'))
  if (!MORE.some((k) => kinds.includes(k))) return null
  const active = [
    values.responsible,
    values.createdBy,
    values.incidentId,
    values.deadlineAfter,
    values.deadlineBefore,
    values.overdue !== 'any',
    values.awaitingMe,
  ].filter(Boolean).length

  const person = (id: string, label: string, value: string, set: (v: string) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(e.target.value)}>
        <option value="">Anyone</option>
        <option value="me">Me</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.full_name}
          </option>
        ))}
      </select>
    </div>
  )

  return (
    <details className="more-filters" open={active > 0 || undefined}>
      <summary>More filters{active > 0 ? ` (${active} active)` : ''}</summary>
      <div className="more-filters-grid">
        {kinds.includes('people') && (
          <>
            {person('measure-responsible-filter', 'Responsible', values.responsible, (v) =>
              onChange({ ...values, responsible: v }),
            )}
            {person('measure-created-by-filter', 'Created by', values.createdBy, (v) =>
              onChange({ ...values, createdBy: v }),
            )}
          </>
        )}
        {kinds.includes('incident') && (
          <div className="field">
            <label htmlFor="measure-incident-filter">Linked incident (ref)</label>
            <input
              {...describedField('measure-incident-filter', incidentError)}
              type="search"
              placeholder="INC-…"
              value={incidentRef}
              onChange={(e) => setIncidentRef(e.target.value)}
            />
            <FieldError id="measure-incident-filter" message={incidentError} />
          </div>
        )}
        {kinds.includes('deadline') && (
          <>
            <div className="field">
              <label htmlFor="measure-deadline-after">Deadline from</label>
              <input
                id="measure-deadline-after"
                type="date"
                value={values.deadlineAfter}
                onChange={(e) => onChange({ ...values, deadlineAfter: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="measure-deadline-before">Deadline to</label>
              <input
                id="measure-deadline-before"
                type="date"
                value={values.deadlineBefore}
                onChange={(e) => onChange({ ...values, deadlineBefore: e.target.value })}
              />
            </div>
          </>
        )}
        {kinds.includes('overdue') && (
          <div className="field">
            <label htmlFor="measure-overdue-filter">Overdue</label>
            <select
              id="measure-overdue-filter"
              value={values.overdue}
              onChange={(e) => onChange({ ...values, overdue: e.target.value as FilterValues['overdue'] })}
            >
              <option value="any">Any</option>
              <option value="yes">Overdue only</option>
              <option value="no">Not overdue</option>
            </select>
          </div>
        )}
        {kinds.includes('awaiting') && (
          <div className="field field-toggle">
            <input
              id="measure-awaiting-me"
              type="checkbox"
              className="toggle"
              checked={values.awaitingMe}
              onChange={(e) => onChange({ ...values, awaitingMe: e.target.checked })}
            />
            <label htmlFor="measure-awaiting-me">Awaiting me</label>
          </div>
        )}
      </div>
    </details>
  )
}

/** Everyone who can be responsible (or create), for the people filters; loaded once per screen. */
function usePeople(enabled: boolean) {
  const load = useCallback(
    () => (enabled ? api.call('measure.responsibleOptions', { limit: 100 }) : Promise.resolve(null)),
    [enabled],
  )
  return useLoad(load).data?.items ?? []
}
