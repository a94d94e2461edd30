import { useState, type ReactNode } from 'react'
import { api, type ApiError } from '#renderer/api'
import { describedField } from '#renderer/lib/form-errors'
import type { EditableField } from '#shared/measures/measure.constants'
import { FIELD_LABELS } from './labels'
import { LockIcon } from './MeasureBits'
import { useMeasureDetail } from './measure-store'
import type { MeasureDetail } from './measure-types'

type Control = (value: string, set: (v: string) => void, props: ReturnType<typeof describedField>) => ReactNode

type Props = {
  measure: MeasureDetail
  field: EditableField
  /** The stored value as measure.update's `before` wants it. */
  stored: string | null
  /** The locked field's value in words. */
  shown: string
  control: Control
  multiline?: boolean
  after?: ReactNode
}

const errorFor = (e: ApiError, field: string) =>
  e.issues.find((i) => i.path.includes(field))?.message ?? (e.issues[0]?.message || e.message)

/**
 * measures §6 / §14: an editable field is edited in place and saved on its own with its base value; a locked one
 * is read-only with a lock icon. editable_fields from measure.get decides which is which.
 */
export function InlineField({ measure: m, field, stored, shown, control, multiline = false, after }: Props) {
  const run = useMeasureDetail((s) => s.run)
  const busy = useMeasureDetail((s) => s.busy)
  // null: not edited, the field shows what is stored (and follows a reload).
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | undefined>()
  const id = `measure-${field}`
  const label = FIELD_LABELS[field]
  const editable = m.permissions.editable_fields.includes(field)
  const value = draft ?? stored ?? ''
  const next = field === 'deadline' && value === '' ? null : value
  const dirty = draft !== null && next !== stored

  const save = async () => {
    setError(undefined)
    const failed = await run(() =>
      api.call('measure.update', { id: m.id, changes: { [field]: { before: stored, after: next } } }),
    )
    if (failed) return setError(errorFor(failed, field))
    setDraft(null)
  }
  const cancel = () => {
    setDraft(null)
    setError(undefined)
  }

  if (!editable) {
    const tip = `Locked in ${m.status.name} for your role`
    const common = { id, readOnly: true, value: shown || '—', 'aria-describedby': `${id}-lock` }
    return (
      <div className={`field field-locked${multiline ? ' field-wide' : ''}`} role="group" aria-label={label}>
        <label htmlFor={id}>{label}</label>
        <div className="locked" id={`${id}-lock`}>
          {multiline ? (
            <textarea {...common} rows={Math.min(8, shown.split('\n').length + 1)} />
          ) : (
            <input type="text" {...common} />
          )}
          <LockIcon tip={tip} />
        </div>
        {after}
      </div>
    )
  }

  return (
    <div className={`field${multiline ? ' field-wide' : ''}`} role="group" aria-label={label}>
      <label htmlFor={id}>{label}</label>
      {control(value, (v) => setDraft(v), describedField(id, error))}
      {after}
      {error && (
        <p id={`${id}-error`} role="alert" className="field-error">
          {error}
        </p>
      )}
      {dirty && (
        <div className="inline inline-save">
          <button type="button" className="button-primary button-small" disabled={busy} onClick={() => void save()}>
            Save {label.toLowerCase()}
          </button>
          <button type="button" className="button-secondary button-small" disabled={busy} onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
    </div>
  )
}
