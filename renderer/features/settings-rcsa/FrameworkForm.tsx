import { useState, type FormEvent } from 'react'
import { v7 } from 'uuid'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, FieldError } from '#renderer/components/index'
import { describedField, type FieldErrors } from '#renderer/lib/form-errors'
import {
  createInput,
  fieldOfPath,
  updateChanges,
  valuesOf,
  type FrameworkField,
  type FrameworkValues,
} from './framework-form'
import type { FrameworkRow } from './types'

type Props = { initial: FrameworkRow | null; onClose: () => void; onSaved: (message: string) => void }

const HINTS: Record<FrameworkField, string> = {
  code: 'Capital letters, digits or underscores, e.g. ISO27001_2022.',
  name: '',
  clause_pattern:
    'A regular expression every clause code must match, e.g. ^A\\.[5-8]\\.\\d{1,2}$. Leave blank to accept any clause.',
  clause_example: 'Shown when a clause code does not match, e.g. A.8.15. It must match the pattern.',
}
const LABELS: Record<FrameworkField, string> = {
  code: 'Code',
  name: 'Name',
  clause_pattern: 'Clause pattern',
  clause_example: 'Clause example',
}

/** controls.md §3.2 `framework.create` / `framework.update`; the catalogue checks code, pattern and example. */
export function FrameworkForm({ initial, onClose, onSaved }: Props) {
  const [v, setV] = useState<FrameworkValues>(() => valuesOf(initial))
  const [errors, setErrors] = useState<FieldErrors<FrameworkField>>({})
  const [banner, setBanner] = useState<{ error: ApiError; message: string } | null>(null)
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBanner(null)
    setStatus('')
    try {
      setBusy(true)
      if (initial) {
        const changes = updateChanges(initial, v)
        if (Object.keys(changes).length === 0) {
          setErrors({})
          setStatus('Nothing to save: no field changed.')
          setBusy(false)
          return
        }
        await api.call('framework.update', { id: initial.id, changes })
      } else {
        await api.call('framework.create', { id: v7(), ...createInput(v) })
      }
      onSaved(`Framework ${v.code.trim()} saved.`)
    } catch (err) {
      const error = toApiError(err)
      const next: FieldErrors<FrameworkField> = {}
      const elsewhere: string[] = []
      for (const issue of error.issues) {
        const field = fieldOfPath(issue.path)
        if (field) next[field] ??= issue.message
        else elsewhere.push(issue.message)
      }
      setErrors(next)
      if (error.code !== 'VALIDATION' || elsewhere.length > 0)
        setBanner({ error, message: elsewhere.length > 0 ? elsewhere.join(' ') : error.message })
      setBusy(false)
    }
  }

  const field = (name: FrameworkField, mono = false) => {
    const id = `framework-${name}`
    const hint = HINTS[name]
    return (
      <div className={`field${name === 'name' || name === 'clause_pattern' ? ' field-grow' : ''}`}>
        <label htmlFor={id}>{LABELS[name]}</label>
        <input
          {...describedField(id, errors[name], hint ? { hintId: `${id}-hint` } : {})}
          type="text"
          className={mono ? 'rcsa-mono' : undefined}
          spellCheck={!mono}
          value={v[name]}
          onChange={(e) =>
            setV((s) => ({ ...s, [name]: name === 'code' ? e.target.value.toUpperCase() : e.target.value }))
          }
        />
        {hint && (
          <p id={`${id}-hint`} className="hint">
            {hint}
          </p>
        )}
        <FieldError id={id} message={errors[name]} />
      </div>
    )
  }

  return (
    <form
      className="form form-wide settings-editor"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="framework-editor-title"
    >
      <h3 id="framework-editor-title">{initial ? `Edit framework ${initial.code}` : 'New framework'}</h3>
      <ErrorBanner error={banner?.error ?? null} message={banner?.message} />
      <div className="field-row">
        {field('code', true)}
        {field('name')}
      </div>
      <div className="field-row">
        {field('clause_pattern', true)}
        {field('clause_example', true)}
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {initial ? 'Save framework' : 'Add framework'}
        </button>
        <button type="button" className="button-secondary" onClick={onClose}>
          Cancel
        </button>
        <span className="muted" role="status">
          {status}
        </span>
      </div>
    </form>
  )
}
