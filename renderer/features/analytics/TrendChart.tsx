import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { TrendRow } from './analytics-data'

type Props = { rows: TrendRow[]; height?: number }

/** Incidents discovered per UTC date; every date of the range is present, zeros included. */
export function TrendChart({ rows, height = 220 }: Props) {
  const total = rows.reduce((s, r) => s + r.count, 0)
  const first = rows[0]?.date
  const last = rows[rows.length - 1]?.date
  return (
    <figure className="chart">
      <figcaption className="chart-title">
        Discovered per day{first && last ? ` (${first} to ${last}, UTC)` : ''}: {total.toLocaleString('en-US')} in total
      </figcaption>
      <div className="chart-body" aria-hidden="true">
        <ResponsiveContainer width="100%" height={height}>
          <AreaChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="date" tick={{ fontSize: 12 }} tickFormatter={(d: string) => d.slice(5)} minTickGap={16} />
            <YAxis allowDecimals={false} width={48} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Area
              type="linear"
              dataKey="count"
              name="Discovered"
              stroke="#1d5fbf"
              fill="#e8f0fb"
              isAnimationActive={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <table className="visually-hidden">
        <caption>Incidents discovered per day</caption>
        <tbody>
          {rows.map((r) => (
            <tr key={r.date}>
              <th scope="row">{r.date}</th>
              <td>{r.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
