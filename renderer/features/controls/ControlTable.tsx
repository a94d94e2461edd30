import { href, controlPath } from '#renderer/router'
import { EvidenceBadge } from '#renderer/components/rcsa/index'
import type { EvidenceStatus } from '#shared/controls/control.constants'
import { LastTestBadge } from './ControlBits'
import type { ControlRow } from './control-types'
import { effectivenessText, frequencyLabel, natureLabel, typeLabel } from './labels'

/** controls.md §11 library columns. */
export function ControlTable({ rows, caption }: { rows: readonly ControlRow[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="data controls-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Title</th>
            <th scope="col">Type · nature</th>
            <th scope="col">Frequency</th>
            <th scope="col" title="Design effectiveness">
              Design eff.
            </th>
            <th scope="col">Owner</th>
            <th scope="col">BU</th>
            <th scope="col">Status</th>
            <th scope="col">Evidence · last test</th>
            <th scope="col" title="Linked ACTIVE risks / all linked risks">
              Risks ACTIVE / all
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.is_active ? undefined : 'row-inactive'}>
              <td className="nowrap">{r.code ?? <span className="muted">—</span>}</td>
              <td className="control-title-cell">
                <a href={href(controlPath(r.id))}>{r.title}</a>
                <span className="control-ref">{r.ref}</span>
              </td>
              <td>
                {typeLabel(r.control_type)}
                <span className="control-ref">{natureLabel(r.control_nature)}</span>
              </td>
              <td>{frequencyLabel(r.control_frequency)}</td>
              <td>{effectivenessText(r.effectiveness)}</td>
              <td>{r.owner_name}</td>
              <td>{r.business_unit_name}</td>
              <td>
                <span className="control-status">
                  {r.is_active ? 'Active' : 'Inactive'}
                  {r.implementation_status === 'PLANNED' && <span className="badge badge-warning">Planned</span>}
                  {r.group_wide && <span className="badge badge-info">Group-wide</span>}
                </span>
              </td>
              <td>
                <span className="control-flags">
                  {r.evidence_status === 'VALID' ? (
                    <span className="evidence-valid-text">Valid evidence</span>
                  ) : (
                    <EvidenceBadge status={r.evidence_status as EvidenceStatus} />
                  )}
                  <LastTestBadge result={r.last_test_result} date={r.last_test_date} />
                </span>
              </td>
              <td className="num nowrap">
                {r.active_risks_count} / {r.linked_risks_count}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
