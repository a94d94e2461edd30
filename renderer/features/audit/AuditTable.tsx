import { Fragment, useState } from 'react'
import { ChangesTable, LocalTime } from '#renderer/components/index'
import { actionWords } from '#renderer/lib/format'
import { href, incidentPath } from '#renderer/router'
import type { AuditEntry } from '#renderer/types'

type Props = { entries: readonly AuditEntry[]; onCorrelation: (correlationId: string) => void }

const COLUMNS = 9

/** audit-security §2.8 columns; a row expands to its before/after table. */
export function AuditTable({ entries, onCorrelation }: Props) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s)
      if (!next.delete(id)) next.add(id)
      return next
    })

  return (
    <div className="table-wrap">
      <table className="data audit">
        <caption className="visually-hidden">Audit entries</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Details</span>
            </th>
            <th scope="col">#</th>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Record</th>
            <th scope="col">Changed fields</th>
            <th scope="col">Reason</th>
            <th scope="col">Correlation id</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const expanded = open.has(e.id)
            return (
              <Fragment key={e.id}>
                <tr className={expanded ? 'row-expanded' : undefined}>
                  <td>
                    <button
                      type="button"
                      className="button-icon"
                      aria-expanded={expanded}
                      aria-controls={`audit-changes-${e.id}`}
                      aria-label={`Changes of entry #${e.seq}`}
                      onClick={() => toggle(e.id)}
                    >
                      <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
                    </button>
                  </td>
                  <td className="nowrap">#{e.seq}</td>
                  <td className="nowrap">
                    <LocalTime iso={e.at} />
                  </td>
                  <td>{e.actor_label}</td>
                  <td>
                    {actionWords(e.action) && <span className="action-words">{actionWords(e.action)} </span>}
                    <code>{e.action}</code>
                  </td>
                  <td>
                    <RecordCell entry={e} />
                  </td>
                  <td className="changed-fields">
                    {e.changes.length > 0 ? e.changes.map((c) => c.field).join(', ') : <span className="muted">—</span>}
                  </td>
                  <td>{e.reason ?? <span className="muted">—</span>}</td>
                  <td>
                    <button
                      type="button"
                      className="button-link mono"
                      title={`All entries of this action (${e.correlation_id})`}
                      onClick={() => onCorrelation(e.correlation_id)}
                    >
                      {e.correlation_id}
                    </button>
                  </td>
                </tr>
                {expanded && (
                  <tr id={`audit-changes-${e.id}`} className="row-details">
                    <td colSpan={COLUMNS}>
                      <ChangesTable changes={e.changes} caption={`Changes of entry #${e.seq}`} />
                    </td>
                  </tr>
                )}
              </Fragment>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

function RecordCell({ entry: e }: { entry: AuditEntry }) {
  const label = e.entity_ref ?? e.entity_id
  // Only incidents have a detail screen yet; it answers NOT_FOUND itself if the record is gone or out of scope.
  const link = e.entity_type === 'incident' ? href(incidentPath(e.entity_id)) : null
  return (
    <>
      <span className="muted">{e.entity_type}</span>{' '}
      {link ? <a href={link}>{label}</a> : <span className="mono">{label}</span>}
    </>
  )
}
