import { formatDate, formatLocal } from '#renderer/lib/time'
import { href, riskPath } from '#renderer/router'
import { ControlCount, RiskAcceptanceBadge, RiskStatusChip, ScoreChip } from './RiskBits'
import type { RiskRow } from './risk-types'

type Props = { rows: readonly RiskRow[]; caption: string }

const pad = (n: number) => String(n).padStart(2, '0')
/** The local calendar day of a timestamp, `YYYY-MM-DD`. */
const localDay = (iso: string) => {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** risks.md §15 register columns. */
export function RiskTable({ rows, caption }: Props) {
  return (
    <div className="table-wrap">
      <table className="data risks">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ref</th>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">Category / unit</th>
            <th scope="col">Owner</th>
            <th scope="col">Inherent</th>
            <th scope="col">Residual</th>
            <th scope="col">Controls</th>
            <th scope="col">Next review</th>
            <th scope="col">Acceptance</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">
                <a href={href(riskPath(r.id))}>{r.ref}</a>
              </td>
              <td className="cell-title">{r.title}</td>
              <td>
                <RiskStatusChip status={r.status} label={r.status_label} />
              </td>
              <td>
                {r.risk_category_name ?? '—'}
                <br />
                <span className="muted">{r.business_unit_name ?? '—'}</span>
              </td>
              <td>{r.owner_name ?? '—'}</td>
              <td className="nowrap">
                <ScoreChip score={r.inherent_score} band={r.bands.inherent} />
              </td>
              <td className="nowrap">
                <ScoreChip score={r.residual_score} band={r.bands.residual} />
              </td>
              <td className="nowrap">
                <ControlCount all={r.control_count} active={r.active_control_count} />
              </td>
              <td className="nowrap" title={r.next_review_date ? formatDate(r.next_review_date) : undefined}>
                {r.next_review_date ?? '—'}
              </td>
              <td>
                <RiskAcceptanceBadge badge={r.acceptance} />
              </td>
              <td className="nowrap">
                {/* The day is enough in a register (YYYY-MM-DD as the dates beside it); the time is in the tooltip. */}
                <time dateTime={r.updated_at} title={formatLocal(r.updated_at)}>
                  {localDay(r.updated_at)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
