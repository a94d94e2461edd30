import { useState } from 'react'
import { api, type ApiError } from '#renderer/api'
import { ErrorBanner, FieldError, LocalTime } from '#renderer/components/index'
import { describedField } from '#renderer/lib/form-errors'
import { count } from './labels'
import { lengthOf } from './MeasureBits'
import { useMeasureDetail } from './measure-store'
import type { MeasureDetail } from './measure-types'
import { noteIso, parseNotes } from './notes-log'

const PREFIX: Record<string, { label: string; tone: string }> = {
  COMMENT: { label: 'Comment', tone: 'note-comment' },
  EVIDENCE: { label: 'Evidence', tone: 'note-evidence' },
  'REASON FOR RETURN': { label: 'Reason for return', tone: 'note-return' },
  'REASON FOR CANCELLATION': { label: 'Reason for cancellation', tone: 'note-cancel' },
}

/** measures §8 / §14: the notes log as a timeline, newest first, one card per entry with its prefix as a badge. */
export function NotesTimeline({ measure: m }: { measure: MeasureDetail }) {
  const entries = parseNotes(m.notes)
  return (
    <section className="panel" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes</h2>
      {m.permissions.can_comment && <CommentBox measure={m} />}
      {entries.length === 0 ? (
        <p className="muted">No notes yet.</p>
      ) : (
        <ol className="timeline" aria-label="Notes log, newest first">
          {entries.map((e, n) => {
            const kind = PREFIX[e.prefix]
            return (
              <li key={`${e.at}-${n}`} className={`timeline-card ${kind?.tone ?? ''}`}>
                <p className="timeline-head">
                  {kind && <span className={`badge note-badge ${kind.tone}`}>{kind.label}</span>}
                  {e.email && <span className="timeline-who">{e.email}</span>}
                  {e.at && <LocalTime iso={noteIso(e.at)} />}
                </p>
                <p className="prewrap">{e.content}</p>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}

const MAX = 1000

/** measures §9: a participant's comment goes on top of the log, in any state. */
function CommentBox({ measure: m }: { measure: MeasureDetail }) {
  const run = useMeasureDetail((s) => s.run)
  const busy = useMeasureDetail((s) => s.busy)
  const [text, setText] = useState('')
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [error, setError] = useState<ApiError | null>(null)
  const length = lengthOf(text)

  const submit = async () => {
    setError(null)
    setFieldError(undefined)
    const failed = await run(() => api.call('measure.addComment', { id: m.id, comment: text }))
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
        <label htmlFor="measure-comment">Add a comment</label>
        <textarea
          {...describedField('measure-comment', fieldError, { hintId: 'measure-comment-count' })}
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <p className={`hint counter${length > MAX ? ' over' : ''}`} id="measure-comment-count">
          Between 1 and {count(MAX)} characters. {count(length)} / {count(MAX)}
        </p>
        <FieldError id="measure-comment" message={fieldError} />
      </div>
      <div className="inline">
        <button type="submit" className="button-secondary" disabled={busy}>
          Add comment
        </button>
      </div>
    </form>
  )
}
