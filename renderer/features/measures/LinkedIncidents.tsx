import { useState } from 'react'
import { api, type ApiError } from '#renderer/api'
import { Badge, Dialog, ErrorBanner } from '#renderer/components/index'
import { href, incidentPath } from '#renderer/router'
import { LinkIncidentDialog } from './LinkIncidentDialog'
import { useMeasureDetail } from './measure-store'
import type { MeasureDetail } from './measure-types'

type Linked = MeasureDetail['linked_incidents'][number]
const statusWords = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' ')

/** measures §14: the linked incidents and risks the caller can see, side by side; link and unlink by permission. */
export function LinkedRecords({ measure: m }: { measure: MeasureDetail }) {
  const [linking, setLinking] = useState(false)
  const [unlinking, setUnlinking] = useState<Linked | null>(null)
  return (
    <section className="panel" aria-labelledby="links-title">
      <h2 id="links-title">What this measure addresses</h2>
      <div className="links-grid">
        <div>
          <div className="subhead">
            <h3 id="linked-incidents-title">Incidents</h3>
            {m.permissions.can_link && (
              <button type="button" className="button-secondary button-small" onClick={() => setLinking(true)}>
                Link incident
              </button>
            )}
          </div>
          {m.linked_incidents.length === 0 ? (
            <p className="muted">No linked incidents.</p>
          ) : (
            <ul className="link-list" aria-labelledby="linked-incidents-title">
              {m.linked_incidents.map((i) => (
                <li key={i.id}>
                  <a href={href(incidentPath(i.id))} className="mono">
                    {i.ref}
                  </a>{' '}
                  {i.title} <Badge>{statusWords(i.status)}</Badge>
                  {m.permissions.can_unlink && (
                    <button
                      type="button"
                      className="button-link unlink"
                      aria-label={`Unlink ${i.ref}`}
                      onClick={() => setUnlinking(i)}
                    >
                      Unlink
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 id="linked-risks-title">Risks</h3>
          {m.linked_risks.length === 0 ? (
            <p className="muted">No linked risks.</p>
          ) : (
            <ul className="link-list" aria-labelledby="linked-risks-title">
              {m.linked_risks.map((r) => (
                <li key={r.id}>
                  <span className="mono">{r.ref}</span> {r.title} <Badge>{statusWords(r.status)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {linking && <LinkIncidentDialog measure={m} onClose={() => setLinking(false)} />}
      {unlinking && <UnlinkDialog measure={m} incident={unlinking} onClose={() => setUnlinking(null)} />}
    </section>
  )
}

function UnlinkDialog({
  measure: m,
  incident,
  onClose,
}: {
  measure: MeasureDetail
  incident: Linked
  onClose: () => void
}) {
  const run = useMeasureDetail((s) => s.run)
  const busy = useMeasureDetail((s) => s.busy)
  const [error, setError] = useState<ApiError | null>(null)
  const submit = async () => {
    const failed = await run(() => api.call('measure.unlinkIncident', { id: m.id, incident_id: incident.id }))
    if (failed) setError(failed)
    else onClose()
  }
  return (
    <Dialog
      title="Unlink this incident?"
      submitLabel="Unlink"
      danger
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <ErrorBanner error={error} />
      <p>
        <strong>{incident.ref}</strong> {incident.title} will no longer be linked to {m.ref}. Both keep their history.
      </p>
    </Dialog>
  )
}
