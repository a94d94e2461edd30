import { useState, type FormEvent } from 'react'
import { v7 } from 'uuid'
import { SimplifiedTypeInput } from '#shared/incident-config/config.schema'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, FieldError } from '#renderer/components/index'
import { describedField, splitError, type FieldErrors } from '#renderer/lib/form-errors'
import type { SimplifiedTypeRow } from './settings-types'

const FIELDS = ['name', 'short_desc', 'front_end_hint', 'sort_order'] as const
type Field = (typeof FIELDS)[number]
type Props = { initial: SimplifiedTypeRow | null; nextOrder: number; onClose: () => void; onSaved: () => void }

/** Name 1–100 (unique), short description 1–500, hint 0–500 (incidents §3.5, §13). */
export function SimplifiedTypeForm({ initial, nextOrder, onClose, onSaved }: Props) {
  const [v, setV] = useState({
    name: initial?.name ?? '',
    short_desc: initial?.short_desc ?? '',
    front_end_hint: initial?.front_end_hint ?? '',
    sort_order: String(initial?.sort_order ?? nextOrder),
    is_active: initial?.is_active ?? true,
  })
  const [errors, setErrors] = useState<FieldErrors<Field>>({})
  const [banner, setBanner] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBanner(null)
    const order = v.sort_order.trim()
    const input = { ...v, id: initial?.id ?? v7(), sort_order: /^\d+$/.test(order) ? Number(order) : NaN }
    const early = SimplifiedTypeInput.safeParse(input)
    if (!early.success) {
      const next: FieldErrors<Field> = {}
      for (const i of early.error.issues)
        next[i.path[0] as Field] ??= i.path[0] === 'sort_order' ? 'Enter a whole number.' : i.message
      setErrors(next)
      return
    }
    setErrors({})
    setBusy(true)
    try {
      await api.call('incidentConfig.saveSimplifiedType', input)
      onSaved()
    } catch (err) {
      const split = splitError(toApiError(err), FIELDS)
      setErrors(split.fieldErrors)
      setBanner(split.banner?.error ?? null)
      setBusy(false)
    }
  }
  const text = (name: Exclude<Field, 'sort_order'>, label: string, multiline = false) => (
    <div className="field">
      <label htmlFor={`type-${name}`}>{label}</label>
      {multiline ? (
        <textarea
          {...describedField(`type-${name}`, errors[name])}
          rows={2}
          value={v[name]}
          onChange={(e) => setV((s) => ({ ...s, [name]: e.target.value }))}
        />
      ) : (
        <input
          {...describedField(`type-${name}`, errors[name])}
          type="text"
          value={v[name]}
          onChange={(e) => setV((s) => ({ ...s, [name]: e.target.value }))}
        />
      )}
      <FieldError id={`type-${name}`} message={errors[name]} />
    </div>
  )

  return (
    <form
      className="form form-wide settings-editor"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="type-editor-title"
    >
      <h3 id="type-editor-title">{initial ? `Edit “${initial.name}”` : 'New simplified type'}</h3>
      <ErrorBanner error={banner} />
      {text('name', 'Name')}
      {text('short_desc', 'Short description')}
      {text('front_end_hint', 'Hint for reporters', true)}
      <div className="field-row">
        <div className="field">
          <label htmlFor="type-sort_order">Order on the form</label>
          <input
            {...describedField('type-sort_order', errors.sort_order)}
            type="text"
            inputMode="numeric"
            value={v.sort_order}
            onChange={(e) => setV((s) => ({ ...s, sort_order: e.target.value }))}
          />
          <FieldError id="type-sort_order" message={errors.sort_order} />
        </div>
        <div className="field field-toggle">
          <input
            id="type-active"
            type="checkbox"
            className="toggle"
            checked={v.is_active}
            onChange={(e) => setV((s) => ({ ...s, is_active: e.target.checked }))}
          />
          <label htmlFor="type-active">Offered to reporters</label>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          Save type
        </button>
        <button type="button" className="button-secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  )
}
