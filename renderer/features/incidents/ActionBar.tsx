import { useState } from 'react'
import { FIELD_LABELS, type IncidentField } from '#shared/incidents/incident.constants'
import { isDirty, useIncidentDetail } from '#renderer/stores/incident-detail'
import type { IncidentDetail } from '#renderer/types'
import { DeleteIncident } from './DeleteIncident'
import { ReasonDialog } from './ReasonDialog'

export type Action = IncidentDetail['available_actions'][number]

const fieldLabel = (f: string) =>
  f === 'net_loss_amount' ? 'Net loss' : (FIELD_LABELS[f as IncidentField] ?? f.replace(/_/g, ' '))

/**
 * incidents §5.3 / §15: one button per action the catalogue offers, the still-missing fields beside it; return
 * actions ask for a reason first. Actions wait while the form holds unsaved changes, so nothing typed is lost
 * and nothing is saved behind the user's back.
 */
export function ActionBar({ incident: i }: { incident: IncidentDetail }) {
  const dirty = useIncidentDetail(isDirty)
  const busy = useIncidentDetail((s) => s.busy)
  const transition = useIncidentDetail((s) => s.transition)
  const [asking, setAsking] = useState<Action | null>(null)
  const actions = i.available_actions
  if (actions.length === 0 && !i.permissions.can_delete) return null

  return (
    <div className="action-bar" role="group" aria-label="Workflow actions">
      {actions.map((a) => {
        const hintId = `missing-${a.command.replace('.', '-')}`
        return (
          <div key={a.command} className="action">
            <button
              type="button"
              className={a.needs_reason ? 'button-secondary' : 'button-primary'}
              disabled={busy || dirty}
              aria-describedby={a.missing_fields.length > 0 ? hintId : undefined}
              onClick={() => (a.needs_reason ? setAsking(a) : void transition(a))}
            >
              {a.label}
            </button>
            {a.missing_fields.length > 0 && (
              <span className="action-missing" id={hintId}>
                Still missing: {a.missing_fields.map(fieldLabel).join(', ')}
              </span>
            )}
          </div>
        )
      })}
      {i.permissions.can_delete && <DeleteIncident incident={i} disabled={busy} />}
      {dirty && actions.length > 0 && (
        <p className="action-hint" role="status">
          Save or discard your changes before taking an action.
        </p>
      )}
      {asking && <ReasonDialog action={asking} onClose={() => setAsking(null)} />}
    </div>
  )
}
