// Status of a KRI value and the threshold rules (kris.md §4), worst-first ordering (§9.3). Pure.

import { formatE4, parseDecimal } from './kri.decimal.rules'

export const DIRECTIONS = ['higher_is_worse', 'lower_is_worse', 'within_band'] as const
export type Direction = (typeof DIRECTIONS)[number]
export const DIRECTION_LABELS: Record<Direction, string> = {
  higher_is_worse: 'Higher is worse',
  lower_is_worse: 'Lower is worse',
  within_band: 'Within band',
}

export const VALUE_STATUSES = ['GREEN', 'AMBER', 'RED'] as const
export type ValueStatus = (typeof VALUE_STATUSES)[number]
export const KRI_STATUSES = ['RED', 'AMBER', 'GREEN', 'NO_DATA'] as const
export type KriStatus = (typeof KRI_STATUSES)[number]

/** Shipped status colours (§2.5). */
export const STATUS_COLOURS: Record<KriStatus, string> = {
  GREEN: '#2E7D32',
  AMBER: '#F9A825',
  RED: '#C62828',
  NO_DATA: '#9E9E9E',
}

/** The fields of a threshold set, by direction. */
export const BAND_FIELDS = ['amber', 'red'] as const
export const WITHIN_FIELDS = ['red_low', 'amber_low', 'amber_high', 'red_high'] as const
export const THRESHOLD_FIELDS = ['amber', 'red', 'amber_low', 'amber_high', 'red_low', 'red_high', 'target'] as const
export type ThresholdField = (typeof THRESHOLD_FIELDS)[number]

/** A threshold set in scaled integers; fields of the other direction are null. */
export type Thresholds = {
  direction: Direction
  amber_e4: number | null
  red_e4: number | null
  amber_low_e4: number | null
  amber_high_e4: number | null
  red_low_e4: number | null
  red_high_e4: number | null
  target_e4: number
}

/** §4: the status of value v (scaled) under thresholds t; a value equal to a threshold takes the worse status. */
export function statusOf(t: Thresholds, v: number): ValueStatus {
  switch (t.direction) {
    case 'higher_is_worse':
      if (v >= t.red_e4!) return 'RED'
      return v >= t.amber_e4! ? 'AMBER' : 'GREEN'
    case 'lower_is_worse':
      if (v <= t.red_e4!) return 'RED'
      return v <= t.amber_e4! ? 'AMBER' : 'GREEN'
    case 'within_band':
      if (v <= t.red_low_e4! || v >= t.red_high_e4!) return 'RED'
      if (v <= t.amber_low_e4! || v >= t.amber_high_e4!) return 'AMBER'
      return 'GREEN'
  }
}

/** Threshold fields as sent: decimal strings (anything else is refused with the number format message). */
export type ThresholdInput = {
  direction: Direction
  amber?: unknown
  red?: unknown
  amber_low?: unknown
  amber_high?: unknown
  red_low?: unknown
  red_high?: unknown
  target?: unknown
}

export type Issue = { path: (string | number)[]; message: string }
export type ThresholdCheck = { ok: true; thresholds: Thresholds } | { ok: false; issues: Issue[] }

export const THRESHOLD_MESSAGES = {
  higherOrder: 'For higher-is-worse KRIs the red threshold must be greater than the amber threshold.',
  higherTarget: 'The target must lie in the Green zone (below the amber threshold).',
  lowerOrder: 'For lower-is-worse KRIs the red threshold must be less than the amber threshold.',
  lowerTarget: 'The target must lie in the Green zone (above the amber threshold).',
  bandOrder: 'For within-band KRIs the thresholds must satisfy red low < amber low < amber high < red high.',
  bandTarget: 'The target must lie in the Green zone (between the amber thresholds).',
  notUsed: 'Field not used for this direction.',
  required: 'This field is required.',
} as const

const fieldsOf = (d: Direction): readonly ThresholdField[] =>
  d === 'within_band' ? [...WITHIN_FIELDS, 'target'] : [...BAND_FIELDS, 'target']

/**
 * §4 validation of a threshold input in the order of the table: required fields and numbers, fields of the
 * other direction, ordering, target in the Green zone. Paths are relative (the caller prefixes them).
 */
export function checkThresholds(input: ThresholdInput): ThresholdCheck {
  const issues: Issue[] = []
  const used = fieldsOf(input.direction)
  const e4: Partial<Record<ThresholdField, number>> = {}
  for (const f of THRESHOLD_FIELDS) {
    const raw = input[f]
    const present = raw !== undefined && raw !== null
    if (!used.includes(f)) {
      if (present) issues.push({ path: [f], message: THRESHOLD_MESSAGES.notUsed })
      continue
    }
    if (!present || raw === '') {
      issues.push({ path: [f], message: THRESHOLD_MESSAGES.required })
      continue
    }
    const parsed = parseDecimal(raw)
    if (parsed.ok) e4[f] = parsed.e4
    else issues.push({ path: [f], message: parsed.message })
  }
  if (issues.length > 0) return { ok: false, issues }

  const n = e4 as Record<ThresholdField, number>
  if (input.direction === 'higher_is_worse') {
    if (!(n.red > n.amber)) issues.push({ path: ['red'], message: THRESHOLD_MESSAGES.higherOrder })
    if (!(n.target < n.amber)) issues.push({ path: ['target'], message: THRESHOLD_MESSAGES.higherTarget })
  } else if (input.direction === 'lower_is_worse') {
    if (!(n.red < n.amber)) issues.push({ path: ['red'], message: THRESHOLD_MESSAGES.lowerOrder })
    if (!(n.target > n.amber)) issues.push({ path: ['target'], message: THRESHOLD_MESSAGES.lowerTarget })
  } else {
    if (!(n.red_low < n.amber_low && n.amber_low < n.amber_high && n.amber_high < n.red_high))
      issues.push({ path: ['red_low'], message: THRESHOLD_MESSAGES.bandOrder })
    if (!(n.amber_low < n.target && n.target < n.amber_high))
      issues.push({ path: ['target'], message: THRESHOLD_MESSAGES.bandTarget })
  }
  if (issues.length > 0) return { ok: false, issues }
  const band = input.direction !== 'within_band'
  return {
    ok: true,
    thresholds: {
      direction: input.direction,
      amber_e4: band ? n.amber : null,
      red_e4: band ? n.red : null,
      amber_low_e4: band ? null : n.amber_low,
      amber_high_e4: band ? null : n.amber_high,
      red_low_e4: band ? null : n.red_low,
      red_high_e4: band ? null : n.red_high,
      target_e4: n.target,
    },
  }
}

/** A threshold set as decimal strings (null for fields of the other direction), for answers and payloads. */
export function thresholdsAsDecimals(t: Thresholds) {
  const d = (v: number | null) => (v === null ? null : formatE4(v))
  return {
    direction: t.direction,
    amber: d(t.amber_e4),
    red: d(t.red_e4),
    amber_low: d(t.amber_low_e4),
    amber_high: d(t.amber_high_e4),
    red_low: d(t.red_low_e4),
    red_high: d(t.red_high_e4),
    target: formatE4(t.target_e4),
  }
}

/** The red limit in words, as the breach measure text puts it (§7). */
export function redLimitText(t: Thresholds): string {
  return t.direction === 'within_band'
    ? `(red band ≤ ${formatE4(t.red_low_e4!)} or ≥ ${formatE4(t.red_high_e4!)})`
    : `(red threshold ${formatE4(t.red_e4!)})`
}

// ---- worst-first order (§9.3) ----

export const STATUS_RANK: Record<KriStatus, number> = { RED: 0, AMBER: 1, NO_DATA: 2, GREEN: 3 }

export type WorstFirstRow = { current_status: string; overdue_period_start: string | null; name: string; id: string }

/** The worst-first sort key: status rank, overdue before not overdue, name, id. */
export function worstFirstKey(r: WorstFirstRow): [number, number, string, string] {
  return [STATUS_RANK[r.current_status as KriStatus] ?? 9, r.overdue_period_start ? 0 : 1, r.name, r.id]
}

/** Comparator for the worst-first order (same key as the SQL order of kri.list and kri.dashboard). */
export function compareWorstFirst(a: WorstFirstRow, b: WorstFirstRow): number {
  const x = worstFirstKey(a)
  const y = worstFirstKey(b)
  for (let i = 0; i < x.length; i += 1) {
    if (x[i]! < y[i]!) return -1
    if (x[i]! > y[i]!) return 1
  }
  return 0
}
