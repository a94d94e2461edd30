import { useId, useState, type ReactNode } from 'react'
import type { ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, FieldError } from '#renderer/components/index'
import { describedField } from '#renderer/lib/form-errors'
import { count, lengthOf } from './labels'

type Props = {
  title: string
  label: string
  submitLabel: string
  /** 0 for an optional text. */
  min: number
  max: number
  /** The input field the catalogue names in its VALIDATION issues (reason, note, comment…). */
  field: string
  initial?: string
  note?: ReactNode
  danger?: boolean
  busy: boolean
  /** Runs the command; the error it answers stays in the dialog, with the typed text. */
  onSubmit: (text: string) => Promise<ApiError | null>
  onClose: () => void
}

/**
 * risks.md §15 "Reason dialogs": a text box with a live character counter and the length rule (20-character
 * minimum for send back and retire). The counter is a hint; the catalogue judges the length in its own words.
 */
export function TextDialog(props: Props) {
  const { title, label, submitLabel, min, max, field, note, danger, busy, onSubmit, onClose } = props
  const id = `text-${useId().replace(/:/g, '')}`
  const [text, setText] = useState(props.initial ?? '')
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [error, setError] = useState<ApiError | null>(null)
  const length = lengthOf(text)
  const rule =
    min > 0
      ? `At least ${count(min)} characters, at most ${count(max)}.`
      : `Optional, at most ${count(max)} characters.`
  const short = min > 0 && length < min

  const submit = async () => {
    setError(null)
    setFieldError(undefined)
    const failed = await onSubmit(text.trim())
    if (!failed) return onClose()
    const onField = failed.issues.find((i) => i.path[0] === field)
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
          <span>{rule}</span>{' '}
          <span aria-live="polite">
            {count(length)} / {count(max)}
            {short ? ` (${count(min - length)} more needed)` : ''}
          </span>
        </p>
        <FieldError id={id} message={fieldError} />
      </div>
      {note && <div className="muted">{note}</div>}
    </Dialog>
  )
}
