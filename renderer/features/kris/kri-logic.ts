// Pure helpers of the KRI screens. The rules themselves are the shared ones (kris.md §3 periods, §4 status,
// §1 numbers) imported from shared/kris/*.rules.ts: these functions only arrange their answers for a screen.
import { formatE4, parseDecimal } from '#shared/kris/kri.decimal.rules'
import {
  enumeratePeriods,
  latestStartedPeriod,
  nextPeriodStart,
  periodEnd,
  periodsBefore,
  type Calendar,
  type Frequency,
  type Period,
} from '#shared/kris/kri.period.rules'
import { statusOf, type Direction, type Thresholds, type ValueStatus } from '#shared/kris/kri.status.rules'
import { thresholdSummary, trimDecimal } from '#renderer/components/rcsa/kri-format'

/** Threshold numbers as the answers carry them: decimal strings, null for the other direction's fields. */
export type DecimalThresholds = {
  direction: Direction
  amber?: string | null
  red?: string | null
  amber_low?: string | null
  amber_high?: string | null
  red_low?: string | null
  red_high?: string | null
  target?: string | null
}

export const calendarOf = (k: { frequency: Frequency; weekdays_only: boolean }): Calendar => ({
  frequency: k.frequency,
  weekdaysOnly: k.weekdays_only,
})

const e4OrNull = (v: string | null | undefined): number | null => {
  if (v == null || v === '') return null
  const p = parseDecimal(v)
  return p.ok ? p.e4 : null
}

/** A threshold set from decimal strings to the scaled integers the status rule takes; null if one is missing. */
export function scaledThresholds(t: DecimalThresholds | null | undefined): Thresholds | null {
  if (!t) return null
  const band = t.direction !== 'within_band'
  const s: Thresholds = {
    direction: t.direction,
    amber_e4: band ? e4OrNull(t.amber) : null,
    red_e4: band ? e4OrNull(t.red) : null,
    amber_low_e4: band ? null : e4OrNull(t.amber_low),
    amber_high_e4: band ? null : e4OrNull(t.amber_high),
    red_low_e4: band ? null : e4OrNull(t.red_low),
    red_high_e4: band ? null : e4OrNull(t.red_high),
    target_e4: e4OrNull(t.target) ?? 0,
  }
  const needed = band ? [s.amber_e4, s.red_e4] : [s.amber_low_e4, s.amber_high_e4, s.red_low_e4, s.red_high_e4]
  return needed.every((n) => n !== null) ? s : null
}

export type Preview = { kind: 'empty' } | { kind: 'invalid'; message: string } | { kind: 'status'; status: ValueStatus }

/** The live status preview of the value dialog: the shared §1 number rule, then the shared §4 status rule. */
export function previewStatus(value: string, thresholds: Thresholds | null): Preview {
  const text = value.trim()
  if (text === '') return { kind: 'empty' }
  const parsed = parseDecimal(text)
  if (!parsed.ok) return { kind: 'invalid', message: parsed.message }
  if (!thresholds) return { kind: 'empty' }
  return { kind: 'status', status: statusOf(thresholds, parsed.e4) }
}

/** A decimal string as displayed (§1: trailing zeros trimmed). */
export function displayDecimal(value: string | null | undefined): string {
  return value == null ? '—' : trimDecimal(value)
}

/** "12.5 %", "4 hours": the value and its unit, as the messages of §10 write them. */
export function withUnit(value: string | null | undefined, unit: string): string {
  return value == null ? '—' : `${displayDecimal(value)} ${unit}`
}

/** A period in words: the day, the ISO week's Monday, the month, the quarter or the year. */
export function periodText(frequency: Frequency, start: string): string {
  switch (frequency) {
    case 'DAILY':
      return start
    case 'WEEKLY':
      return `Week of ${start}`
    case 'MONTHLY':
      return start.slice(0, 7)
    case 'QUARTERLY':
      return `${start.slice(0, 4)} Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`
    case 'ANNUALLY':
      return start.slice(0, 4)
  }
}

/** The thresholds in words: "Amber 5 · Red 10 · Target 2" or the four band limits with the target; "—" if none. */
export const thresholdText = (t: DecimalThresholds | null | undefined): string => thresholdSummary(t, '—')

export type PeriodChoice = Period & { label: string; overdue: boolean }

/**
 * The periods the record dialog offers: valid period starts (the shared calendar) from the KRI's first period to
 * the latest one that has started, without the ones that already have a value, newest first, at most `cap`
 * recent ones plus every overdue period the catalogue listed.
 */
export function recordablePeriods(
  kri: { frequency: Frequency; weekdays_only: boolean; first_period_start: string },
  today: string,
  valued: ReadonlySet<string>,
  overdue: readonly string[],
  cap = 120,
): PeriodChoice[] {
  const cal = calendarOf(kri)
  const latest = latestStartedPeriod(cal, today)
  if (latest.start < kri.first_period_start) return []
  const floor = periodsBefore(cal, latest.start, cap - 1)
  const from = floor > kri.first_period_start ? floor : kri.first_period_start
  const starts = new Set(enumeratePeriods(cal, from, latest.start).map((p) => p.start))
  for (const s of overdue) starts.add(s)
  const late = new Set(overdue)
  return [...starts]
    .filter((s) => !valued.has(s) && s >= kri.first_period_start && s <= today)
    .sort((a, b) => (a < b ? 1 : -1))
    .map((start) => ({
      start,
      end: periodEnd(cal, start),
      label: periodText(kri.frequency, start),
      overdue: late.has(start),
    }))
}

/** The period the record dialog preselects: the oldest overdue one, else the newest without a value. */
export function preselectedPeriod(choices: readonly PeriodChoice[], overdue: readonly string[]): string {
  const oldest = [...overdue].sort()[0]
  if (oldest && choices.some((c) => c.start === oldest)) return oldest
  return choices[0]?.start ?? ''
}

/** §5.3 default effective date: the period after the latest one with a value, else the KRI's first period. */
export function defaultEffectiveFrom(
  kri: { frequency: Frequency; weekdays_only: boolean; first_period_start: string },
  latestValued: string | null,
): string {
  return latestValued ? nextPeriodStart(calendarOf(kri), latestValued) : kri.first_period_start
}

/** Effective-from choices: period starts from the first period to a year of periods after the default, newest first. */
export function effectiveFromChoices(
  kri: { frequency: Frequency; weekdays_only: boolean; first_period_start: string },
  defaultStart: string,
  ahead = 12,
  behind = 200,
): PeriodChoice[] {
  const cal = calendarOf(kri)
  let last = defaultStart
  for (let i = 0; i < ahead; i += 1) last = nextPeriodStart(cal, last)
  const floor = periodsBefore(cal, defaultStart, behind)
  const from = floor > kri.first_period_start ? floor : kri.first_period_start
  return enumeratePeriods(cal, from, last)
    .filter((p) => p.start >= kri.first_period_start && p.start <= last)
    .reverse()
    .map((p) => ({ ...p, label: periodText(kri.frequency, p.start), overdue: false }))
}

export type RecordedValue = { period_start: string; period_end: string; value: string; status: string }
export type StatusChange = RecordedValue & { to: ValueStatus }

/**
 * What new thresholds from `effectiveFrom` would do to the recorded values (§5.3): every current value from that
 * period on gets a new version (so a reason is needed), and those whose status moves are listed.
 */
export function thresholdImpact(values: readonly RecordedValue[], next: Thresholds | null, effectiveFrom: string) {
  const affected = values.filter((v) => v.period_start >= effectiveFrom)
  const changed: StatusChange[] = []
  if (next)
    for (const v of affected) {
      const p = parseDecimal(v.value)
      if (!p.ok) continue
      const to = statusOf(next, p.e4)
      if (to !== v.status) changed.push({ ...v, to })
    }
  return { affected: affected.length, changed: changed.sort((a, b) => (a.period_start < b.period_start ? -1 : 1)) }
}

export type BandSegment = { status: ValueStatus; from: number; to: number; label: string }

/**
 * The band preview bar of the KRI form: the zones of the entered thresholds across a range padded around them,
 * left (low) to right (high), each with the limits in words. Null while a threshold is missing or out of order.
 */
export function bandSegments(t: Thresholds | null): { segments: BandSegment[]; target: number | null } | null {
  if (!t) return null
  const n = (v: number | null) => (v === null ? NaN : v / 10_000)
  const fmt = (v: number | null) => (v === null ? '' : formatE4(v))
  let raw: [ValueStatus, number, number, string][]
  if (t.direction === 'higher_is_worse') {
    if (!(n(t.red_e4) > n(t.amber_e4))) return null
    raw = [
      ['GREEN', -Infinity, n(t.amber_e4), `< ${fmt(t.amber_e4)}`],
      ['AMBER', n(t.amber_e4), n(t.red_e4), `${fmt(t.amber_e4)} to < ${fmt(t.red_e4)}`],
      ['RED', n(t.red_e4), Infinity, `≥ ${fmt(t.red_e4)}`],
    ]
  } else if (t.direction === 'lower_is_worse') {
    if (!(n(t.red_e4) < n(t.amber_e4))) return null
    raw = [
      ['RED', -Infinity, n(t.red_e4), `≤ ${fmt(t.red_e4)}`],
      ['AMBER', n(t.red_e4), n(t.amber_e4), `> ${fmt(t.red_e4)} to ${fmt(t.amber_e4)}`],
      ['GREEN', n(t.amber_e4), Infinity, `> ${fmt(t.amber_e4)}`],
    ]
  } else {
    const [rl, al, ah, rh] = [n(t.red_low_e4), n(t.amber_low_e4), n(t.amber_high_e4), n(t.red_high_e4)]
    if (!(rl < al && al < ah && ah < rh)) return null
    raw = [
      ['RED', -Infinity, rl, `≤ ${fmt(t.red_low_e4)}`],
      ['AMBER', rl, al, `> ${fmt(t.red_low_e4)} to ${fmt(t.amber_low_e4)}`],
      ['GREEN', al, ah, `> ${fmt(t.amber_low_e4)} to < ${fmt(t.amber_high_e4)}`],
      ['AMBER', ah, rh, `${fmt(t.amber_high_e4)} to < ${fmt(t.red_high_e4)}`],
      ['RED', rh, Infinity, `≥ ${fmt(t.red_high_e4)}`],
    ]
  }
  const finite = raw.flatMap(([, a, b]) => [a, b]).filter(Number.isFinite)
  const target = n(t.target_e4)
  if (Number.isFinite(target)) finite.push(target)
  const lo = Math.min(...finite)
  const hi = Math.max(...finite)
  const pad = (hi - lo) * 0.25 || Math.abs(hi) * 0.25 || 1
  const [min, max] = [lo - pad, hi + pad]
  return {
    segments: raw.map(([status, a, b, label]) => ({
      status,
      from: Number.isFinite(a) ? a : min,
      to: Number.isFinite(b) ? b : max,
      label,
    })),
    target: Number.isFinite(target) ? target : null,
  }
}

/** A validation issue's path on a KRI form: `thresholds.red`, `changes.unit.after` and `red` all name `red`/`unit`. */
export function issueField(path: readonly (string | number)[]): string | null {
  const [head, next] = path
  if ((head === 'thresholds' || head === 'changes') && typeof next === 'string') return next
  return typeof head === 'string' ? head : null
}

/** The errors of some fields only (the threshold inputs of a larger form). */
export function pickErrors<F extends string>(
  errors: Partial<Record<string, string>>,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {}
  for (const f of fields) if (errors[f]) out[f] = errors[f]
  return out
}
