// Text for KRI numbers, thresholds and periods (kris.md §1, §2.2, §9.2): tooltips, tables and axis labels.
import { formatE4, parseDecimal } from '#shared/kris/kri.decimal.rules'
import type { KriDirection, KriFrequency, KriTrendThresholds } from './types'

/** Tick and tooltip text for a plotted number: at most 4 decimals, trailing zeros trimmed (kris.md §1). */
export function formatNumber(n: number): string {
  return String(Number(n.toFixed(4)))
}

/**
 * A stored decimal string as displayed, by the shared §1 rule: trailing fractional zeros trimmed ("12.5000" →
 * "12.5"). Text that is not a decimal is shown as it is.
 */
export function trimDecimal(value: string): string {
  const p = parseDecimal(value)
  return p.ok ? formatE4(p.e4) : value
}

export const DIRECTION_LABEL: Record<KriDirection, string> = {
  higher_is_worse: 'Higher is worse',
  lower_is_worse: 'Lower is worse',
  within_band: 'Within band',
}

/** A threshold set as the answers carry it, decimal strings; only the trend's sets carry their number. */
type ThresholdLimits = Omit<KriTrendThresholds, 'set_seq'> & { set_seq?: number }

/**
 * The thresholds in words, e.g. "Amber 5 · Red 10 · Target 2" or the four band limits with the target: the charts'
 * tooltips and tables, and the KRI screens (which pass their own `none`).
 */
export function thresholdSummary(t: ThresholdLimits | null | undefined, none = 'No thresholds'): string {
  if (!t) return none
  const parts: [string, string | null | undefined][] =
    t.direction === 'within_band'
      ? [
          ['Red low', t.red_low],
          ['Amber low', t.amber_low],
          ['Amber high', t.amber_high],
          ['Red high', t.red_high],
        ]
      : [
          ['Amber', t.amber],
          ['Red', t.red],
        ]
  parts.push(['Target', t.target])
  return parts
    .filter((p): p is [string, string] => p[1] != null)
    .map(([k, v]) => `${k} ${trimDecimal(v)}`)
    .join(' · ')
}

/** Axis label of a period placed at its end: the date for daily and weekly KRIs, else month, quarter or year. */
export function periodLabel(frequency: KriFrequency, periodStart: string, periodEnd: string): string {
  switch (frequency) {
    case 'MONTHLY':
      return periodStart.slice(0, 7)
    case 'QUARTERLY':
      return `${periodStart.slice(0, 4)} Q${Math.floor(Number(periodStart.slice(5, 7)) / 3) + 1}`
    case 'ANNUALLY':
      return periodStart.slice(0, 4)
    default:
      return periodEnd
  }
}
