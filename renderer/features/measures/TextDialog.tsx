import { useId, useState } from 'react'
import type { ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, FieldError } from '#renderer/components/index'
import { describedField } from '#renderer/lib/form-errors'
import { count } from './labels'
import { lengthOf } from './MeasureBits'

type Props = {
  title: string
  label: string
  submitLabel: string
  min: number
  max: number
  /** What happens with the text, e.g. "It is added to the notes log." */
  note?: string | undefined
  danger?: boolean
  busy: boolean
  /** Runs the command; the error it answers stays in the dialog, with the typed text. */
  onSubmit: (text: string) => Promise<ApiError | null>
  onClose: () => void
}

/** measures §14: a text box, a character counter and the min/max rule the catalogue gave. */
export function TextDialog({ title, label, submitLabel, min, max, note, danger, busy, onSubmit, onClose }: Props) {
  const id = `text-${useId().replace(/:/g, '')}`
  const [text, setText] = useState('')
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [error, setError] = useState<ApiError | null>(null)
  const length = lengthOf(text)
  const rule = `Between ${count(min)} and ${count(max)} characters.`

  const submit = async () => {
    // The catalogue judges the length and answers in its own words; the counter is the early hint.
    setError(null)
    setFieldError(undefined)
    const failed = await onSubmit(text.trim())
    if (!failed) return onClose()
    const onField = failed.issues.find(
      (i) => i.path.length === 1 && i.path[0] !== 'id' && i.path[0] !== 'expected_version',
    )
    if (onField) setFieldError(onField.message)
    else setError(failed)
  }

  return (
    <Dialog
      title={title}
      submitLabel={submitLabel}
      busy={busy}
      danger={danger ?? false}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <ErrorBanner error={error} />
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea
          {...describedField(id, fieldError, { hintId: `${id}-count` })}
          rows={6}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <p className={`hint counter${length > max || (length > 0 && length < min) ? ' over' : ''}`} id={`${id}-count`}>
          <span>{rule}</span>{' '}
          <span aria-live="polite">
            {count(length)} / {count(max)}
          </span>
        </p>
        <FieldError id={id} message={fieldError} />
      </div>
      {note && <p className="muted">{note}</p>}
    </Dialog>
  )
}
