import { FieldError } from '#renderer/components/index'
import type { IncidentForm } from '#renderer/types'

type Props = {
  types: IncidentForm['simplified_event_types']
  value: string
  error: string | undefined
  onChange: (id: string) => void
}

/** Simplified event types as cards (incidents §3.5, §15): the name is the radio's name, the texts describe it. */
export function TypeCards({ types, value, error, onChange }: Props) {
  const field = 'simplified_event_type_id'
  return (
    <fieldset
      className="field type-cards"
      aria-invalid={Boolean(error)}
      aria-describedby={error ? `${field}-error` : 'type-hint'}
    >
      <legend>Type of incident</legend>
      <p className="hint" id="type-hint">
        Pick the closest match. A risk officer confirms the classification later.
      </p>
      <div className="cards">
        {types.map((t) => {
          const id = `type-${t.id}`
          return (
            <label key={t.id} className="card" htmlFor={id}>
              <input
                type="radio"
                id={id}
                name={field}
                value={t.id}
                checked={value === t.id}
                onChange={() => onChange(t.id)}
                aria-labelledby={`${id}-name`}
                aria-describedby={`${id}-desc`}
              />
              <span className="card-name" id={`${id}-name`}>
                {t.name}
              </span>
              <span id={`${id}-desc`} className="card-text">
                <span className="card-short">{t.short_desc}</span>
                {t.front_end_hint && <span className="card-hint">{t.front_end_hint}</span>}
              </span>
            </label>
          )
        })}
      </div>
      <FieldError id={field} message={error} />
    </fieldset>
  )
}
