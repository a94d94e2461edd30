import { useState } from 'react'
import type { ApiError } from '#renderer/api'
import { describedField } from '#renderer/lib/form-errors'
import { count, lengthOf } from '#renderer/lib/text-count'
import { ErrorBanner } from './ErrorBanner'
import { FieldError } from './FieldError'

type Props = {
  /** The text box's id, e.g. "risk-comment"; the counter is `${id}-count`. */
  id: string
  max: number
  busy: boolean
  /** Runs the add-comment command with the text as typed; the error it answers stays with the text. */
  onSubmit: (comment: string) => Promise<ApiError | null>
}

/**
 * "Add a comment" above a record's notes (measures §9, risks §9). A successful comment empties the box; the
 * catalogue judges the length and its `comment` issue shows under the box.
 */
export function CommentBox({ id, max, busy, onSubmit }: Props) {
  const [text, setText] = useState('')
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [error, setError] = useState<ApiError | null>(null)
  const length = lengthOf(text)

  const submit = async () => {
    setError(null)
    setFieldError(undefined)
    const failed = await onSubmit(text)
    if (!failed) return setText('')
    const onComment = failed.issues.find((i) => i.path[0] === 'comment')
    if (onComment) setFieldError(onComment.message)
    else setError(failed)
  }

  return (
    <form
      className="comment-box"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <ErrorBanner error={error} />
      <div className="field">
        <label htmlFor={id}>Add a comment</label>
        <textarea
          {...describedField(id, fieldError, { hintId: `${id}-count` })}
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <p className={`hint counter${length > max ? ' over' : ''}`} id={`${id}-count`}>
          Between 1 and {count(max)} characters. {count(length)} / {count(max)}
        </p>
        <FieldError id={id} message={fieldError} />
      </div>
      <div className="inline">
        <button type="submit" className="button-secondary" disabled={busy}>
          Add comment
        </button>
      </div>
    </form>
  )
}
