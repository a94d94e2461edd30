import { useCallback, useEffect, useState } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, FieldError } from '#renderer/components/index'
import { useLoad } from '#renderer/hooks/use-load'
import { describedField } from '#renderer/lib/form-errors'
import type { KriDetailData } from './kri-types'

type Done = (message: string) => void

/** Link risk: search the visible risks by ref or title and pick one. */
export function LinkRiskDialog({ kri, onClose, onDone }: { kri: KriDetailData; onClose: () => void; onDone: Done }) {
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')
  const [picked, setPicked] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), 250)
    return () => window.clearTimeout(timer)
  }, [typed])
  const load = useCallback(() => api.call('risk.list', { limit: 20, ...(q ? { search: q } : {}) }), [q])
  const risks = useLoad(load)
  const linked = new Set(kri.linked_risks.map((r) => r.id))
  const items = (risks.data?.items ?? []).filter((r) => !linked.has(r.id))

  const submit = async () => {
    if (!picked) return setError(null)
    setBusy(true)
    setError(null)
    try {
      await api.call('kri.linkRisk', { kri_id: kri.id, risk_id: picked })
      const ref = items.find((r) => r.id === picked)?.ref ?? 'Risk'
      onDone(`${ref} linked.`)
    } catch (e) {
      setError(toApiError(e))
      setBusy(false)
    }
  }
  return (
    <Dialog
      title={`Link a risk to ${kri.ref}`}
      submitLabel="Link risk"
      busy={busy || !picked}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <ErrorBanner error={error} />
      <div className="field">
        <label htmlFor="kri-link-q">Risk ref or title</label>
        <input id="kri-link-q" type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </div>
      <ErrorBanner error={risks.error} onRetry={risks.reload} />
      {risks.loading ? (
        <p className="muted" role="status">
          Searching risks…
        </p>
      ) : items.length === 0 ? (
        <p className="empty">No risks found.</p>
      ) : (
        <fieldset className="pick-list">
          <legend className="visually-hidden">Risks</legend>
          {items.map((r) => (
            <label key={r.id} className="pick">
              <input type="radio" name="kri-link-risk" checked={picked === r.id} onChange={() => setPicked(r.id)} />
              <span>
                <span className="mono">{r.ref}</span> {r.title} <span className="muted">({r.status_label})</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </Dialog>
  )
}

/** A plain confirmation running one command (unlink, reactivate, delete). */
export function ConfirmDialog({
  title,
  text,
  submitLabel,
  danger,
  run,
  onClose,
  onDone,
}: {
  title: string
  text: string
  submitLabel: string
  danger?: boolean
  run: () => Promise<string>
  onClose: () => void
  onDone: Done
}) {
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      onDone(await run())
    } catch (e) {
      setError(toApiError(e))
      setBusy(false)
    }
  }
  return (
    <Dialog
      title={title}
      submitLabel={submitLabel}
      danger={danger ?? false}
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <ErrorBanner error={error} />
      <p>{text}</p>
    </Dialog>
  )
}

/** Deactivate with its reason (10–1 000 characters). */
export function DeactivateDialog({ kri, onClose, onDone }: { kri: KriDetailData; onClose: () => void; onDone: Done }) {
  const [reason, setReason] = useState('')
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    setBusy(true)
    setError(null)
    setFieldError(undefined)
    try {
      await api.call('kri.deactivate', { id: kri.id, expected_version: kri.version, reason })
      onDone(`${kri.ref} deactivated.`)
    } catch (e) {
      const err = toApiError(e)
      const issue = err.issues.find((i) => i.path[0] === 'reason')
      if (issue) setFieldError(issue.message)
      else setError(err)
      setBusy(false)
    }
  }
  return (
    <Dialog
      title={`Deactivate ${kri.ref}`}
      submitLabel="Deactivate"
      danger
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <ErrorBanner error={error} />
      <p>An inactive KRI takes no values and raises no overdue notices. Its history stays.</p>
      <div className="field">
        <label htmlFor="kri-deactivate-reason">Reason</label>
        <textarea
          {...describedField('kri-deactivate-reason', fieldError, { hintId: 'kri-deactivate-hint' })}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <p className="hint" id="kri-deactivate-hint">
          At least 10 characters.
        </p>
        <FieldError id="kri-deactivate-reason" message={fieldError} />
      </div>
    </Dialog>
  )
}
