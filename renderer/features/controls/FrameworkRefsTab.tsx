import { useState, type FormEvent } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, FieldError, LocalTime } from '#renderer/components/index'
import { describedField } from '#renderer/lib/form-errors'
import type { ControlData, FrameworkRef } from './control-types'
import { useFrameworks } from './options'

type Props = { control: ControlData; onChanged: () => void }
type Field = 'framework_id' | 'clause_code' | 'clause_title'

/** controls.md §3.2, §11: the control's framework clauses; risk officers of its BU add and remove them. */
export function FrameworkRefsTab({ control: c, onChanged }: Props) {
  const canEdit = c.permissions.can_edit
  const [removing, setRemoving] = useState<FrameworkRef | null>(null)
  const [removeError, setRemoveError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const remove = async () => {
    if (!removing) return
    setBusy(true)
    setRemoveError(null)
    try {
      await api.call('control.removeFrameworkRef', { control_id: c.id, ref_id: removing.id })
      setRemoving(null)
      onChanged()
    } catch (e) {
      setRemoveError(toApiError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="panel" aria-labelledby="frameworks-title">
      <h2 id="frameworks-title">Framework references</h2>
      {c.framework_refs.length === 0 ? (
        <p className="empty">No framework clauses are referenced yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Framework references</caption>
            <thead>
              <tr>
                <th scope="col">Framework</th>
                <th scope="col">Clause</th>
                <th scope="col">Clause title</th>
                <th scope="col">Added</th>
                {canEdit && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {c.framework_refs.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.framework_name}
                    {!r.framework_active && <span className="badge badge-neutral">Framework inactive</span>}
                  </td>
                  <td className="nowrap mono">{r.clause_code}</td>
                  <td>{r.clause_title ?? <span className="muted">—</span>}</td>
                  <td className="nowrap">
                    <LocalTime iso={r.created_at} />
                  </td>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        className="button-link"
                        aria-label={`Remove ${r.framework_name} ${r.clause_code}`}
                        onClick={() => setRemoving(r)}
                      >
                        Remove
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && <AddFrameworkRef controlId={c.id} onAdded={onChanged} />}
      {removing && (
        <Dialog
          title="Remove framework reference"
          submitLabel="Remove"
          danger
          busy={busy}
          onClose={() => setRemoving(null)}
          onSubmit={() => void remove()}
        >
          <ErrorBanner error={removeError} />
          <p>
            Remove {removing.framework_name} <strong>{removing.clause_code}</strong> from this control?
          </p>
        </Dialog>
      )}
    </section>
  )
}

function AddFrameworkRef({ controlId, onAdded }: { controlId: string; onAdded: () => void }) {
  const frameworks = useFrameworks(true)
  const [frameworkId, setFrameworkId] = useState('')
  const [clause, setClause] = useState('')
  const [title, setTitle] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [banner, setBanner] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const chosen = frameworks.data?.items.find((f) => f.id === frameworkId)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setBanner(null)
    setErrors({})
    try {
      await api.call('control.addFrameworkRef', {
        control_id: controlId,
        framework_id: frameworkId,
        clause_code: clause,
        ...(title.trim() ? { clause_title: title } : {}),
      })
      setClause('')
      setTitle('')
      onAdded()
    } catch (err) {
      const error = toApiError(err)
      const fieldErrors: Partial<Record<Field, string>> = {}
      for (const i of error.issues) {
        const f = i.path[0]
        if (f === 'framework_id' || f === 'clause_code' || f === 'clause_title') fieldErrors[f] ??= i.message
      }
      if (!frameworkId) fieldErrors.framework_id = 'Choose a framework.'
      setErrors(fieldErrors)
      if (Object.keys(fieldErrors).length === 0) setBanner(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="subform" onSubmit={(e) => void submit(e)} aria-labelledby="add-ref-title" noValidate>
      <h3 id="add-ref-title">Add framework reference</h3>
      <ErrorBanner error={banner} />
      <div className="field-row">
        <div className="field field-grow">
          <label htmlFor="ref-framework">Framework</label>
          <select
            {...describedField('ref-framework', errors.framework_id)}
            value={frameworkId}
            onChange={(e) => setFrameworkId(e.target.value)}
          >
            <option value="">{frameworks.loading ? 'Loading frameworks…' : 'Choose a framework…'}</option>
            {frameworks.data?.items.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
          <FieldError id="ref-framework" message={errors.framework_id} />
        </div>
        <div className="field">
          <label htmlFor="ref-clause">Clause</label>
          <input
            {...describedField('ref-clause', errors.clause_code, { hintId: 'ref-clause-hint' })}
            type="text"
            placeholder={chosen?.clause_example ?? ''}
            value={clause}
            onChange={(e) => setClause(e.target.value)}
          />
          <p className="hint" id="ref-clause-hint">
            {chosen
              ? chosen.clause_example
                ? `Format: e.g. ${chosen.clause_example}`
                : 'Any clause code.'
              : 'Choose the framework first.'}
          </p>
          <FieldError id="ref-clause" message={errors.clause_code} />
        </div>
        <div className="field field-grow">
          <label htmlFor="ref-title">Clause title (optional)</label>
          <input
            {...describedField('ref-title', errors.clause_title)}
            type="text"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <FieldError id="ref-title" message={errors.clause_title} />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          Add reference
        </button>
      </div>
    </form>
  )
}
