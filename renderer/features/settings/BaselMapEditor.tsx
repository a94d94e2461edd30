import { useState } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner } from '#renderer/components/index'
import type { BaselType, SimplifiedTypeRow } from './settings-types'

type Props = { type: SimplifiedTypeRow; basel: readonly BaselType[]; onClose: () => void; onSaved: () => void }

/** The Basel types a simplified type maps to, and at most one default (preselected at validation, used by routing). */
export function BaselMapEditor({ type, basel, onClose, onSaved }: Props) {
  const [mapped, setMapped] = useState(() => new Set(type.basel_map.map((m) => m.basel_event_type_id)))
  const [fallback, setFallback] = useState(type.basel_map.find((m) => m.is_default)?.basel_event_type_id ?? '')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const toggle = (id: string, on: boolean) => {
    setMapped((s) => {
      const next = new Set(s)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })
    if (!on && fallback === id) setFallback('')
  }

  const save = async () => {
    setBusy(true)
    setError(null)
    try {
      const entries = basel
        .filter((b) => mapped.has(b.id))
        .map((b) => ({ basel_event_type_id: b.id, is_default: b.id === fallback }))
      await api.call('incidentConfig.setBaselMap', { simplified_event_type_id: type.id, entries })
      onSaved()
    } catch (e) {
      setError(toApiError(e))
      setBusy(false)
    }
  }

  return (
    <div className="form form-wide settings-editor" role="group" aria-labelledby="map-editor-title">
      <h3 id="map-editor-title">Basel map of “{type.name}”</h3>
      <ErrorBanner error={error} />
      <div className="table-wrap">
        <table className="data matrix">
          <caption className="visually-hidden">Basel event types mapped to {type.name}</caption>
          <thead>
            <tr>
              <th scope="col">Basel event type</th>
              <th scope="col" className="matrix-cell">
                Mapped
              </th>
              <th scope="col" className="matrix-cell">
                Default
              </th>
            </tr>
          </thead>
          <tbody>
            {basel.map((b) => (
              <tr key={b.id}>
                <th scope="row" className={b.level === 2 ? 'settings-indent' : undefined}>
                  {b.id} {b.name}
                </th>
                <td className="matrix-cell">
                  <input
                    type="checkbox"
                    aria-label={`Map to ${b.id} ${b.name}`}
                    checked={mapped.has(b.id)}
                    onChange={(e) => toggle(b.id, e.target.checked)}
                  />
                </td>
                <td className="matrix-cell">
                  <input
                    type="radio"
                    name="basel-default"
                    aria-label={`${b.id} ${b.name} is the default`}
                    checked={fallback === b.id}
                    disabled={!mapped.has(b.id)}
                    onChange={() => setFallback(b.id)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-actions">
        <button type="button" className="button-primary" disabled={busy} onClick={() => void save()}>
          Save map
        </button>
        <button type="button" className="button-secondary" disabled={fallback === ''} onClick={() => setFallback('')}>
          No default
        </button>
        <button type="button" className="button-secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  )
}
