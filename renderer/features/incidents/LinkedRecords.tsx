import { useState } from 'react'
import { Badge, LocalTime } from '#renderer/components/index'
import { useIncidentDetail } from '#renderer/stores/incident-detail'
import { CreateMeasureDialog } from '../measures/CreateMeasureDialog'
import { LinkMeasureDialog } from './LinkMeasureDialog'
import { href } from '#renderer/router'
import { formatDate } from '#renderer/lib/time'
import type { IncidentDetail } from '#renderer/types'

const statusWords = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' ')

/** incidents §15 "Links": the risks and measures linked to the incident that the caller can see. */
export function LinkedRecords({ incident: i }: { incident: IncidentDetail }) {
  const measures = i.linked_measures
  const reload = useIncidentDetail((s) => s.reload)
  const [dialog, setDialog] = useState<'create' | 'link' | null>(null)
  const done = () => {
    setDialog(null)
    void reload()
  }
  return (
    <section className="panel" aria-labelledby="links-title">
      <h2 id="links-title">Links</h2>
      <div className="section-head">
        <h3 id="measures-title">Measures</h3>
        {i.permissions.can_create_measure && (
          <button type="button" onClick={() => setDialog('create')}>
            Create measure
          </button>
        )}
        {i.permissions.can_link_measure && (
          <button type="button" onClick={() => setDialog('link')}>
            Link measure
          </button>
        )}
      </div>
      {dialog === 'create' && (
        <CreateMeasureDialog incidentId={i.id} onClose={() => setDialog(null)} onCreated={done} />
      )}
      {dialog === 'link' && <LinkMeasureDialog incidentId={i.id} onClose={() => setDialog(null)} onLinked={done} />}
      {measures.length === 0 ? (
        <p className="muted">No linked measures.</p>
      ) : (
        <div className="table-wrap">
          <table className="data" aria-labelledby="measures-title">
            <thead>
              <tr>
                <th scope="col">Ref</th>
                <th scope="col">Description</th>
                <th scope="col">Status</th>
                <th scope="col">Deadline</th>
              </tr>
            </thead>
            <tbody>
              {measures.map((m) => (
                <tr key={m.id} className={m.is_overdue ? 'row-overdue' : undefined}>
                  <td className="nowrap">
                    <a href={href(`/measures/${m.id}`)}>{m.ref}</a>
                  </td>
                  <td>{m.description}</td>
                  <td>{statusWords(m.status)}</td>
                  <td className="nowrap">
                    {m.deadline && m.deadline.length > 10 ? <LocalTime iso={m.deadline} /> : formatDate(m.deadline)}{' '}
                    {m.is_overdue && <span className="badge badge-danger">Overdue</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Risks</h3>
      {i.linked_risks.length === 0 ? (
        <p className="muted">No linked risks.</p>
      ) : (
        <ul className="plain-list">
          {i.linked_risks.map((r) => (
            <li key={r.id}>
              <span className="mono">{r.ref}</span> {r.title} <Badge>{statusWords(r.status)}</Badge>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
