import { hours, type MttxRow } from './analytics-data'

/** MTTD/MTTR per group, as incident.metrics.mttx returns them (level-2 Basel types already rolled up). */
export function GroupedTable({ rows, groupLabel }: { rows: MttxRow[]; groupLabel: string }) {
  if (rows.length === 0) return <p className="empty">No incidents match these filters.</p>
  return (
    <div className="table-wrap analytics-table">
      <table className="data">
        <caption className="visually-hidden">MTTD and MTTR by {groupLabel.toLowerCase()}</caption>
        <thead>
          <tr>
            <th scope="col">{groupLabel}</th>
            <th scope="col" className="num">
              MTTD
            </th>
            <th scope="col" className="num">
              Incidents (MTTD)
            </th>
            <th scope="col" className="num">
              MTTR
            </th>
            <th scope="col" className="num">
              Closed (MTTR)
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.group_key ?? 'none'}>
              <th scope="row">{r.group_label}</th>
              <td className="num">{hours(r.mttd_hours)}</td>
              <td className="num">{r.mttd_n.toLocaleString('en-US')}</td>
              <td className="num">{hours(r.mttr_hours)}</td>
              <td className="num">{r.mttr_n.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
