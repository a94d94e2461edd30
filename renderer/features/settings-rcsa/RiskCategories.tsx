import { useState } from 'react'
import { Badge } from '#renderer/components/index'
import { CategoryForm } from './CategoryForm'
import type { BaselType, RiskCategoryRow, RiskConfig } from './types'

type Props = { config: RiskConfig; basel: readonly BaselType[]; onSaved: () => void }

/** risks.md §3.4: categories and the Basel event types they allow (the Basel picker on a risk offers only those). */
export function RiskCategories({ config, basel, onSaved }: Props) {
  const [editing, setEditing] = useState<RiskCategoryRow | 'new' | null>(null)
  const [status, setStatus] = useState('')
  const nameOf = (id: string) => basel.find((b) => b.id === id)?.name ?? id
  const saved = (message: string) => {
    setEditing(null)
    setStatus(message)
    onSaved()
  }

  return (
    <section className="panel settings-section" aria-labelledby="risk-categories-title">
      <div className="settings-head">
        <h2 id="risk-categories-title">Categories and Basel event types</h2>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            setStatus('')
            setEditing('new')
          }}
        >
          Add category
        </button>
      </div>
      <p className="hint">
        A level-1 type allows all its level-2 types. A change applies to the next save, submission or approval of a
        risk; risks already using a type the category no longer allows are stopped at their next step.
      </p>
      <p className="settings-status muted" role="status">
        {status}
      </p>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">Risk categories</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Name</th>
              <th scope="col">Allowed Basel event types</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {config.categories.map((c) => (
              <tr key={c.id} className={c.is_active ? undefined : 'row-inactive'}>
                <td className="rcsa-code">{c.id}</td>
                <td>
                  {c.name} {!c.is_active && <Badge tone="warning">Inactive</Badge>}
                  {c.description && <div className="muted rcsa-small">{c.description}</div>}
                </td>
                <td>
                  <ul className="rcsa-type-list" aria-label={`Basel event types of ${c.name}`}>
                    {c.event_type_ids.map((id) => (
                      <li key={id}>
                        <span className="rcsa-code">{id}</span> {nameOf(id)}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="nowrap">
                  <button
                    type="button"
                    className="button-secondary button-small"
                    onClick={() => {
                      setStatus('')
                      setEditing(c)
                    }}
                  >
                    Edit<span className="visually-hidden">{` ${c.name}`}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && (
        <CategoryForm
          key={editing === 'new' ? 'new' : editing.id}
          initial={editing === 'new' ? null : editing}
          basel={basel}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
    </section>
  )
}
