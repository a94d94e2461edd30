// A tiny trend of a KRI's last 12 periods for the dashboard table (kris.md §12): the value line with
// status-coloured markers and gaps at missing periods; no axes, zones or tooltip.
import { Line, LineChart, XAxis, YAxis, type DotItemDotProps } from 'recharts'
import { decimalToNumber, paddedDomain } from './chart-data'
import { trimDecimal } from './kri-format'
import { KRI_STATUS_COLOUR, KRI_STATUS_LABEL, LINE_COLOUR } from './palette'
import type { KriTrendPoint } from './types'

export type KriSparklineProps = {
  /** Trend points oldest first (a `kri.trend` answer's points); only the last `count` are drawn. */
  points: readonly Pick<KriTrendPoint, 'period_end' | 'value' | 'status'>[]
  /** How many trailing periods to draw (default 12). */
  count?: number
  width?: number
  height?: number
  /** Unit appended to the latest value in the accessible name. */
  unit?: string
}

type SparkRow = { x: number; value: number | null; status: KriTrendPoint['status'] }

function SparkDot({ cx, cy, payload }: DotItemDotProps) {
  const row = payload as SparkRow | undefined
  if (cx == null || cy == null || !row?.status) return null
  return <circle cx={cx} cy={cy} r={2.2} fill={KRI_STATUS_COLOUR[row.status]} />
}

export function KriSparkline({ points, count = 12, width = 120, height = 32, unit }: KriSparklineProps) {
  const recent = points.slice(-count)
  const rows: SparkRow[] = recent.map((p, x) => {
    const value = decimalToNumber(p.value)
    return { x, value, status: value == null ? null : p.status }
  })
  const latest = [...recent].reverse().find((p) => p.value != null)
  const name = latest?.value
    ? `Last ${recent.length} periods; latest ${trimDecimal(latest.value)}${unit ? ` ${unit}` : ''}, ${latest.status ? KRI_STATUS_LABEL[latest.status] : 'no status'}`
    : `Last ${recent.length} periods; no values`
  return (
    <span className="rcsa-sparkline" role="img" aria-label={name} title={name}>
      {rows.length > 0 && (
        <LineChart width={width} height={height} data={rows} margin={{ top: 3, right: 3, bottom: 3, left: 3 }}>
          <XAxis type="number" dataKey="x" domain={[0, Math.max(1, rows.length - 1)]} hide />
          <YAxis type="number" domain={paddedDomain(rows.map((r) => r.value))} hide allowDataOverflow />
          <Line
            type="linear"
            dataKey="value"
            stroke={LINE_COLOUR}
            strokeWidth={1.25}
            connectNulls={false}
            dot={SparkDot}
            activeDot={false}
            isAnimationActive={false}
          />
        </LineChart>
      )}
    </span>
  )
}
