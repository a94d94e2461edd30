import { useCallback, useState } from 'react'
import { api, type ApiError } from '#renderer/api'
import { ErrorBanner, FieldError, LoadMore } from '#renderer/components/index'
import { usePaged } from '#renderer/hooks/use-paged'
import { describedField } from '#renderer/lib/form-errors'
import { formatUtc, utcToLocalInput } from '#renderer/lib/time'
import { count, lengthOf, noteHeader } from './labels'
import { useRiskDetail } from './risk-store'
import type { RiskDetail } from './risk-types'

const TONE: Record<string, string> = {
  COMMENT: 'note-comment',
  RETURNED_FOR_REVISION: 'note-return',
  REASSESSMENT_REQUESTED: 'note-evidence',
  RETIREMENT: 'note-cancel',
}

/** risks.md §2.3 / §9: the notes newest first as `[YYYY-MM-DD HH:mm - email - PREFIX]:` and the body below. */
export function NotesTab({ risk: r }: { risk: RiskDetail }) {
  const generation = useRiskDetail((s) => s.generation)
  const notes = usePaged(
    // A new generation (any command on the risk) is a new query: the notes load again from the newest.
    useCallback(
      (cursor: string | undefined) => {
        void generation
        return api.call('risk.notes', { risk_id: r.id, ...(cursor === undefined ? {} : { cursor }) })
      },
      [r.id, generation],
    ),
  )
  return (
    <section className="panel" aria-labelledby="risk-notes-title">
      <h2 id="risk-notes-title">Notes</h2>
      {r.permissions.can_comment && <CommentBox risk={r} />}
      <ErrorBanner error={notes.error} onRetry={notes.reload} />
      {notes.loading ? (
        <p className="muted" role="status">
          Loading notes…
        </p>
      ) : notes.items.length === 0 && !notes.error ? (
        <p className="empty">No notes yet.</p>
      ) : (
        <ol className="timeline risk-notes" aria-label="Notes, newest first">
          {notes.items.map((n) => (
            <li key={n.id} className={`timeline-card ${TONE[n.kind] ?? ''}`}>
              <p className="risk-note-head" title={formatUtc(n.created_at)}>
                {noteHeader(utcToLocalInput(n.created_at), n.author_email, n.kind)}
              </p>
              <p className="prewrap">{n.body}</p>
            </li>
          ))}
        </ol>
      )}
      <LoadMore hasMore={notes.hasMore} busy={notes.loadingMore} onLoadMore={() => void notes.loadMore()} />
    </section>
  )
}

const MAX = 2000

/** §9: a participant's comment goes on top of the notes; comments do not change the risk's version. */
function CommentBox({ risk: r }: { risk: RiskDetail }) {
  const run = useRiskDetail((s) => s.run)
  const busy = useRiskDetail((s) => s.busy)
  const [text, setText] = useState('')
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [error, setError] = useState<ApiError | null>(null)
  const length = lengthOf(text)

  const submit = async () => {
    setError(null)
    setFieldError(undefined)
    const failed = await run(() => api.call('risk.addComment', { risk_id: r.id, comment: text }))
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
        <label htmlFor="risk-comment">Add a comment</label>
        <textarea
          {...describedField('risk-comment', fieldError, { hintId: 'risk-comment-count' })}
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <p className={`hint counter${length > MAX ? ' over' : ''}`} id="risk-comment-count">
          Between 1 and {count(MAX)} characters. {count(length)} / {count(MAX)}
        </p>
        <FieldError id="risk-comment" message={fieldError} />
      </div>
      <div className="inline">
        <button type="submit" className="button-secondary" disabled={busy}>
          Add comment
        </button>
      </div>
    </form>
  )
}
