import { Badge, LocalTime, OverdueBadge, StatusChip } from '#renderer/components/index'
import { href, incidentPath } from '#renderer/router'
import type { IncidentRow } from '#renderer/types'

/** `mine`: the reporter's own list; `team` adds who and where, for queues and registers. */
export type IncidentColumns = 'mine' | 'team'

type Props = { rows: readonly IncidentRow[]; columns: IncidentColumns; caption: string }

export function IncidentTable({ rows, columns, caption }: Props) {
  const team = columns === 'team'
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ref</th>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            {team && <th scope="col">Business unit</th>}
            {team && <th scope="col">Assignee</th>}
            <th scope="col">Due</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.overdue_stage ? 'row-overdue' : undefined}>
              <td className="nowrap">
                <a href={href(incidentPath(r.id))}>{r.ref}</a>
              </td>
              <td>
                {r.title}
                {r.near_miss && (
                  <>
                    {' '}
                    <Badge tone="info">Near miss</Badge>
                  </>
                )}
              </td>
              <td>
                <StatusChip status={r.status} name={r.status_name} />
                {r.returned && (
                  <>
                    {' '}
                    <Badge tone="warning">Returned</Badge>
                  </>
                )}
                {r.deleted_at && (
                  <>
                    {' '}
                    <Badge>Deleted</Badge>
                  </>
                )}
              </td>
              {team && <td>{r.business_unit_name ?? '—'}</td>}
              {team && <td>{r.assignee_name ?? <span className="muted">Unassigned</span>}</td>}
              <td className={r.overdue_stage ? 'nowrap due-overdue' : 'nowrap'}>
                <LocalTime iso={r.current_due_at} /> <OverdueBadge stage={r.overdue_stage} />
              </td>
              <td className="nowrap">
                <LocalTime iso={r.updated_at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
