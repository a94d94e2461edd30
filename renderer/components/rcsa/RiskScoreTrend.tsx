// The risk detail's History chart (risks.md §10): inherent and residual scores as two step lines over the
// approval snapshots, each marker on its band colour. A score holds from one snapshot until the next.
import { useMemo } from 'react'
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type DotItemDotProps,
  type TooltipContentProps,
} from 'recharts'
import { formatLocal } from '#renderer/lib/time'
import { indexTicks } from './chart-data'
import { riskTrendRows, timeDomain, type RiskTrendRow } from './risk-trend-data'
import { KRI_STATUS_LABEL, UNKNOWN_BAND_COLOUR } from './palette'
import type { BandStyle, RiskTrendPoint } from './types'

export type RiskScoreTrendProps = {
  /** The `risk.trend` answer: snapshots in `taken_at` order. */
  points: readonly RiskTrendPoint[]
  /** Bands of the matrix version(s) the snapshots name, to colour markers when points carry band codes. */
  bands: readonly BandStyle[]
  height?: number
  title?: string
}

const INHERENT_STROKE = '#13294B'
const RESIDUAL_STROKE = '#1D5FBF'
const SCORE_TICKS = [0, 5, 10, 15, 20, 25]

const TRIGGER_LABEL: Record<string, string> = {
  APPROVAL: 'Approval',
  WORKSHOP_APPROVAL: 'Workshop approval',
  RETIREMENT: 'Retirement',
}

const dayText = (t: number) => new Date(t).toISOString().slice(0, 10)

function InherentDot({ cx, cy, payload }: DotItemDotProps) {
  const row = payload as RiskTrendRow | undefined
  if (cx == null || cy == null || row?.inherent == null) return null
  return (
    <circle
      cx={cx}
      cy={cy}
      r={5.5}
      fill={row.inherentBand?.colour ?? UNKNOWN_BAND_COLOUR}
      stroke={INHERENT_STROKE}
      strokeWidth={1.5}
    />
  )
}

function ResidualDot({ cx, cy, payload }: DotItemDotProps) {
  const row = payload as RiskTrendRow | undefined
  if (cx == null || cy == null || row?.residual == null) return null
  // A square, so the two series stay apart where their scores meet.
  return (
    <rect
      x={cx - 5}
      y={cy - 5}
      width={10}
      height={10}
      fill={row.residualBand?.colour ?? UNKNOWN_BAND_COLOUR}
      stroke={RESIDUAL_STROKE}
      strokeWidth={1.5}
    />
  )
}

const scoreText = (score: number | null, band: BandStyle | null) =>
  score == null ? '—' : `${score}${band ? ` ${band.label}` : ''}`

function actorName(actor: RiskTrendPoint['actor']): string | null {
  if (actor == null) return null
  if (typeof actor === 'string') return actor
  return actor.name ?? actor.display_name ?? actor.email ?? null
}

function RiskTrendTooltip({ active, payload }: TooltipContentProps) {
  const row = payload?.[0]?.payload as RiskTrendRow | undefined
  if (!active || !row) return null
  const p = row.point
  const actor = actorName(p.actor)
  return (
    <div className="rcsa-tooltip">
      <strong>{formatLocal(p.taken_at)}</strong> · {TRIGGER_LABEL[p.trigger] ?? p.trigger}
      <div>Inherent {scoreText(row.inherent, row.inherentBand)}</div>
      <div>Residual {scoreText(row.residual, row.residualBand)}</div>
      <div className="muted">
        {p.control_count} active control{p.control_count === 1 ? '' : 's'}
        {p.worst_kri_status && ` · worst KRI ${KRI_STATUS_LABEL[p.worst_kri_status]}`}
        {actor && ` · ${actor}`}
      </div>
    </div>
  )
}

export function RiskScoreTrend({ points, bands, height = 260, title = 'Score history' }: RiskScoreTrendProps) {
  const rows = useMemo(() => riskTrendRows(points, bands), [points, bands])
  const times = rows.map((r) => r.t)
  const ticks = indexTicks(times.length, 6).map((i) => times[i] ?? 0)

  return (
    <figure className="chart rcsa-risk-trend">
      <figcaption className="chart-title">{title}</figcaption>
      {rows.length === 0 ? (
        <p className="empty">No approvals yet.</p>
      ) : (
        <div className="chart-body" aria-hidden="true">
          <ResponsiveContainer width="100%" height={height}>
            <LineChart data={rows} margin={{ top: 10, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis
                type="number"
                dataKey="t"
                scale="time"
                domain={timeDomain(times)}
                ticks={ticks}
                tickFormatter={dayText}
                tick={{ fontSize: 12 }}
              />
              <YAxis type="number" domain={[0, 26]} ticks={SCORE_TICKS} width={36} tick={{ fontSize: 12 }} />
              <Tooltip content={RiskTrendTooltip} />
              <Line
                type="stepAfter"
                dataKey="inherent"
                name="Inherent"
                stroke={INHERENT_STROKE}
                strokeWidth={2}
                dot={InherentDot}
                activeDot={false}
                connectNulls={false}
                isAnimationActive={false}
              />
              <Line
                type="stepAfter"
                dataKey="residual"
                name="Residual"
                stroke={RESIDUAL_STROKE}
                strokeWidth={2}
                strokeDasharray="5 3"
                dot={ResidualDot}
                activeDot={false}
                connectNulls={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <ul className="rcsa-legend" aria-hidden="true">
        <li>
          <span className="rcsa-swatch-line" style={{ borderColor: INHERENT_STROKE }} />
          Inherent (circles)
        </li>
        <li>
          <span className="rcsa-swatch-line rcsa-swatch-dashed" style={{ borderColor: RESIDUAL_STROKE }} />
          Residual (squares)
        </li>
      </ul>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Event</th>
            <th scope="col">Inherent</th>
            <th scope="col">Residual</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.point.taken_at}-${i}`}>
              <th scope="row">{formatLocal(r.point.taken_at)}</th>
              <td>{TRIGGER_LABEL[r.point.trigger] ?? r.point.trigger}</td>
              <td>{scoreText(r.inherent, r.inherentBand)}</td>
              <td>{scoreText(r.residual, r.residualBand)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
