import { api } from '#renderer/api'
import { CommentBox, LocalTime } from '#renderer/components/index'
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
      {m.permissions.can_comment && <MeasureComment measure={m} />}
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
function MeasureComment({ measure: m }: { measure: MeasureDetail }) {
  const run = useMeasureDetail((s) => s.run)
  const busy = useMeasureDetail((s) => s.busy)
  return (
    <CommentBox
      id="measure-comment"
      max={MAX}
      busy={busy}
      onSubmit={(comment) => run(() => api.call('measure.addComment', { id: m.id, comment }))}
    />
  )
}
