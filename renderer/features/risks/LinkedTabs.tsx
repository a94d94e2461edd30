import { useCallback, useState } from 'react'
import { api, type ApiError } from '#renderer/api'
import { Badge, Dialog, ErrorBanner, LocalTime } from '#renderer/components/index'
import { KriStatusChip, type KriStatus } from '#renderer/components/rcsa/index'
import { formatDate } from '#renderer/lib/time'
import { href, incidentPath, kriPath } from '#renderer/router'
import { CreateMeasureDialog, measurePath } from '#renderer/features/measures/index'
import { useRiskDetail } from './risk-store'
import type { RiskDetail } from './risk-types'
import { PickDialog, type PickItem } from './PickDialog'

const words = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' ')
const KRI_STATUSES: readonly string[] = ['GREEN', 'AMBER', 'RED', 'NO_DATA']
const kriStatus = (s: string | null): KriStatus | null => (s && KRI_STATUSES.includes(s) ? (s as KriStatus) : null)

/** §4: linked items the viewer cannot see are counted, not listed. */
function OutsideScope({ risk: r }: { risk: RiskDetail }) {
  return r.linked.outside_scope ? <p className="muted risk-outside-scope">{r.linked.outside_scope}</p> : null
}

type Unlink = { title: string; body: string; call: () => Promise<unknown> }

function UnlinkDialog({ unlink, onClose }: { unlink: Unlink; onClose: () => void }) {
  const run = useRiskDetail((s) => s.run)
  const busy = useRiskDetail((s) => s.busy)
  const [error, setError] = useState<ApiError | null>(null)
  const submit = async () => {
    const failed = await run(unlink.call)
    if (failed) setError(failed)
    else onClose()
  }
  return (
    <Dialog
      title={unlink.title}
      submitLabel="Unlink"
      danger
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <ErrorBanner error={error} />
      <p>{unlink.body}</p>
    </Dialog>
  )
}

/** risks.md §15 Incidents tab and §8 incident links. */
export function IncidentsTab({ risk: r }: { risk: RiskDetail }) {
  const run = useRiskDetail((s) => s.run)
  const busy = useRiskDetail((s) => s.busy)
  const [linking, setLinking] = useState(false)
  const [unlink, setUnlink] = useState<Unlink | null>(null)
  const find = useCallback(async (search: string): Promise<PickItem[]> => {
    const q = search.length >= 3 ? search : ''
    const page = await api.call('incident.list', q ? { q, limit: 10 } : { limit: 10 })
    return page.items.map((i) => ({ id: i.id, ref: i.ref, text: i.title, note: i.status_name }))
  }, [])
  return (
    <section className="panel" aria-labelledby="risk-incidents-title">
      <div className="subhead">
        <h2 id="risk-incidents-title">Incidents</h2>
        {r.permissions.can_link && (
          <button type="button" className="button-secondary button-small" onClick={() => setLinking(true)}>
            Link incident
          </button>
        )}
      </div>
      {r.linked.incidents.length === 0 ? (
        <p className="empty">No linked incidents{r.incident_count > 0 ? ' that you can see' : ''}.</p>
      ) : (
        <ul className="link-list" aria-labelledby="risk-incidents-title">
          {r.linked.incidents.map((i) => (
            <li key={i.id}>
              <a href={href(incidentPath(i.id))} className="mono">
                {i.ref}
              </a>{' '}
              {i.title} <Badge>{words(i.status)}</Badge>{' '}
              <span className="muted">
                linked by {i.linked_by_name ?? '—'} · <LocalTime iso={i.linked_at} />
              </span>
              {r.permissions.can_unlink && (
                <button
                  type="button"
                  className="button-link unlink"
                  aria-label={`Unlink ${i.ref}`}
                  onClick={() =>
                    setUnlink({
                      title: 'Unlink this incident?',
                      body: `${i.ref} ${i.title} will no longer be linked to ${r.ref}. Both keep their history.`,
                      call: () => api.call('risk.unlinkIncident', { risk_id: r.id, incident_id: i.id }),
                    })
                  }
                >
                  Unlink
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <OutsideScope risk={r} />
      {linking && (
        <PickDialog
          title={`Link an incident to ${r.ref}`}
          submitLabel="Link incident"
          searchLabel="Incident ref or title"
          hint="Type at least 3 characters to search; otherwise the latest incidents you can see are listed."
          find={find}
          linked={new Set(r.linked.incidents.map((i) => i.id))}
          busy={busy}
          onPick={(id) => run(() => api.call('risk.linkIncident', { risk_id: r.id, incident_id: id }))}
          onClose={() => setLinking(false)}
        />
      )}
      {unlink && <UnlinkDialog unlink={unlink} onClose={() => setUnlink(null)} />}
    </section>
  )
}

/** risks.md §15 Measures tab: links owned by the Measures module (measure.linkRisk, measure.create with risk_id). */
export function MeasuresTab({ risk: r }: { risk: RiskDetail }) {
  const run = useRiskDetail((s) => s.run)
  const busy = useRiskDetail((s) => s.busy)
  const [linking, setLinking] = useState(false)
  const [creating, setCreating] = useState(false)
  const [unlink, setUnlink] = useState<Unlink | null>(null)
  const find = useCallback(async (search: string): Promise<PickItem[]> => {
    const q = search.length >= 3 ? search : ''
    const page = await api.call('measure.list', q ? { q, limit: 10 } : { limit: 10 })
    return page.items.map((m) => ({
      id: m.id,
      ref: m.ref,
      text: m.description.split('\n')[0] ?? '',
      note: m.status_name,
    }))
  }, [])
  return (
    <section className="panel" aria-labelledby="risk-measures-title">
      <div className="subhead">
        <h2 id="risk-measures-title">Measures</h2>
        {r.permissions.can_link && (
          <div className="inline">
            <button type="button" className="button-secondary button-small" onClick={() => setLinking(true)}>
              Link measure
            </button>
            <button type="button" className="button-secondary button-small" onClick={() => setCreating(true)}>
              Create measure
            </button>
          </div>
        )}
      </div>
      {r.linked.measures.length === 0 ? (
        <p className="empty">No linked measures{r.measure_count > 0 ? ' that you can see' : ''}.</p>
      ) : (
        <ul className="link-list" aria-labelledby="risk-measures-title">
          {r.linked.measures.map((m) => (
            <li key={m.id}>
              <a href={href(measurePath(m.id))} className="mono">
                {m.ref}
              </a>{' '}
              {m.description} <Badge>{words(m.status)}</Badge>{' '}
              <span className="muted">
                {m.responsible_name ?? '—'}
                {m.deadline ? ` · due ${formatDate(m.deadline)}` : ''}
              </span>
              {m.is_overdue && (
                <>
                  {' '}
                  <span className="badge badge-danger">Overdue</span>
                </>
              )}
              {r.permissions.can_unlink && (
                <button
                  type="button"
                  className="button-link unlink"
                  aria-label={`Unlink ${m.ref}`}
                  onClick={() =>
                    setUnlink({
                      title: 'Unlink this measure?',
                      body: `${m.ref} will no longer be linked to ${r.ref}. Both keep their history.`,
                      call: () => api.call('measure.unlinkRisk', { id: m.id, risk_id: r.id }),
                    })
                  }
                >
                  Unlink
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <OutsideScope risk={r} />
      {linking && (
        <PickDialog
          title={`Link a measure to ${r.ref}`}
          submitLabel="Link measure"
          searchLabel="Measure ref or description"
          hint="Type at least 3 characters to search; otherwise the latest measures you can see are listed."
          find={find}
          linked={new Set(r.linked.measures.map((m) => m.id))}
          busy={busy}
          onPick={(id) => run(() => api.call('measure.linkRisk', { id, risk_id: r.id }))}
          onClose={() => setLinking(false)}
        />
      )}
      {creating && (
        <CreateMeasureDialog
          riskId={r.id}
          onClose={() => setCreating(false)}
          onCreated={() => void run(() => Promise.resolve(null))}
        />
      )}
      {unlink && <UnlinkDialog unlink={unlink} onClose={() => setUnlink(null)} />}
    </section>
  )
}

/** risks.md §15 KRIs tab: the linked KRIs with their current status chips; "Link KRI" for risk officers. */
export function KrisTab({ risk: r }: { risk: RiskDetail }) {
  const run = useRiskDetail((s) => s.run)
  const busy = useRiskDetail((s) => s.busy)
  const [linking, setLinking] = useState(false)
  const [unlink, setUnlink] = useState<Unlink | null>(null)
  const can = r.permissions.can_link_kri
  const find = useCallback(async (search: string): Promise<PickItem[]> => {
    const page = await api.call('kri.list', search ? { search, limit: 20 } : { limit: 20 })
    return page.items.map((k) => ({ id: k.id, ref: k.ref, text: k.name, note: k.frequency_label }))
  }, [])
  return (
    <section className="panel" aria-labelledby="risk-kris-title">
      <div className="subhead">
        <h2 id="risk-kris-title">Key risk indicators</h2>
        {can && (
          <button type="button" className="button-secondary button-small" onClick={() => setLinking(true)}>
            Link KRI
          </button>
        )}
      </div>
      {r.linked.kris.length === 0 ? (
        <p className="empty">No KRI is linked to this risk.</p>
      ) : (
        <ul className="link-list" aria-labelledby="risk-kris-title">
          {r.linked.kris.map((k) => (
            <li key={k.id}>
              <a href={href(kriPath(k.id))} className="mono">
                {k.ref}
              </a>{' '}
              {k.name} <KriStatusChip status={kriStatus(k.current_status)} />{' '}
              {!k.is_active && <span className="badge rcsa-badge-inactive">Inactive</span>}
              {can && (
                <button
                  type="button"
                  className="button-link unlink"
                  aria-label={`Unlink ${k.ref}`}
                  onClick={() =>
                    setUnlink({
                      title: 'Unlink this KRI?',
                      body: `${k.ref} ${k.name} will no longer be linked to ${r.ref}. Both keep their history.`,
                      call: () => api.call('kri.unlinkRisk', { kri_id: k.id, risk_id: r.id }),
                    })
                  }
                >
                  Unlink
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {linking && (
        <PickDialog
          title={`Link a KRI to ${r.ref}`}
          submitLabel="Link KRI"
          searchLabel="KRI ref or name"
          hint="Active KRIs you can see."
          find={find}
          linked={new Set(r.linked.kris.map((k) => k.id))}
          busy={busy}
          onPick={(id) => run(() => api.call('kri.linkRisk', { kri_id: id, risk_id: r.id }))}
          onClose={() => setLinking(false)}
        />
      )}
      {unlink && <UnlinkDialog unlink={unlink} onClose={() => setUnlink(null)} />}
    </section>
  )
}
