import { FIELD_LABELS } from '#shared/incidents/incident.constants'
import { FieldError } from '#renderer/components/index'
import { useIncidentDetail } from '#renderer/stores/incident-detail'
import { useReference } from '#renderer/stores/reference'
import type { IncidentDetail } from '#renderer/types'
import { FormField, useField } from './FormField'

const FAMILIES: Record<string, string> = {
  people: 'People',
  process: 'Process',
  system: 'Systems',
  external: 'External',
}

/** incidents §15 "Causes": a multi-select of loss causes grouped by family (0–20, incidents §3.1). */
export function CausesSection({ incident: i }: { incident: IncidentDetail }) {
  const editable = i.editable_fields.includes('cause_ids')
  return (
    <section className="panel" aria-labelledby="causes-title">
      <h2 id="causes-title">Causes</h2>
      {editable ? (
        <CausesPicker incident={i} />
      ) : (
        <div className="edit-grid">
          <FormField name="cause_ids" label={FIELD_LABELS.cause_ids} wide control={() => null} />
        </div>
      )}
    </section>
  )
}

function CausesPicker({ incident: i }: { incident: IncidentDetail }) {
  // Select the stable form object: a fresh `[]` from a selector would re-render without end (zustand 5).
  const form = useReference((s) => s.form)
  const causes = form?.loss_causes ?? []
  const error = useIncidentDetail((s) => s.errors.cause_ids)
  const highlighted = useIncidentDetail((s) => s.highlighted.includes('cause_ids'))
  const [selected, setSelected] = useField('cause_ids')
  // A deactivated cause the incident already carries stays listed, so it can be removed (incidents §3.4).
  const all = [...causes, ...i.causes.filter((c) => !causes.some((o) => o.id === c.id))]
  const families = [...new Set(all.map((c) => c.family))]
  const toggle = (id: string, on: boolean) =>
    setSelected(on ? [...selected.filter((s) => s !== id), id] : selected.filter((s) => s !== id))

  return (
    <fieldset
      className="field causes"
      id="cause_ids"
      aria-invalid={Boolean(error) || highlighted}
      aria-describedby={error ? 'cause_ids-error' : 'cause_ids-hint'}
    >
      <legend>{FIELD_LABELS.cause_ids}</legend>
      <p className="hint" id="cause_ids-hint">
        Choose every cause that contributed; {selected.length} of at most 20 chosen.
      </p>
      <div className="cause-families">
        {families.map((family) => (
          <div key={family} className="cause-family">
            <p className="cause-family-name">{FAMILIES[family] ?? family}</p>
            {all
              .filter((c) => c.family === family)
              .map((c) => (
                <label key={c.id} className="check">
                  <input
                    type="checkbox"
                    checked={selected.includes(c.id)}
                    onChange={(e) => toggle(c.id, e.target.checked)}
                  />{' '}
                  {c.name}
                </label>
              ))}
          </div>
        ))}
      </div>
      <FieldError id="cause_ids" message={error} />
    </fieldset>
  )
}
