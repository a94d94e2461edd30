import { useEffect, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { Badge, LocalTime, OverdueBadge, StatusChip } from '#renderer/components/index'
import { href, incidentPath } from '#renderer/router'
import type { IncidentRow } from '#renderer/types'

/** `mine`: the reporter's own list; `team` adds who and where, for queues and registers. */
export type IncidentColumns = 'mine' | 'team'

type Props = {
  rows: readonly IncidentRow[]
  columns: IncidentColumns
  caption: string
  /** Asked for the next keyset page when the user scrolls near the end of what is loaded. */
  onNearEnd?: (() => void) | undefined
}

const ROW_HEIGHT = 44
/** Up to this many rows render plainly; beyond it only the rows in view (plus a margin) are in the DOM. */
const PLAIN_LIMIT = 100

export function IncidentTable({ rows, columns, caption, onNearEnd }: Props) {
  const team = columns === 'team'
  const scroller = useRef<HTMLDivElement>(null)
  const virtual = rows.length > PLAIN_LIMIT
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to re-read each render
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    enabled: virtual,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items[items.length - 1]?.index ?? -1
  useEffect(() => {
    if (virtual && onNearEnd && lastIndex >= rows.length - 25) onNearEnd()
  }, [virtual, onNearEnd, lastIndex, rows.length])
  const shown = virtual ? items.map((v) => rows[v.index]!) : rows
  const before = virtual ? (items[0]?.start ?? 0) : 0
  const after = virtual ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0
  const span = team ? 7 : 5
  return (
    <div
      className={virtual ? 'table-wrap table-virtual' : 'table-wrap'}
      ref={scroller}
      data-rows={rows.length}
      {...(virtual ? { tabIndex: 0, 'aria-label': `${caption}: ${rows.length} rows loaded` } : {})}
    >
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
          {before > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={span} style={{ height: before }} />
            </tr>
          )}
          {shown.map((r) => (
            <tr key={r.id} className={r.overdue_stage ? 'row-overdue' : undefined}>
              <td className="nowrap">
                <a href={href(incidentPath(r.id))}>{r.ref}</a>
              </td>
              <td className="cell-title" title={r.title}>
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
              <td className={r.overdue_stage ? 'due-overdue' : undefined}>
                <LocalTime iso={r.current_due_at} /> <OverdueBadge stage={r.overdue_stage} />
              </td>
              <td>
                <LocalTime iso={r.updated_at} />
              </td>
            </tr>
          ))}
          {after > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={span} style={{ height: after }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}
