import type { ReactNode } from 'react'
import { FieldError } from '#renderer/components/index'
import { describedField } from '#renderer/lib/form-errors'
import { useIncidentDetail } from '#renderer/stores/incident-detail'
import { digitsOf, useReference } from '#renderer/stores/reference'
import type { IncidentDetail } from '#renderer/types'
import type { EditField, EditValues } from './edit-form'
import { displayValue, lockText } from './field-display'

export type ControlProps = ReturnType<typeof describedField>

type Props = {
  name: EditField
  label: string
  hint?: string
  wide?: boolean
  /** The input for an editable field; a locked one is shown read-only with a lock instead. */
  control: (props: ControlProps) => ReactNode
}

/** One field of the edit form: label, input or locked value, hint and error (STYLE §6 wiring). */
export function FormField({ name, label, hint, wide = false, control }: Props) {
  const incident = useIncidentDetail((s) => s.incident)
  const error = useIncidentDetail((s) => s.errors[name])
  const highlighted = useIncidentDetail((s) => s.highlighted.includes(name))
  if (!incident) return null
  const editable = incident.editable_fields.includes(name)
  const hintId = hint && editable ? `${name}-hint` : undefined
  return (
    <div className={`field${wide ? ' field-wide' : ''}${editable ? '' : ' field-locked'}`}>
      <label htmlFor={name}>{label}</label>
      {editable ? (
        control(describedField(name, error, { highlighted, ...(hintId ? { hintId } : {}) }))
      ) : (
        <LockedValue name={name} incident={incident} highlighted={highlighted} multiline={name === 'description'} />
      )}
      {hintId && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldError id={name} message={error} />
    </div>
  )
}

type LockedProps = { name: EditField; incident: IncidentDetail; highlighted: boolean; multiline: boolean }

/** incidents §6.4 / INC-18: read-only, a lock icon, and "Locked in <state> for your role". */
function LockedValue({ name, incident, highlighted, multiline }: LockedProps) {
  const form = useReference((s) => s.form)
  const text = displayValue(name, incident, (c) => digitsOf(form, c))
  const tip = lockText(incident)
  const common = {
    id: name,
    readOnly: true,
    value: text === '' ? '—' : text,
    title: tip,
    'aria-invalid': highlighted,
    'aria-describedby': `${name}-lock`,
  }
  return (
    <div className="locked">
      {multiline ? (
        <textarea {...common} rows={Math.min(8, text.split('\n').length + 1)} />
      ) : (
        <input type="text" {...common} />
      )}
      <LockIcon id={`${name}-lock`} tip={tip} />
    </div>
  )
}

/** The lock's title is its text for assistive technology too: the locked input points at it (aria-describedby). */
export function LockIcon({ id, tip }: { id: string; tip: string }) {
  return (
    <span id={id} className="lock-icon" title={tip} data-tip={tip} tabIndex={0}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" focusable="false">
        <path
          fill="currentColor"
          d="M17 9h-1V7a4 4 0 0 0-8 0v2H7a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2Zm-7-2a2 2 0 1 1 4 0v2h-4V7Zm3 9.73V18h-2v-1.27a2 2 0 1 1 2 0Z"
        />
      </svg>
    </span>
  )
}

/** The value and setter of one field, for the controls of the sections. */
export function useField<K extends EditField>(name: K): [EditValues[K], (value: EditValues[K]) => void] {
  const value = useIncidentDetail((s) => s.values?.[name])
  const set = useIncidentDetail((s) => s.set)
  return [value as EditValues[K], (v) => set(name, v)]
}
