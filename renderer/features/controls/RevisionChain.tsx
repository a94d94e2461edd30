import { useCallback, useState } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, LocalTime } from '#renderer/components/index'
import { useLoad } from '#renderer/hooks/use-load'
import { openEvidenceFile } from '#renderer/lib/evidence-files'
import { VERIFY_TEXT } from './evidence-state'
import { fileSizeText, revisionStatusLabel } from './labels'
import { useReloadOn } from './use-control'

/** What the screens show of one revision, whether from evidence.list or evidence.history. */
export type Revision = {
  id: string
  version_no: number
  file_sha256: string | null
  file_name: string | null
  file_size: number | null
  url: string | null
  collected_at: string
  valid_until: string | null
  observation: string | null
  status: string
  uploaded_by: string
  uploaded_at: string
  uploaded_by_name: string
  reviewed_by: string | null
  reviewed_at: string | null
  review_note: string | null
  reviewed_by_name?: string | null
}

const STATUS_CLASS: Record<string, string> = {
  PENDING: 'badge badge-warning',
  ACCEPTED: 'badge rcsa-badge-accepted',
  REJECTED: 'badge badge-danger',
}

export function RevisionStatus({ status }: { status: string }) {
  return <span className={STATUS_CLASS[status] ?? 'badge badge-neutral'}>{revisionStatusLabel(status)}</span>
}

/** Version, file (name, size, SHA-256) or link, dates, observation, status and reviewer of one revision. */
export function RevisionFacts({ revision: r }: { revision: Revision }) {
  return (
    <dl className="revision-facts">
      <div>
        <dt>Version</dt>
        <dd>
          v{r.version_no} <RevisionStatus status={r.status} />
        </dd>
      </div>
      {r.url ? (
        <div className="revision-wide">
          <dt>Link</dt>
          <dd className="hash">{r.url}</dd>
        </div>
      ) : (
        <>
          <div>
            <dt>File</dt>
            <dd>{r.file_name ?? '—'}</dd>
          </div>
          <div>
            <dt>Size</dt>
            <dd title={r.file_size === null ? undefined : `${r.file_size} bytes`}>{fileSizeText(r.file_size)}</dd>
          </div>
          <div className="revision-wide">
            <dt>SHA-256</dt>
            <dd className="mono hash">{r.file_sha256 ?? '—'}</dd>
          </div>
        </>
      )}
      <div>
        <dt>Collected</dt>
        <dd>
          <LocalTime iso={r.collected_at} />
        </dd>
      </div>
      <div>
        <dt>Valid until</dt>
        <dd>{r.valid_until ?? 'No expiry'}</dd>
      </div>
      <div>
        <dt>Uploaded</dt>
        <dd>
          <LocalTime iso={r.uploaded_at} /> by {r.uploaded_by_name || '—'}
        </dd>
      </div>
      <div>
        <dt>Reviewer</dt>
        <dd>
          {r.reviewed_at ? (
            <>
              {r.reviewed_by_name || '—'}, <LocalTime iso={r.reviewed_at} />
            </>
          ) : (
            <span className="muted">Not reviewed yet</span>
          )}
        </dd>
      </div>
      {r.observation && (
        <div className="revision-wide">
          <dt>Observation</dt>
          <dd className="prewrap">{r.observation}</dd>
        </div>
      )}
      {r.review_note && (
        <div className="revision-wide">
          <dt>Review note</dt>
          <dd className="prewrap">{r.review_note}</dd>
        </div>
      )}
    </dl>
  )
}

type ActionsProps = {
  revision: Revision
  /** A risk officer of the control's BU who did not upload this revision. */
  canReview: boolean
  /** The caller could review, but uploaded it. */
  ownUpload?: boolean
  busy: boolean
  onAccept: () => void
  onReject: () => void
}

/** Open and Verify file for everyone; Accept / Reject on a pending revision for its reviewers. */
export function RevisionActions({ revision: r, canReview, ownUpload, busy, onAccept, onReject }: ActionsProps) {
  const [verify, setVerify] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [checking, setChecking] = useState(false)
  const label = `v${r.version_no}`

  const runVerify = async () => {
    setChecking(true)
    setError(null)
    try {
      setVerify((await api.call('evidence.verify', { revision_id: r.id })).result)
    } catch (e) {
      setError(toApiError(e))
    } finally {
      setChecking(false)
    }
  }
  const open = async () => {
    setError(null)
    try {
      if (r.file_sha256) await openEvidenceFile(r.file_sha256, r.file_name ?? 'evidence')
    } catch (e) {
      setError(toApiError(e))
    }
  }

  return (
    <div className="revision-actions">
      <div className="inline wrap">
        {r.url ? (
          <a className="button-secondary button-small" href={r.url} target="_blank" rel="noopener noreferrer">
            Open link
          </a>
        ) : (
          <>
            <button
              type="button"
              className="button-secondary button-small"
              aria-label={`Open ${label}`}
              onClick={() => void open()}
            >
              Open
            </button>
            <button
              type="button"
              className="button-secondary button-small"
              aria-label={`Verify file ${label}`}
              disabled={checking}
              onClick={() => void runVerify()}
            >
              Verify file
            </button>
          </>
        )}
        {r.status === 'PENDING' && canReview && (
          <>
            <button
              type="button"
              className="button-primary button-small"
              aria-label={`Accept ${label}`}
              disabled={busy}
              onClick={onAccept}
            >
              Accept
            </button>
            <button
              type="button"
              className="button-danger-outline button-small"
              aria-label={`Reject ${label}`}
              disabled={busy}
              onClick={onReject}
            >
              Reject
            </button>
          </>
        )}
        {r.status === 'PENDING' && ownUpload && (
          <span className="muted">You uploaded this revision: another Risk Officer reviews it.</span>
        )}
      </div>
      {verify && (
        <p className={`verify-result verify-${verify.toLowerCase()}`} role="status">
          {VERIFY_TEXT[verify] ?? verify}
        </p>
      )}
      <ErrorBanner error={error} />
    </div>
  )
}

type ChainProps = {
  evidenceId: string
  generation: number
  canReview: boolean
  me: string | null
  busy: boolean
  onAccept: (revisionId: string) => void
  onReject: (revisionId: string) => void
}

/** §6.6 `evidence.history`: every revision, newest first, with its decision. */
export function RevisionChain({ evidenceId, generation, canReview, me, busy, onAccept, onReject }: ChainProps) {
  const load = useCallback(() => api.call('evidence.history', { evidence_id: evidenceId }), [evidenceId])
  const history = useLoad(load)
  useReloadOn(history.reload, generation)
  if (history.error) return <ErrorBanner error={history.error} onRetry={history.reload} />
  if (!history.data)
    return (
      <p className="muted" role="status">
        Loading revisions…
      </p>
    )
  return (
    <ol className="revision-chain" aria-label="Revision chain, newest first">
      {history.data.items.map((r) => (
        <li key={r.id}>
          <RevisionFacts revision={r} />
          <RevisionActions
            revision={r}
            canReview={canReview && r.uploaded_by !== me}
            ownUpload={canReview && r.uploaded_by === me}
            busy={busy}
            onAccept={() => onAccept(r.id)}
            onReject={() => onReject(r.id)}
          />
        </li>
      ))}
    </ol>
  )
}
