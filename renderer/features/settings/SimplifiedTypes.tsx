import { useState } from 'react'
import { Badge } from '#renderer/components/index'
import { BaselMapEditor } from './BaselMapEditor'
import { SimplifiedTypeForm } from './SimplifiedTypeForm'
import type { IncidentConfig, SimplifiedTypeRow } from './settings-types'

/** incidents §3.5: the front-line types in form order, each with the Basel types it maps to (✓ = default). */
export function SimplifiedTypes({ config, onSaved }: { config: IncidentConfig; onSaved: () => void }) {
  const [editing, setEditing] = useState<SimplifiedTypeRow | 'new' | null>(null)
  const [mapping, setMapping] = useState<SimplifiedTypeRow | null>(null)
  const baselName = (id: string) => config.basel_event_types.find((b) => b.id === id)?.name ?? id
  const done = () => {
    setEditing(null)
    setMapping(null)
    onSaved()
  }

  return (
    <section className="panel settings-section" aria-labelledby="types-title">
      <div className="settings-head">
        <h2 id="types-title">Simplified event types</h2>
        <button type="button" className="button-secondary" onClick={() => setEditing('new')}>
          Add type
        </button>
      </div>
      <p className="hint">What reporters pick on "Report an incident", and the Basel type a risk officer is offered.</p>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">Simplified event types</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Name</th>
              <th scope="col">Short description</th>
              <th scope="col">Basel map</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {config.simplified_types.map((t) => (
              <tr key={t.id} className={t.is_active ? undefined : 'row-inactive'}>
                <td className="num">{t.sort_order}</td>
                <td>
                  {t.name} {!t.is_active && <Badge tone="warning">Inactive</Badge>}
                </td>
                <td>{t.short_desc}</td>
                <td>
                  {t.basel_map.length === 0 ? (
                    <span className="muted">None</span>
                  ) : (
                    t.basel_map.map((m) => (
                      <span
                        key={m.basel_event_type_id}
                        className="settings-map-item"
                        title={baselName(m.basel_event_type_id)}
                      >
                        {m.basel_event_type_id}
                        {m.is_default ? ' ✓' : ''}
                      </span>
                    ))
                  )}
                </td>
                <td className="nowrap">
                  <button type="button" className="button-secondary button-small" onClick={() => setEditing(t)}>
                    Edit<span className="visually-hidden"> {t.name}</span>
                  </button>{' '}
                  <button type="button" className="button-secondary button-small" onClick={() => setMapping(t)}>
                    Basel map<span className="visually-hidden"> of {t.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && (
        <SimplifiedTypeForm
          key={editing === 'new' ? 'new' : editing.id}
          initial={editing === 'new' ? null : editing}
          nextOrder={Math.max(0, ...config.simplified_types.map((t) => t.sort_order)) + 1}
          onClose={() => setEditing(null)}
          onSaved={done}
        />
      )}
      {mapping && (
        <BaselMapEditor
          key={mapping.id}
          type={mapping}
          basel={config.basel_event_types}
          onClose={() => setMapping(null)}
          onSaved={done}
        />
      )}
    </section>
  )
}
