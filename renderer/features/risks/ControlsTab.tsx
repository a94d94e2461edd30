import { useCallback, useEffect, useState } from 'react'
import { api, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, FieldError, LocalTime, TextDialog } from '#renderer/components/index'
import { EvidenceBadge, InactiveBadge, TestResultBadge } from '#renderer/components/rcsa/index'
import { useLoad } from '#renderer/hooks/use-load'
import { describedField } from '#renderer/lib/form-errors'
import { formatDate } from '#renderer/lib/time'
import { controlPath, href } from '#renderer/router'
import { CONTROL_NATURE_LABELS, CONTROL_TYPE_LABELS, count, lengthOf } from './labels'
import { useRiskDetail } from './risk-store'
import type { LinkedControl, RiskDetail } from './risk-types'
import { evidenceOf, testResultOf } from './RiskBits'

const NOTES_MAX = 1000

/** risks.md §15 Controls tab: the linked controls with their link notes and state; link, edit notes, unlink (§8). */
export function ControlsTab({ risk: r }: { risk: RiskDetail }) {
  const [linking, setLinking] = useState(false)
  const [editing, setEditing] = useState<LinkedControl | null>(null)
  const [unlinking, setUnlinking] = useState<LinkedControl | null>(null)
  const run = useRiskDetail((s) => s.run)
  const busy = useRiskDetail((s) => s.busy)
  const can = r.permissions.can_change_controls
  const controls = r.linked.controls

  return (
    <section className="panel" aria-labelledby="risk-controls-title">
      <div className="subhead">
        <h2 id="risk-controls-title">Controls</h2>
        {can && (
          <button type="button" className="button-secondary button-small" onClick={() => setLinking(true)}>
            Link control
          </button>
        )}
      </div>
      <p className="muted">
        {r.active_control_count} active of {r.control_count} linked. Inactive controls stay listed but do not count for
        approval or coverage.
      </p>
      {controls.length === 0 ? (
        <p className="empty">No control is linked to this risk.</p>
      ) : (
        <div className="table-wrap">
          <table className="data risk-controls">
            <caption className="visually-hidden">Linked controls</caption>
            <thead>
              <tr>
                <th scope="col">Control</th>
                <th scope="col">Type</th>
                <th scope="col">Design effectiveness</th>
                <th scope="col">Last test and evidence</th>
                <th scope="col">Link notes</th>
                {can && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {controls.map((c) => (
                <tr key={c.id} className={c.is_active ? undefined : 'row-inactive'}>
                  <td className="risk-control-cell">
                    <a href={href(controlPath(c.id))} className="mono nowrap">
                      {c.code ?? c.ref}
                    </a>
                    <br />
                    {c.title} {!c.is_active && <InactiveBadge title="Deactivated control: read-only on this risk" />}
                  </td>
                  <td>
                    {c.control_type ? (CONTROL_TYPE_LABELS[c.control_type] ?? c.control_type) : '—'}
                    {c.control_nature ? (
                      <span className="muted"> · {CONTROL_NATURE_LABELS[c.control_nature] ?? c.control_nature}</span>
                    ) : null}
                  </td>
                  <td className="nowrap">{c.effectiveness === null ? '—' : `${c.effectiveness} / 5`}</td>
                  <td>
                    <div className="risk-control-state">
                      <TestResultBadge
                        result={testResultOf(c.last_test_result)}
                        {...(c.last_test_date ? { title: `Tested ${formatDate(c.last_test_date)}` } : {})}
                      />
                      {c.last_test_date && <span className="muted nowrap">{c.last_test_date}</span>}
                      {c.evidence_status === 'VALID' ? (
                        <span className="muted nowrap">Evidence valid</span>
                      ) : (
                        <EvidenceBadge status={evidenceOf(c.evidence_status)} />
                      )}
                    </div>
                  </td>
                  <td className="risk-link-notes">
                    <span className="prewrap">{c.notes || <span className="muted">No notes</span>}</span>
                    <br />
                    <span className="muted">
                      Linked by {c.linked_by_name ?? '—'}, <LocalTime iso={c.linked_at} />
                    </span>
                  </td>
                  {can && (
                    <td className="row-actions-cell">
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button-link"
                          aria-label={`Edit notes of ${c.code ?? c.ref}`}
                          onClick={() => setEditing(c)}
                        >
                          Edit notes
                        </button>
                        <button
                          type="button"
                          className="button-link unlink"
                          aria-label={`Unlink ${c.code ?? c.ref}`}
                          onClick={() => setUnlinking(c)}
                        >
                          Unlink
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {linking && <LinkControlDialog risk={r} onClose={() => setLinking(false)} />}
      {editing && (
        <TextDialog
          rule="minimum"
          title={`Notes on ${editing.code ?? editing.ref}`}
          label="Link notes"
          field="notes"
          submitLabel="Save notes"
          min={0}
          max={NOTES_MAX}
          initial={editing.notes ?? ''}
          note="How this control acts on the risk; shown on the risk and in the risk–control matrix."
          busy={busy}
          onSubmit={(text) =>
            run(() =>
              api.call('risk.updateControlLinkNotes', { risk_id: r.id, control_id: editing.id, notes: text || null }),
            )
          }
          onClose={() => setEditing(null)}
        />
      )}
      {unlinking && <UnlinkControlDialog risk={r} control={unlinking} onClose={() => setUnlinking(null)} />}
    </section>
  )
}

function UnlinkControlDialog(props: { risk: RiskDetail; control: LinkedControl; onClose: () => void }) {
  const { risk: r, control: c, onClose } = props
  const run = useRiskDetail((s) => s.run)
  const busy = useRiskDetail((s) => s.busy)
  const [error, setError] = useState<ApiError | null>(null)
  const submit = async () => {
    const failed = await run(() => api.call('risk.unlinkControl', { risk_id: r.id, control_id: c.id }))
    if (failed) setError(failed)
    else onClose()
  }
  return (
    <Dialog
      title="Unlink this control?"
      submitLabel="Unlink"
      danger
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <ErrorBanner error={error} />
      <p>
        <strong>{c.code ?? c.ref}</strong> {c.title} will no longer be linked to {r.ref}. The link stays in the history.
      </p>
    </Dialog>
  )
}

/** §8 "Link control": an active visible control, found by code or title, with optional link notes. */
function LinkControlDialog({ risk: r, onClose }: { risk: RiskDetail; onClose: () => void }) {
  const run = useRiskDetail((s) => s.run)
  const busy = useRiskDetail((s) => s.busy)
  const [typed, setTyped] = useState('')
  const [search, setSearch] = useState('')
  const [chosen, setChosen] = useState('')
  const [notes, setNotes] = useState('')
  const [notesError, setNotesError] = useState<string | undefined>()
  const [error, setError] = useState<ApiError | null>(null)
  useEffect(() => {
    const t = window.setTimeout(() => setSearch(typed.trim()), 250)
    return () => window.clearTimeout(t)
  }, [typed])
  const found = useLoad(
    useCallback(() => api.call('control.options', search ? { search, limit: 30 } : { limit: 30 }), [search]),
  )
  const linked = new Set(r.linked.controls.map((c) => c.id))
  const n = lengthOf(notes)

  const submit = async () => {
    setError(null)
    setNotesError(undefined)
    if (!chosen) return setError(null)
    const failed = await run(() =>
      api.call('risk.linkControl', {
        risk_id: r.id,
        control_id: chosen,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      }),
    )
    if (!failed) return onClose()
    const onNotes = failed.issues.find((i) => i.path[0] === 'notes')
    if (onNotes) setNotesError(onNotes.message)
    else setError(failed)
  }

  return (
    <Dialog
      title="Link control"
      submitLabel="Link control"
      busy={busy || !chosen}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <ErrorBanner error={error} />
      <div className="field">
        <label htmlFor="link-control-q">Find a control by code or title</label>
        <input id="link-control-q" type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <p className="hint">Active controls you can see; the first 30 matches.</p>
      </div>
      <fieldset className="pick-list" aria-busy={found.loading}>
        <legend className="visually-hidden">Controls</legend>
        {found.error && <ErrorBanner error={found.error} />}
        {found.loading && <p className="muted">Searching…</p>}
        {!found.loading && found.data?.items.length === 0 && (
          <p className="muted">No active control you can see matches.</p>
        )}
        {found.data?.items.map((c) => (
          <label key={c.id} className="pick">
            <input
              type="radio"
              name="link-control"
              value={c.id}
              checked={chosen === c.id}
              disabled={linked.has(c.id)}
              onChange={() => setChosen(c.id)}
            />
            <span className="mono">{c.code ?? c.ref}</span> <span>{c.title}</span>
            {linked.has(c.id) && <span className="muted"> · already linked</span>}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="link-control-notes">Notes</label>
        <textarea
          {...describedField('link-control-notes', notesError, { hintId: 'link-control-notes-count' })}
          rows={3}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
        <p className={`hint counter${n > NOTES_MAX ? ' over' : ''}`} id="link-control-notes-count">
          Optional: how this control reduces the risk. {count(n)} / {count(NOTES_MAX)}
        </p>
        <FieldError id="link-control-notes" message={notesError} />
      </div>
    </Dialog>
  )
}
