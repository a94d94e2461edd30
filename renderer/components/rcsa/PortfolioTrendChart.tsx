// The heat map dashboard's portfolio trend (risks.md §10, §15): per interval end date, the active risks stacked
// by band, lowest band at the bottom, each on its band colour.
import { useMemo } from 'react'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { portfolioSeries } from './risk-trend-data'
import type { BandStyle, PortfolioTrendPoint } from './types'

export type PortfolioTrendChartProps = {
  /** The `risk.portfolioTrend` points, oldest first. */
  points: readonly PortfolioTrendPoint[]
  /** Bands in ascending order (the published matrix's); codes the points name beyond these are drawn grey. */
  bands: readonly BandStyle[]
  /** INHERENT or RESIDUAL, for the caption. */
  basis?: 'INHERENT' | 'RESIDUAL'
  height?: number
  title?: string
}

export function PortfolioTrendChart({ points, bands, basis, height = 260, title }: PortfolioTrendChartProps) {
  const { rows, series } = useMemo(() => portfolioSeries(points, bands), [points, bands])
  const basisWord = basis === 'INHERENT' ? 'inherent ' : basis === 'RESIDUAL' ? 'residual ' : ''
  const caption = title ?? `Active risks by ${basisWord}band`
  return (
    <figure className="chart rcsa-portfolio-trend">
      <figcaption className="chart-title">{caption}</figcaption>
      {rows.length === 0 ? (
        <p className="empty">No data for this range.</p>
      ) : (
        <div className="chart-body" aria-hidden="true">
          <ResponsiveContainer width="100%" height={height}>
            <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="date" tick={{ fontSize: 12 }} minTickGap={12} />
              <YAxis allowDecimals={false} width={40} tick={{ fontSize: 12 }} />
              <Tooltip />
              {series.map((b) => (
                <Bar
                  key={b.code}
                  dataKey={b.code}
                  name={b.label}
                  stackId="bands"
                  fill={b.colour}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <ul className="rcsa-legend" aria-hidden="true">
        {series.map((b) => (
          <li key={b.code}>
            <span className="rcsa-swatch rcsa-swatch-solid" style={{ background: b.colour }} />
            {b.label}
          </li>
        ))}
      </ul>
      <table className="visually-hidden">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            {series.map((b) => (
              <th key={b.code} scope="col">
                {b.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.date}>
              <th scope="row">{r.date}</th>
              {series.map((b) => (
                <td key={b.code}>{r[b.code]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
