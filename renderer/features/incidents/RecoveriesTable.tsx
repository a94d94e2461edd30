import { useState } from 'react'
import { api } from '#renderer/api'
import { Dialog, ErrorBanner } from '#renderer/components/index'
import { formatMoney } from '#renderer/lib/money'
import { formatDate } from '#renderer/lib/time'
import { useIncidentDetail } from '#renderer/stores/incident-detail'
import { digitsOf, useReference } from '#renderer/stores/reference'
import type { IncidentDetail } from '#renderer/types'
import { RecoveryDialog, RECOVERY_TYPES, type Recovery } from './RecoveryDialog'

type Editing = { mode: 'add' } | { mode: 'edit'; recovery: Recovery } | { mode: 'remove'; recovery: Recovery }

/** incidents §3.2 / §6.5: one row per recovery received, totals per type; changes only where allowed. */
export function RecoveriesTable({ incident: i }: { incident: IncidentDetail }) {
  const form = useReference((s) => s.form)
  const [editing, setEditing] = useState<Editing | null>(null)
  const currency = i.currency_code ?? ''
  const money = (minor: number) => formatMoney(minor, currency, digitsOf(form, currency))
  const canChange = i.permissions.can_change_recoveries
  // Before anyone may record one (DRAFT, review), an empty table would only be noise.
  if (!canChange && i.recoveries.length === 0) return null

  return (
    <div className="recoveries">
      <div className="subhead">
        <h3 id="recoveries-title">Recoveries</h3>
        {canChange && (
          <button type="button" className="button-secondary button-small" onClick={() => setEditing({ mode: 'add' })}>
            Add recovery
          </button>
        )}
      </div>
      {i.recoveries.length === 0 ? (
        <p className="muted">No recoveries recorded.</p>
      ) : (
        <div className="table-wrap">
          <table className="data" aria-labelledby="recoveries-title">
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Received on</th>
                <th scope="col">Note</th>
                {canChange && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {i.recoveries.map((r) => (
                <tr key={r.id}>
                  <td>{RECOVERY_TYPES[r.type as keyof typeof RECOVERY_TYPES] ?? r.type}</td>
                  <td className="num nowrap">{money(r.amount)}</td>
                  <td className="nowrap">{formatDate(r.received_on)}</td>
                  <td>{r.note ?? <span className="muted">—</span>}</td>
                  {canChange && (
                    <td className="nowrap row-actions">
                      <button
                        type="button"
                        className="button-link"
                        onClick={() => setEditing({ mode: 'edit', recovery: r })}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="button-link"
                        onClick={() => setEditing({ mode: 'remove', recovery: r })}
                      >
                        Remove
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <dl className="totals" aria-label="Recovery totals">
        {Object.entries(RECOVERY_TYPES).map(([type, label]) => (
          <div key={type}>
            <dt>{label}</dt>
            <dd>{money(i.recovery_totals[type as keyof typeof RECOVERY_TYPES])}</dd>
          </div>
        ))}
        <div>
          <dt>Total</dt>
          <dd>{money(i.recovery_total)}</dd>
        </div>
      </dl>
      {editing?.mode === 'add' && <RecoveryDialog incident={i} recovery={null} onClose={() => setEditing(null)} />}
      {editing?.mode === 'edit' && (
        <RecoveryDialog incident={i} recovery={editing.recovery} onClose={() => setEditing(null)} />
      )}
      {editing?.mode === 'remove' && (
        <RemoveRecovery
          incident={i}
          recovery={editing.recovery}
          label={money(editing.recovery.amount)}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  )
}

type RemoveProps = { incident: IncidentDetail; recovery: Recovery; label: string; onClose: () => void }

function RemoveRecovery({ incident, recovery, label, onClose }: RemoveProps) {
  const perform = useIncidentDetail((s) => s.perform)
  const busy = useIncidentDetail((s) => s.busy)
  const [error, setError] = useState<Awaited<ReturnType<typeof perform>>>(null)
  const remove = async () => {
    const failed = await perform(
      () =>
        api.call('incident.removeRecovery', {
          incident_id: incident.id,
          id: recovery.id,
          expected_version: recovery.version,
        }),
      'Recovery removed.',
    )
    if (failed) setError(failed)
    else onClose()
  }
  return (
    <Dialog
      title="Remove recovery"
      submitLabel="Remove"
      danger
      busy={busy}
      onClose={onClose}
      onSubmit={() => void remove()}
    >
      <ErrorBanner error={error} />
      <p>
        Remove the {RECOVERY_TYPES[recovery.type as keyof typeof RECOVERY_TYPES]?.toLowerCase() ?? recovery.type}{' '}
        recovery of {label} received on {formatDate(recovery.received_on)}? The history keeps its values.
      </p>
    </Dialog>
  )
}
