import { useId, useState } from 'react'
import type { ApiError } from '#renderer/api'
import { describedField } from '#renderer/lib/form-errors'
import { count, lengthOf } from '#renderer/lib/text-count'
import { Dialog } from './Dialog'
import { ErrorBanner } from './ErrorBanner'
import { FieldError } from './FieldError'

type Props = {
  title: string
  label: string
  submitLabel: string
  /** 0 for an optional text. */
  min: number
  max: number
  /**
   * How the length rule reads. 'range' (measures §14, controls): "Between 10 and 1,000 characters.". 'minimum'
   * (risks §15 "Reason dialogs"): "At least 20 characters, at most 2,000." (or "Optional, …" when min is 0), and
   * the counter says how many characters are still needed.
   */
  rule?: 'range' | 'minimum'
  /**
   * The input field the catalogue names in its VALIDATION issues (reason, note, comment…). Without it, any issue on
   * a single field other than the record's id and version goes under the box.
   */
  field?: string
  initial?: string
  /** What happens with the text, e.g. "It is added to the notes log." */
  note?: string | undefined
  danger?: boolean
  busy: boolean
  /** Runs the command; the error it answers stays in the dialog, with the typed text. */
  onSubmit: (text: string) => Promise<ApiError | null>
  onClose: () => void
}

/** A reason or note dialog: a text box with a live character counter and the min/max rule the catalogue gave. */
export function TextDialog(props: Props) {
  const { title, label, submitLabel, min, max, rule = 'range', field, note, danger, busy, onSubmit, onClose } = props
  const id = `text-${useId().replace(/:/g, '')}`
  const [text, setText] = useState(props.initial ?? '')
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [error, setError] = useState<ApiError | null>(null)
  const length = lengthOf(text)
  const short = min > 0 && length < min
  const words =
    rule === 'range'
      ? `Between ${count(min)} and ${count(max)} characters.`
      : min > 0
        ? `At least ${count(min)} characters, at most ${count(max)}.`
        : `Optional, at most ${count(max)} characters.`

  const submit = async () => {
    // The catalogue judges the length and answers in its own words; the counter is the early hint.
    setError(null)
    setFieldError(undefined)
    const failed = await onSubmit(text.trim())
    if (!failed) return onClose()
    const onField = failed.issues.find((i) =>
      field === undefined
        ? i.path.length === 1 && i.path[0] !== 'id' && i.path[0] !== 'expected_version'
        : i.path[0] === field,
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
        <p className={`hint counter${length > max || (length > 0 && short) ? ' over' : ''}`} id={`${id}-count`}>
          <span>{words}</span>{' '}
          <span aria-live="polite">
            {count(length)} / {count(max)}
            {rule === 'minimum' && short ? ` (${count(min - length)} more needed)` : ''}
          </span>
        </p>
        <FieldError id={id} message={fieldError} />
      </div>
      {note && <p className="muted">{note}</p>}
    </Dialog>
  )
}
