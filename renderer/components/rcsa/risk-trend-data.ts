// Data shaping for the risk charts (risks.md §10): score history over snapshots and the portfolio trend.
import { resolveBand, UNKNOWN_BAND_COLOUR } from './palette'
import type { BandStyle, PortfolioTrendPoint, RiskTrendPoint } from './types'

export type RiskTrendRow = {
  t: number
  point: RiskTrendPoint
  inherent: number | null
  residual: number | null
  inherentBand: BandStyle | null
  residualBand: BandStyle | null
}

/** `risk.trend` points → rows on a time axis (ms since epoch), bands resolved to their colours. */
export function riskTrendRows(points: readonly RiskTrendPoint[], bands: readonly BandStyle[]): RiskTrendRow[] {
  return points
    .map((point) => ({
      t: Date.parse(point.taken_at),
      point,
      inherent: point.inherent_score,
      residual: point.residual_score,
      inherentBand: resolveBand(point.inherent_band, bands),
      residualBand: resolveBand(point.residual_band, bands),
    }))
    .filter((r) => Number.isFinite(r.t))
}

/** A time axis around the given instants (ms); a single instant gets a day either side. */
export function timeDomain(times: readonly number[]): [number, number] {
  if (times.length === 0) return [0, 1]
  const min = Math.min(...times)
  const max = Math.max(...times)
  const pad = max > min ? (max - min) * 0.05 : 86_400_000
  return [min - pad, max + pad]
}

export type PortfolioSeries = {
  rows: ({ date: string } & Record<string, number | string>)[]
  /** Stack order, lowest band at the bottom; codes the bands list lacks are appended in grey. */
  series: BandStyle[]
}

/** `risk.portfolioTrend` points → stacked-bar rows keyed by band code, zeros filled in. */
export function portfolioSeries(points: readonly PortfolioTrendPoint[], bands: readonly BandStyle[]): PortfolioSeries {
  const series: BandStyle[] = [...bands]
  for (const p of points) {
    for (const code of Object.keys(p.counts)) {
      if (!series.some((b) => b.code === code))
        series.push({ code, label: code, colour: UNKNOWN_BAND_COLOUR, text_colour: '#000000' })
    }
  }
  const rows = points.map((p) => {
    const row: { date: string } & Record<string, number | string> = { date: p.date }
    for (const b of series) row[b.code] = p.counts[b.code] ?? 0
    return row
  })
  return { rows, series }
}
