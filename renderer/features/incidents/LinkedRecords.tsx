import { Badge, LocalTime } from '#renderer/components/index'
import { href } from '#renderer/router'
import { formatDate } from '#renderer/lib/time'
import type { IncidentDetail } from '#renderer/types'

type Measure = {
  id: string
  ref: string
  description: string
  status: string
  deadline: string | null
  is_overdue: boolean
}

const text = (v: unknown) => (typeof v === 'string' ? v : null)

/** incidents §14.2 linked_measures, read defensively: the Measures module owns the shape of its rows. */
function asMeasures(rows: readonly unknown[]): Measure[] {
  return rows.flatMap((r) => {
    if (typeof r !== 'object' || r === null) return []
    const m = r as Record<string, unknown>
    const id = text(m['id'])
    if (!id) return []
    return [
      {
        id,
        ref: text(m['ref']) ?? id,
        description: text(m['description']) ?? '',
        status: text(m['status']) ?? '',
        deadline: text(m['deadline']),
        is_overdue: m['is_overdue'] === true,
      },
    ]
  })
}

const statusWords = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' ')

/** incidents §15 "Links": the risks and measures linked to the incident that the caller can see. */
export function LinkedRecords({ incident: i }: { incident: IncidentDetail }) {
  const measures = asMeasures(i.linked_measures)
  return (
    <section className="panel" aria-labelledby="links-title">
      <h2 id="links-title">Links</h2>
      <h3 id="measures-title">Measures</h3>
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
