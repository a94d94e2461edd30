import { useCallback } from 'react'
import { api } from '#renderer/api'
import { CommentBox, ErrorBanner, LoadMore } from '#renderer/components/index'
import { usePaged } from '#renderer/hooks/use-paged'
import { formatUtc, utcToLocalInput } from '#renderer/lib/time'
import { noteHeader } from './labels'
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
      {r.permissions.can_comment && <RiskComment risk={r} />}
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
function RiskComment({ risk: r }: { risk: RiskDetail }) {
  const run = useRiskDetail((s) => s.run)
  const busy = useRiskDetail((s) => s.busy)
  return (
    <CommentBox
      id="risk-comment"
      max={MAX}
      busy={busy}
      onSubmit={(comment) => run(() => api.call('risk.addComment', { risk_id: r.id, comment }))}
    />
  )
}
