import { FIELD_LABELS } from '#shared/incidents/incident.constants'
import { LocalTime } from '#renderer/components/index'
import { useReference } from '#renderer/stores/reference'
import type { IncidentDetail } from '#renderer/types'
import { Facts } from './Facts'
import { FormField, useField } from './FormField'

/** incidents §15 "Details": what happened, where, and whether it was a near miss. */
export function DetailsSection({ incident: i }: { incident: IncidentDetail }) {
  const form = useReference((s) => s.form)
  const units = form?.business_units ?? []
  const [title, setTitle] = useField('title')
  const [description, setDescription] = useField('description')
  const [unit, setUnit] = useField('business_unit_id')
  const [nearMiss, setNearMiss] = useField('near_miss')

  return (
    <section className="panel" aria-labelledby="details-title">
      <h2 id="details-title">Details</h2>
      <div className="edit-grid">
        <FormField
          name="title"
          label={FIELD_LABELS.title}
          wide
          control={(p) => <input {...p} type="text" value={title} onChange={(e) => setTitle(e.target.value)} />}
        />
        <FormField
          name="description"
          label={FIELD_LABELS.description}
          wide
          control={(p) => (
            <textarea {...p} rows={5} value={description} onChange={(e) => setDescription(e.target.value)} />
          )}
        />
        <FormField
          name="business_unit_id"
          label={FIELD_LABELS.business_unit_id}
          control={(p) => (
            <select {...p} value={unit} onChange={(e) => setUnit(e.target.value)}>
              {!units.some((u) => u.id === unit) && <option value={unit}>{i.business_unit_name ?? unit}</option>}
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        />
        <FormField
          name="near_miss"
          label={FIELD_LABELS.near_miss}
          hint="Nothing was lost this time, but it could have been."
          control={(p) => (
            <input
              {...p}
              type="checkbox"
              className="toggle"
              checked={nearMiss}
              onChange={(e) => setNearMiss(e.target.checked)}
            />
          )}
        />
      </div>
      <Facts
        rows={[
          ['Reported by', i.created_by_name],
          ['Reported', <LocalTime iso={i.created_at} />],
          ['Last updated', <LocalTime iso={i.updated_at} />],
          ['Severity', i.severity.charAt(0).toUpperCase() + i.severity.slice(1)],
        ]}
      />
    </section>
  )
}
