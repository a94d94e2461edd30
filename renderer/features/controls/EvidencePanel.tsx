import { useCallback, useState } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, LocalTime, TextDialog } from '#renderer/components/index'
import { useLoad } from '#renderer/hooks/use-load'
import type { ControlData, EvidenceItem } from './control-types'
import { EvidenceDialog } from './EvidenceDialog'
import { evidenceStateText, newerPending } from './evidence-state'
import { kindLabel } from './labels'
import { useMyId } from './options'
import { useLastValue, useReloadOn } from './use-control'
import { ProofOnDate } from './ProofOnDate'
import { RevisionChain, RevisionFacts, RevisionActions } from './RevisionChain'

type Props = { control: ControlData; generation: number; onChanged: () => void }

type Pending =
  | { kind: 'add' }
  | { kind: 'revision'; evidence: EvidenceItem }
  | { kind: 'reject'; evidence: EvidenceItem; revisionId: string }
  | { kind: 'archive'; evidence: EvidenceItem }

/**
 * controls.md §6, §11 Evidence panel: one card per record with its state and latest revision; the revision chain
 * on request; Add evidence / Add revision (owner, risk officer), Accept / Reject (risk officer, not the uploader),
 * Open, Verify file (everyone who sees the control), Archive (risk officer), and "Proof on date…".
 */
export function EvidencePanel({ control: c, generation, onChanged }: Props) {
  const [archived, setArchived] = useState(false)
  const [version, setVersion] = useState(0)
  const load = useCallback(
    () => api.call('evidence.list', { control_id: c.id, include_archived: archived }),
    [c.id, archived],
  )
  const list = useLoad(load)
  useReloadOn(list.reload, generation + version)
  const items = useLastValue(list.data)?.items ?? null
  const [dialog, setDialog] = useState<Pending | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  const changed = () => {
    setVersion((v) => v + 1)
    onChanged()
  }
  const run = async (work: () => Promise<unknown>): Promise<ApiError | null> => {
    setBusy(true)
    setError(null)
    try {
      await work()
      changed()
      return null
    } catch (e) {
      return toApiError(e)
    } finally {
      setBusy(false)
    }
  }
  const accept = async (e: EvidenceItem, revisionId: string) => {
    const failed = await run(() =>
      api.call('evidence.reviewRevision', {
        revision_id: revisionId,
        expected_version: e.version,
        decision: 'ACCEPTED',
      }),
    )
    if (failed) setError(failed)
  }

  const shown = items ?? []

  return (
    <section className="panel" aria-labelledby="evidence-panel-title">
      <div className="panel-head">
        <h2 id="evidence-panel-title">Evidence</h2>
        <div className="inline">
          <label className="check">
            <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
            Show archived
          </label>
          {c.permissions.can_add_evidence && (
            <button type="button" className="button-primary" onClick={() => setDialog({ kind: 'add' })}>
              Add evidence
            </button>
          )}
        </div>
      </div>
      <ProofOnDate controlId={c.id} />
      <ErrorBanner error={error ?? list.error} />
      {list.loading && items === null ? (
        <p className="muted" role="status">
          Loading evidence…
        </p>
      ) : shown.length === 0 ? (
        <p className="empty">
          {archived ? 'No evidence recorded.' : 'No current evidence. Archived records are hidden.'}
        </p>
      ) : (
        <ul className="evidence-cards" aria-label="Evidence records">
          {shown.map((e) => (
            <EvidenceCard
              key={e.id}
              control={c}
              evidence={e}
              generation={generation + version}
              busy={busy}
              onAccept={(revisionId) => void accept(e, revisionId)}
              onReject={(revisionId) => setDialog({ kind: 'reject', evidence: e, revisionId })}
              onRevision={() => setDialog({ kind: 'revision', evidence: e })}
              onArchive={() => setDialog({ kind: 'archive', evidence: e })}
            />
          ))}
        </ul>
      )}
      {(dialog?.kind === 'add' || dialog?.kind === 'revision') && (
        <EvidenceDialog
          controlId={c.id}
          {...(dialog.kind === 'revision' ? { evidence: dialog.evidence } : {})}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null)
            changed()
          }}
        />
      )}
      {dialog?.kind === 'reject' && (
        <TextDialog
          title={`Reject revision of “${dialog.evidence.title}”`}
          label="Review note"
          submitLabel="Reject"
          min={10}
          max={2000}
          danger
          busy={busy}
          note="The uploader sees the note; the revision stays in the chain as Rejected."
          onSubmit={(note) =>
            run(() =>
              api.call('evidence.reviewRevision', {
                revision_id: dialog.revisionId,
                expected_version: dialog.evidence.version,
                decision: 'REJECTED',
                note,
              }),
            )
          }
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'archive' && (
        <TextDialog
          title={`Archive “${dialog.evidence.title}”`}
          label="Reason"
          submitLabel="Archive"
          min={10}
          max={1000}
          danger
          busy={busy}
          note="An archived record leaves the control's evidence flag and takes no new revisions. Its revisions stay."
          onSubmit={(reason) =>
            run(() =>
              api.call('evidence.archive', {
                evidence_id: dialog.evidence.id,
                expected_version: dialog.evidence.version,
                reason,
              }),
            )
          }
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  )
}

type CardProps = {
  control: ControlData
  evidence: EvidenceItem
  generation: number
  busy: boolean
  onAccept: (revisionId: string) => void
  onReject: (revisionId: string) => void
  onRevision: () => void
  onArchive: () => void
}

function EvidenceCard({
  control: c,
  evidence: e,
  generation,
  busy,
  onAccept,
  onReject,
  onRevision,
  onArchive,
}: CardProps) {
  const me = useMyId()
  const [open, setOpen] = useState(false)
  const state = evidenceStateText(e)
  const latest = e.latest_revision
  const headingId = `evidence-${e.id}`
  const canReview = c.permissions.can_review_evidence && !e.is_archived
  return (
    <li className={`evidence-card evidence-${state.tone}`} aria-labelledby={headingId}>
      <div className="evidence-card-head">
        <h3 id={headingId}>{e.title}</h3>
        <span className="badge badge-neutral">{kindLabel(e.kind)}</span>
        <span className={`evidence-state evidence-state-${state.tone}`}>{state.text}</span>
        {newerPending(e) && <span className="badge badge-warning">New revision pending review</span>}
      </div>
      {e.description && <p className="muted">{e.description}</p>}
      {e.is_archived && (
        <p className="muted">
          Archived <LocalTime iso={e.archived_at} />: {e.archive_reason}
        </p>
      )}
      {/* The open chain lists the latest revision too (newest first), so the summary steps aside. */}
      {latest && !open && (
        <div className="evidence-latest">
          <p className="subhead">Latest revision</p>
          <RevisionFacts
            revision={{
              ...latest,
              reviewed_by_name: e.effective_revision?.id === latest.id ? e.effective_revision.reviewed_by_name : null,
            }}
          />
          <RevisionActions
            revision={latest}
            canReview={canReview && latest.uploaded_by !== me}
            ownUpload={canReview && latest.uploaded_by === me}
            busy={busy}
            onAccept={() => onAccept(latest.id)}
            onReject={() => onReject(latest.id)}
          />
        </div>
      )}
      <div className="evidence-card-actions">
        <button
          type="button"
          className="button-link"
          aria-expanded={open}
          aria-controls={`${headingId}-chain`}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide revisions' : `Show all revisions (${e.latest_version_no})`}
        </button>
        {c.permissions.can_add_evidence && !e.is_archived && (
          <button type="button" className="button-secondary button-small" onClick={onRevision}>
            Add revision
          </button>
        )}
        {c.permissions.can_review_evidence && !e.is_archived && (
          <button type="button" className="button-danger-outline button-small" onClick={onArchive}>
            Archive
          </button>
        )}
      </div>
      {open && (
        <div id={`${headingId}-chain`}>
          <RevisionChain
            evidenceId={e.id}
            generation={generation}
            canReview={canReview}
            me={me}
            busy={busy}
            onAccept={onAccept}
            onReject={onReject}
          />
        </div>
      )}
    </li>
  )
}
