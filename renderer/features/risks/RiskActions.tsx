import { useState } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, TextDialog } from '#renderer/components/index'
import { SCREEN_PATHS } from '#renderer/router'
import { useFlash } from '#renderer/stores/flash'
import { ApproveDialog } from './ApproveDialog'
import { useRiskDetail } from './risk-store'
import type { RiskAction, RiskDetail } from './risk-types'
import { violationMessages } from './RiskBits'

type Props = {
  risk: RiskDetail
  /** Opens the Assessment tab's form. */
  onEdit: () => void
  /** Opens the acceptance request dialog on the Acceptance tab. */
  onRequestAcceptance: () => void
}

const REASON_NOTE: Record<string, string> = {
  'risk.sendBack': 'The reason is added to the notes as RETURNED FOR REVISION, and the submitter is told.',
  'risk.retire': 'The reason is stored on the risk and added to the notes as RETIRED. Retirement is final.',
  'risk.requestReassessment':
    'A reason, when given, is added to the notes as REASSESSMENT REQUESTED. The owner is told.',
}

/**
 * risks.md §15 detail actions: the transitions `available_actions` offers this viewer (§5.1 rows for the status and
 * the viewer's roles), then Edit, Adopt current matrix, Request acceptance and Delete as `permissions` allow.
 */
export function RiskActions({ risk: r, onEdit, onRequestAcceptance }: Props) {
  const run = useRiskDetail((s) => s.run)
  const busy = useRiskDetail((s) => s.busy)
  const [asking, setAsking] = useState<RiskAction | null>(null)
  const [adopting, setAdopting] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const p = r.permissions
  const any =
    r.available_actions.length > 0 || p.can_edit || p.can_delete || p.can_adopt_matrix || p.can_request_acceptance
  if (!any) return null

  const act = async (a: RiskAction) => {
    setError(null)
    if (a.command === 'risk.approve' || a.reason) return setAsking(a)
    // Submit for review: no input, the catalogue checks the preconditions.
    setError(await run(() => api.call('risk.submitForReview', { id: r.id, expected_version: r.version })))
  }

  const transition = (a: RiskAction, reason: string) => {
    const base = { id: r.id, expected_version: r.version }
    if (a.command === 'risk.sendBack') return run(() => api.call('risk.sendBack', { ...base, reason }))
    if (a.command === 'risk.retire') return run(() => api.call('risk.retire', { ...base, reason }))
    return run(() => api.call('risk.requestReassessment', reason ? { ...base, reason } : base))
  }

  return (
    <>
      <div className="action-bar" role="group" aria-label="Workflow actions">
        {r.available_actions.map((a, n) => (
          <button
            key={`${a.command}-${a.to}`}
            type="button"
            className={
              a.command === 'risk.retire' ? 'button-danger-outline' : n === 0 ? 'button-primary' : 'button-secondary'
            }
            disabled={busy}
            onClick={() => void act(a)}
          >
            {a.label}
          </button>
        ))}
        {p.can_edit && (
          <button type="button" className="button-secondary" disabled={busy} onClick={onEdit}>
            Edit
          </button>
        )}
        {p.can_adopt_matrix && (
          <button type="button" className="button-secondary" disabled={busy} onClick={() => setAdopting(true)}>
            Adopt current matrix
          </button>
        )}
        {p.can_request_acceptance && (
          <button type="button" className="button-secondary" disabled={busy} onClick={onRequestAcceptance}>
            {r.acceptance ? 'Renew acceptance' : 'Request acceptance'}
          </button>
        )}
        {p.can_delete && (
          <button type="button" className="button-danger-outline" disabled={busy} onClick={() => setDeleting(true)}>
            Delete risk
          </button>
        )}
      </div>
      {error && <ActionError error={error} />}
      {asking?.command === 'risk.approve' && <ApproveDialog risk={r} action={asking} onClose={() => setAsking(null)} />}
      {asking && asking.command !== 'risk.approve' && (
        <TextDialog
          rule="minimum"
          title={`${asking.label} – ${r.ref}`}
          label="Reason"
          field="reason"
          submitLabel={asking.label}
          min={asking.reason === 'required' ? 20 : 0}
          max={2000}
          note={REASON_NOTE[asking.command]}
          danger={asking.command === 'risk.retire'}
          busy={busy}
          onSubmit={(text) => transition(asking, text)}
          onClose={() => setAsking(null)}
        />
      )}
      {adopting && <AdoptDialog risk={r} onClose={() => setAdopting(false)} />}
      {deleting && <DeleteDialog risk={r} onClose={() => setDeleting(false)} />}
    </>
  )
}

/** A refused transition: every failing precondition (§1 "Error payload"), not only the first. */
export function ActionError({ error }: { error: ApiError }) {
  const violations = violationMessages(error)
  if (violations.length < 2) return <ErrorBanner error={error} />
  return (
    <div className="banner banner-error" role="alert">
      <ul className="plain-list">
        {violations.map((v) => (
          <li key={v}>{v}</li>
        ))}
      </ul>
    </div>
  )
}

function AdoptDialog({ risk: r, onClose }: { risk: RiskDetail; onClose: () => void }) {
  const run = useRiskDetail((s) => s.run)
  const busy = useRiskDetail((s) => s.busy)
  const [error, setError] = useState<ApiError | null>(null)
  const submit = async () => {
    const failed = await run(() => api.call('risk.adoptMatrixVersion', { id: r.id, expected_version: r.version }))
    if (failed) setError(failed)
    else onClose()
  }
  return (
    <Dialog
      title="Adopt the current matrix?"
      submitLabel="Adopt current matrix"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <ErrorBanner error={error} />
      <p>
        {r.ref} is scored on matrix version {r.matrix.version} ({r.matrix.name}). Adopting the published version keeps
        the likelihood and impact values and reads both bands again in the new matrix.
      </p>
    </Dialog>
  )
}

function DeleteDialog({ risk: r, onClose }: { risk: RiskDetail; onClose: () => void }) {
  const reload = useRiskDetail((s) => s.reload)
  const showAt = useFlash((s) => s.showAt)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  // Not through the store's run: its reload would find the risk gone before the screen moves on.
  const remove = async () => {
    setBusy(true)
    try {
      await api.call('risk.delete', { id: r.id, expected_version: r.version })
    } catch (e) {
      setBusy(false)
      setError(toApiError(e))
      return reload()
    }
    showAt(SCREEN_PATHS.risks, `Risk ${r.ref} deleted.`)
  }
  return (
    <Dialog
      title="Delete this risk?"
      submitLabel="Delete risk"
      danger
      busy={busy}
      onClose={onClose}
      onSubmit={() => void remove()}
    >
      <ErrorBanner error={error} />
      <p>
        <strong>{r.ref}</strong> and its links to controls, incidents, measures and KRIs will be removed. Its notes and
        the audit trail keep its history. This cannot be undone.
      </p>
    </Dialog>
  )
}
