import type { ReactNode } from 'react'
import { LocalTime } from '#renderer/components/index'
import { href } from '#renderer/router'
import { Deadline, MeasureStatusChip } from './MeasureBits'
import type { MeasureRow } from './measure-types'
import { measurePath } from './paths'

/** Optional columns beside ref, description, status and deadline. */
export type MeasureColumn = 'responsible' | 'links' | 'submitted' | 'created'

type Props = {
  rows: readonly MeasureRow[]
  columns: readonly MeasureColumn[]
  caption: string
  /** Row actions (My measures): rendered in a last column. */
  actions?: (row: MeasureRow) => ReactNode
}

export function MeasureTable({ rows, columns, caption, actions }: Props) {
  const has = (c: MeasureColumn) => columns.includes(c)
  return (
    <div className="table-wrap">
      <table className="data measures">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ref</th>
            <th scope="col">Description</th>
            <th scope="col">Status</th>
            {has('responsible') && <th scope="col">Responsible</th>}
            <th scope="col">Deadline</th>
            {has('submitted') && <th scope="col">Submitted</th>}
            {has('links') && <th scope="col">Links</th>}
            {has('created') && <th scope="col">Created</th>}
            {actions && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.is_overdue ? 'row-overdue' : undefined}>
              <td className="nowrap">
                <a href={href(measurePath(r.id))}>{r.ref}</a>
              </td>
              <td className="measure-description">{r.description}</td>
              <td>
                <MeasureStatusChip code={r.status} name={r.status_name} />
              </td>
              {has('responsible') && <td>{r.responsible_name}</td>}
              <td className="nowrap">
                <Deadline date={r.deadline} overdue={r.is_overdue} />
              </td>
              {has('submitted') && (
                <td className="nowrap">
                  <LocalTime iso={r.submitted_at} />
                </td>
              )}
              {has('links') && (
                <td className="nowrap">
                  {r.linked_incident_count + r.linked_risk_count === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    linkWords(r.linked_incident_count, r.linked_risk_count)
                  )}
                </td>
              )}
              {has('created') && (
                <td className="nowrap">
                  <LocalTime iso={r.created_at} />
                </td>
              )}
              {actions && <td className="row-actions-cell">{actions(r)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
const linkWords = (incidents: number, risks: number) =>
  [incidents > 0 ? plural(incidents, 'incident') : '', risks > 0 ? plural(risks, 'risk') : '']
    .filter(Boolean)
    .join(', ')
