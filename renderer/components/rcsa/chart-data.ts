// Pure data shaping for the KRI charts (kris.md §9.2): the components only draw what these functions return.
import type { KriDirection, KriTrendPoint, KriTrendThresholds, KriValueStatus } from './types'

const DECIMAL = /^-?\d{1,12}(\.\d{1,4})?$/

/** A KRI decimal string (kris.md §1) → a number for plotting; null for null or a malformed string (drawn as a gap). */
export function decimalToNumber(value: string | null | undefined): number | null {
  if (value == null) return null
  const text = value.trim()
  return DECIMAL.test(text) ? Number(text) : null
}

// Ten-thousandths are the finest KRI step; six places hide float noise such as 9.100000000000001.
const tidy = (n: number) => Number(n.toFixed(6))

/**
 * The y-axis range covering every given number plus `ratio` of the span on each side (kris.md §9.2: 10 %).
 * A flat series pads by 10 % of its magnitude (or 1 around zero) so the line does not sit on the frame.
 */
export function paddedDomain(values: readonly (number | null | undefined)[], ratio = 0.1): [number, number] {
  let min = Infinity
  let max = -Infinity
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v)) continue
    if (v < min) min = v
    if (v > max) max = v
  }
  if (min === Infinity) return [0, 1]
  const span = max - min
  const pad = span > 0 ? span * ratio : Math.abs(max) * ratio || 1
  return [tidy(min - pad), tidy(max + pad)]
}

/** Round tick values (steps of 1, 2, 2.5 or 5 × 10ⁿ) inside a domain, about `target` of them. */
export function niceTicks([lo, hi]: readonly [number, number], target = 5): number[] {
  const span = hi - lo
  if (!(span > 0) || !Number.isFinite(span)) return [lo]
  const raw = span / target
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const ticksOf = (step: number) => {
    const ticks: number[] = []
    for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(tidy(v))
    return ticks
  }
  // The candidate whose tick count is nearest the target; on a tie the finer one.
  let best: number[] = []
  for (const m of [1, 2, 2.5, 5, 10]) {
    const ticks = ticksOf(m * magnitude)
    if (best.length === 0 || Math.abs(ticks.length - target) < Math.abs(best.length - target)) best = ticks
  }
  return best
}

export type NumericThresholds = {
  setSeq: number
  direction: KriDirection
  amber: number | null
  red: number | null
  amberLow: number | null
  amberHigh: number | null
  redLow: number | null
  redHigh: number | null
  target: number | null
}

export function numericThresholds(t: KriTrendThresholds): NumericThresholds {
  return {
    setSeq: t.set_seq,
    direction: t.direction,
    amber: decimalToNumber(t.amber),
    red: decimalToNumber(t.red),
    amberLow: decimalToNumber(t.amber_low),
    amberHigh: decimalToNumber(t.amber_high),
    redLow: decimalToNumber(t.red_low),
    redHigh: decimalToNumber(t.red_high),
    target: decimalToNumber(t.target),
  }
}

const thresholdNumbers = (t: NumericThresholds) => [
  t.amber,
  t.red,
  t.amberLow,
  t.amberHigh,
  t.redLow,
  t.redHigh,
  t.target,
]

/** kris.md §9.2: the y-axis spans every value and every threshold (target included) in range, plus 10 % each side. */
export function kriDomain(points: readonly KriTrendPoint[]): [number, number] {
  const all: (number | null)[] = []
  for (const p of points) {
    all.push(decimalToNumber(p.value))
    if (p.thresholds) all.push(...thresholdNumbers(numericThresholds(p.thresholds)))
  }
  return paddedDomain(all)
}

export type Zone = { status: KriValueStatus; y1: number; y2: number }

/**
 * The status zones of one threshold set, clipped to [lo, hi], bottom first. Boundaries belong to the worse
 * status (kris.md §4), which a filled area cannot show and need not: the line between two zones is the threshold.
 */
export function zonesFor(t: NumericThresholds, [lo, hi]: readonly [number, number]): Zone[] {
  let raw: [KriValueStatus, number | null, number | null][]
  if (t.direction === 'higher_is_worse') {
    if (t.amber == null || t.red == null) return []
    raw = [
      ['GREEN', lo, t.amber],
      ['AMBER', t.amber, t.red],
      ['RED', t.red, hi],
    ]
  } else if (t.direction === 'lower_is_worse') {
    if (t.amber == null || t.red == null) return []
    raw = [
      ['RED', lo, t.red],
      ['AMBER', t.red, t.amber],
      ['GREEN', t.amber, hi],
    ]
  } else {
    if (t.redLow == null || t.amberLow == null || t.amberHigh == null || t.redHigh == null) return []
    raw = [
      ['RED', lo, t.redLow],
      ['AMBER', t.redLow, t.amberLow],
      ['GREEN', t.amberLow, t.amberHigh],
      ['AMBER', t.amberHigh, t.redHigh],
      ['RED', t.redHigh, hi],
    ]
  }
  const zones: Zone[] = []
  for (const [status, from, to] of raw) {
    const y1 = Math.max(lo, from ?? lo)
    const y2 = Math.min(hi, to ?? hi)
    if (y2 > y1) zones.push({ status, y1, y2 })
  }
  return zones
}

/** A run of consecutive periods under identical thresholds: one set of zones and one target segment. */
export type ZoneSegment = {
  first: number
  last: number
  /** Period i occupies x ∈ [i − 0.5, i + 0.5]: a threshold change steps halfway between two period ends. */
  x1: number
  x2: number
  thresholds: NumericThresholds
  target: number | null
  zones: Zone[]
}

const sameThresholds = (a: NumericThresholds, b: NumericThresholds) =>
  a.setSeq === b.setSeq &&
  a.direction === b.direction &&
  thresholdNumbers(a).every((v, i) => v === thresholdNumbers(b)[i])

/** Zone segments from the thresholds in force per point; periods without thresholds get no zone. */
export function zoneSegments(points: readonly KriTrendPoint[], domain: readonly [number, number]): ZoneSegment[] {
  const segments: ZoneSegment[] = []
  let open: ZoneSegment | null = null
  points.forEach((p, i) => {
    const t = p.thresholds ? numericThresholds(p.thresholds) : null
    if (open && t && open.last === i - 1 && sameThresholds(open.thresholds, t)) {
      open.last = i
      open.x2 = i + 0.5
      return
    }
    open = t ? { first: i, last: i, x1: i - 0.5, x2: i + 0.5, thresholds: t, target: t.target, zones: [] } : null
    if (open) segments.push(open)
  })
  for (const s of segments) s.zones = zonesFor(s.thresholds, domain)
  return segments
}

/** Up to `max` evenly spaced indices of n points, always ending with the last one. */
export function indexTicks(n: number, max = 8): number[] {
  if (n <= 0) return []
  const step = Math.max(1, Math.ceil(n / max))
  const ticks: number[] = []
  for (let i = (n - 1) % step; i < n; i += step) ticks.push(i)
  return ticks
}

export type KriChartRow = {
  x: number
  period_start: string
  period_end: string
  value: number | null
  valueText: string | null
  status: KriValueStatus | null
  version_no: number | null
  missing: boolean
  overdue: boolean
  /** Where an overdue period's hollow marker sits: near the bottom of the plot, since it has no value. */
  overdueY: number | null
  target: number | null
  thresholds: KriTrendThresholds | null
}

export type KriChartModel = {
  rows: KriChartRow[]
  domain: [number, number]
  segments: ZoneSegment[]
  ticks: number[]
}

export function kriChartModel(points: readonly KriTrendPoint[], maxTicks = 8): KriChartModel {
  const domain = kriDomain(points)
  const baseline = tidy(domain[0] + (domain[1] - domain[0]) * 0.04)
  const rows = points.map<KriChartRow>((p, x) => {
    const value = p.missing ? null : decimalToNumber(p.value)
    return {
      x,
      period_start: p.period_start,
      period_end: p.period_end,
      value,
      valueText: value == null ? null : p.value,
      status: value == null ? null : p.status,
      version_no: p.version_no,
      missing: value == null,
      overdue: p.overdue,
      overdueY: p.overdue && value == null ? baseline : null,
      target: p.thresholds ? decimalToNumber(p.thresholds.target) : null,
      thresholds: p.thresholds,
    }
  })
  return { rows, domain, segments: zoneSegments(points, domain), ticks: indexTicks(points.length, maxTicks) }
}
