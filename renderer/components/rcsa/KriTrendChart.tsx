// The KRI trend chart of kris.md §9.2: one slot per period (x = period end), the value line with status-coloured
// markers, background zones from the thresholds in force per period (a threshold change steps between two
// periods), a dashed target, gaps at missing periods and a hollow red marker on overdue ones.
import { useMemo } from 'react'
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type DotItemDotProps,
  type TooltipContentProps,
} from 'recharts'
import { kriChartModel, niceTicks, type KriChartRow } from './chart-data'
import { DIRECTION_LABEL, formatNumber, periodLabel, thresholdSummary, trimDecimal } from './kri-format'
import { KRI_STATUS_COLOUR, KRI_STATUS_LABEL, LINE_COLOUR } from './palette'
import type { KriTrendAnswer } from './types'

export type KriTrendChartProps = {
  /** The `kri.trend` answer. */
  data: KriTrendAnswer
  /** Plot height in pixels (default 300). */
  height?: number
  /** Caption; defaults to "{name} ({unit})". */
  title?: string
}

const OVERDUE_COLOUR = KRI_STATUS_COLOUR.RED

function StatusDot({ cx, cy, payload }: DotItemDotProps) {
  const row = payload as KriChartRow | undefined
  if (cx == null || cy == null || !row?.status) return null
  return <circle cx={cx} cy={cy} r={4.5} fill={KRI_STATUS_COLOUR[row.status]} stroke="#FFFFFF" strokeWidth={1.5} />
}

function OverdueDot({ cx, cy }: DotItemDotProps) {
  if (cx == null || cy == null) return null
  return <circle cx={cx} cy={cy} r={5} fill="#FFFFFF" stroke={OVERDUE_COLOUR} strokeWidth={2} />
}

function valueText(row: KriChartRow, unit: string) {
  if (row.valueText != null) return `${trimDecimal(row.valueText)} ${unit}`
  return row.overdue ? 'Overdue: no value' : 'No value'
}

function KriTooltip({ active, payload, unit }: TooltipContentProps & { unit: string }) {
  const row = payload?.[0]?.payload as KriChartRow | undefined
  if (!active || !row) return null
  return (
    <div className="rcsa-tooltip">
      <strong>
        {row.period_start} to {row.period_end}
      </strong>
      <div>
        {valueText(row, unit)}
        {row.status && ` · ${KRI_STATUS_LABEL[row.status]}`}
        {row.version_no != null && row.version_no > 1 && ` · version ${row.version_no} (corrected)`}
      </div>
      <div className="muted">{thresholdSummary(row.thresholds)}</div>
    </div>
  )
}

export function KriTrendChart({ data, height = 300, title }: KriTrendChartProps) {
  const { rows, domain, segments, ticks } = useMemo(() => kriChartModel(data.points), [data.points])
  const { unit, frequency } = data.kri
  const tickText = (i: number) => {
    const r = rows[i]
    return r ? periodLabel(frequency, r.period_start, r.period_end) : ''
  }
  const caption = title ?? `${data.kri.name} (${unit})`

  return (
    <figure className="chart rcsa-kri-trend">
      <figcaption className="chart-title">
        {caption} <span className="muted">· {DIRECTION_LABEL[data.kri.direction]}</span>
      </figcaption>
      {rows.length === 0 ? (
        <p className="empty">No periods in this range.</p>
      ) : (
        <div className="chart-body" aria-hidden="true">
          <ResponsiveContainer width="100%" height={height}>
            <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              {segments.flatMap((s) =>
                s.zones.map((z, k) => (
                  <ReferenceArea
                    key={`zone-${s.first}-${k}`}
                    x1={s.x1}
                    x2={s.x2}
                    y1={z.y1}
                    y2={z.y2}
                    fill={KRI_STATUS_COLOUR[z.status]}
                    fillOpacity={0.16}
                    stroke="none"
                    ifOverflow="hidden"
                  />
                )),
              )}
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis
                type="number"
                dataKey="x"
                domain={[-0.5, rows.length - 0.5]}
                ticks={ticks}
                tickFormatter={tickText}
                allowDataOverflow
                tick={{ fontSize: 12 }}
              />
              <YAxis
                type="number"
                domain={domain}
                ticks={niceTicks(domain)}
                allowDataOverflow
                tickFormatter={formatNumber}
                width={60}
                tick={{ fontSize: 12 }}
              />
              <Tooltip content={(p) => <KriTooltip {...p} unit={unit} />} />
              {segments.map(
                (s) =>
                  s.target != null && (
                    <ReferenceLine
                      key={`target-${s.first}`}
                      segment={[
                        { x: s.x1, y: s.target },
                        { x: s.x2, y: s.target },
                      ]}
                      stroke={LINE_COLOUR}
                      strokeDasharray="6 4"
                      strokeWidth={1.5}
                      ifOverflow="hidden"
                    />
                  ),
              )}
              <Line
                type="linear"
                dataKey="value"
                name="Value"
                stroke={LINE_COLOUR}
                strokeWidth={2}
                connectNulls={false}
                dot={StatusDot}
                activeDot={false}
                isAnimationActive={false}
              />
              <Line
                type="linear"
                dataKey="overdueY"
                name="Overdue"
                stroke="none"
                dot={OverdueDot}
                activeDot={false}
                isAnimationActive={false}
                legendType="none"
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      )}
      <KriTrendLegend />
      <table className="visually-hidden">
        <caption>{caption}: values per period</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Value</th>
            <th scope="col">Status</th>
            <th scope="col">Thresholds</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.period_start}>
              <th scope="row">
                {r.period_start} to {r.period_end}
              </th>
              <td>{valueText(r, unit)}</td>
              <td>{r.status ? KRI_STATUS_LABEL[r.status] : '—'}</td>
              <td>{thresholdSummary(r.thresholds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}

/** The key under the chart: zone colours, target, overdue marker. */
function KriTrendLegend() {
  return (
    <ul className="rcsa-legend" aria-hidden="true">
      {(['GREEN', 'AMBER', 'RED'] as const).map((s) => (
        <li key={s}>
          <span className="rcsa-swatch" style={{ background: KRI_STATUS_COLOUR[s] }} />
          {KRI_STATUS_LABEL[s]}
        </li>
      ))}
      <li>
        <span className="rcsa-swatch-line rcsa-swatch-dashed" />
        Target
      </li>
      <li>
        <span className="rcsa-swatch-ring" />
        Overdue, no value
      </li>
    </ul>
  )
}
