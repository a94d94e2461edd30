import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { CountRow } from './analytics-data'

type Props = { title: string; rows: CountRow[]; height?: number }

const BAR_ROW = 34

/** A bar per group; the same numbers sit in a hidden table for screen readers. */
export function CountChart({ title, rows, height }: Props) {
  const data = rows.map((r) => ({ label: r.group_label, count: r.count }))
  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      {rows.length === 0 ? (
        <p className="empty">No incidents.</p>
      ) : (
        <div className="chart-body" aria-hidden="true">
          {/* Horizontal bars: long labels such as "Pending Risk Validation" stay readable. */}
          <ResponsiveContainer width="100%" height={height ?? 24 + rows.length * BAR_ROW}>
            <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
              <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} interval={0} />
              <Tooltip />
              <Bar dataKey="count" name="Incidents" fill="#1d5fbf" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {rows.map((r) => (
            <tr key={r.group_key ?? 'none'}>
              <th scope="row">{r.group_label}</th>
              <td>{r.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
