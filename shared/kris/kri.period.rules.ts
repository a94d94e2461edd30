// The one period calendar of KRIs (kris.md §3) and the overdue rules built on it (§6). Pure: dates are
// `YYYY-MM-DD` strings in UTC; every rule that needs periods calls these functions.

export const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'ANNUALLY'] as const
export type Frequency = (typeof FREQUENCIES)[number]

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  DAILY: 'Daily',
  WEEKLY: 'Weekly',
  MONTHLY: 'Monthly',
  QUARTERLY: 'Quarterly',
  ANNUALLY: 'Annually',
}

/** The lower-case adjective used in "the first day of a {frequency} period" (§11). */
export const FREQUENCY_ADJECTIVES: Record<Frequency, string> = {
  DAILY: 'daily',
  WEEKLY: 'weekly',
  MONTHLY: 'monthly',
  QUARTERLY: 'quarterly',
  ANNUALLY: 'annual',
}

/** A KRI's calendar: the frequency and, for DAILY, whether weekends are periods. */
export type Calendar = { frequency: Frequency; weekdaysOnly: boolean }

export type Period = { start: string; end: string }

const DAY_MS = 86_400_000

function toMs(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`)
}
function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** `date` + n calendar days. */
export function addDays(date: string, n: number): string {
  return fromMs(toMs(date) + n * DAY_MS)
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(toMs(date)).getUTCDay()
  return d === 0 ? 7 : d
}

export function isWeekend(date: string): boolean {
  return isoWeekday(date) >= 6
}

/** `date` + n weekdays (Saturdays and Sundays skipped); n = 0 answers the date itself. */
export function addWeekdays(date: string, n: number): string {
  let d = date
  let left = n
  while (left > 0) {
    d = addDays(d, 1)
    if (!isWeekend(d)) left -= 1
  }
  return d
}

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))]
}
function ymd(y: number, m: number, d: number): string {
  return fromMs(Date.UTC(y, m - 1, d))
}

/** A real calendar date in `YYYY-MM-DD` form. */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false
  const t = toMs(date)
  return Number.isFinite(t) && fromMs(t) === date
}

/** The start of the period that contains `date`, ignoring the weekday rule (a weekend maps to itself for DAILY). */
function rawStart(frequency: Frequency, date: string): string {
  const [y, m] = parts(date)
  switch (frequency) {
    case 'DAILY':
      return date
    case 'WEEKLY':
      return addDays(date, 1 - isoWeekday(date))
    case 'MONTHLY':
      return ymd(y, m, 1)
    case 'QUARTERLY':
      return ymd(y, m - ((m - 1) % 3), 1)
    case 'ANNUALLY':
      return ymd(y, 1, 1)
  }
}

/** Whether `date` is a valid period start of the calendar (§3). */
export function isPeriodStart(cal: Calendar, date: string): boolean {
  if (cal.frequency === 'DAILY' && cal.weekdaysOnly && isWeekend(date)) return false
  return rawStart(cal.frequency, date) === date
}

/** The last day of the period starting at `start`. */
export function periodEnd(cal: Calendar, start: string): string {
  const [y, m] = parts(start)
  switch (cal.frequency) {
    case 'DAILY':
      return start
    case 'WEEKLY':
      return addDays(start, 6)
    case 'MONTHLY':
      return ymd(y, m + 1, 0)
    case 'QUARTERLY':
      return ymd(y, m + 3, 0)
    case 'ANNUALLY':
      return ymd(y, 12, 31)
  }
}

/** The first period start strictly after the period starting at `start`. */
export function nextPeriodStart(cal: Calendar, start: string): string {
  const next = addDays(periodEnd(cal, start), 1)
  if (cal.frequency === 'DAILY' && cal.weekdaysOnly && isWeekend(next)) return addDays(next, 8 - isoWeekday(next))
  return next
}

/** The period that contains `date`, or null when no period does (a weekend of a weekdays-only daily KRI). */
export function periodContaining(cal: Calendar, date: string): Period | null {
  if (cal.frequency === 'DAILY' && cal.weekdaysOnly && isWeekend(date)) return null
  const start = rawStart(cal.frequency, date)
  return { start, end: periodEnd(cal, start) }
}

/** The start of the period containing `date`, or the next period start when none contains it. */
export function periodStartOnOrAfter(cal: Calendar, date: string): string {
  const p = periodContaining(cal, date)
  if (p) return p.start
  return addDays(date, 8 - isoWeekday(date)) // the Monday after a weekend
}

/** The latest period that has started on `date` (the one containing it, else the last before it). */
export function latestStartedPeriod(cal: Calendar, date: string): Period {
  const p = periodContaining(cal, date)
  if (p) return p
  const friday = addDays(date, 5 - isoWeekday(date))
  return { start: friday, end: friday }
}

/** The start `n` periods before the period starting at `start` (n ≥ 0). */
export function periodsBefore(cal: Calendar, start: string, n: number): string {
  const [y, m] = parts(start)
  switch (cal.frequency) {
    case 'DAILY':
      return cal.weekdaysOnly ? subtractWeekdays(start, n) : addDays(start, -n)
    case 'WEEKLY':
      return addDays(start, -7 * n)
    case 'MONTHLY':
      return ymd(y, m - n, 1)
    case 'QUARTERLY':
      return ymd(y, m - 3 * n, 1)
    case 'ANNUALLY':
      return ymd(y - n, 1, 1)
  }
}

function subtractWeekdays(date: string, n: number): string {
  let d = date
  let left = n
  while (left > 0) {
    d = addDays(d, -1)
    if (!isWeekend(d)) left -= 1
  }
  return d
}

/**
 * The one enumeration every rule uses: the periods of the calendar that overlap [from, to] (start ≤ to and
 * end ≥ from), oldest first. With `limit`, stops after limit + 1 periods so a caller can detect "too many"
 * without walking a huge range.
 */
export function enumeratePeriods(cal: Calendar, from: string, to: string, limit?: number): Period[] {
  const out: Period[] = []
  if (from > to) return out
  const first = periodContaining(cal, from)
  let start = first ? first.start : periodStartOnOrAfter(cal, from)
  while (start <= to) {
    out.push({ start, end: periodEnd(cal, start) })
    if (limit !== undefined && out.length > limit) break
    start = nextPeriodStart(cal, start)
  }
  return out
}

/** Default `first_period_start` (§2.1): the period containing today, or the next Monday at a weekend. */
export function defaultFirstPeriodStart(cal: Calendar, today: string): string {
  return periodStartOnOrAfter(cal, today)
}

// ---- overdue (§6) ----

/** Grace deadline G of a period ending at `end`: calendar days, or weekdays for a weekdays-only daily KRI. */
export function graceDeadline(cal: Calendar, end: string, graceDays: number): string {
  return cal.frequency === 'DAILY' && cal.weekdaysOnly ? addWeekdays(end, graceDays) : addDays(end, graceDays)
}

export type OverdueFacts = Calendar & {
  firstPeriodStart: string
  graceDays: number
  activatedOn: string
  isActive: boolean
  deleted: boolean
}

/** §6: the period is overdue on `today` (the caller knows whether it has a current value). */
export function isOverdue(k: OverdueFacts, p: Period, hasValue: boolean, today: string): boolean {
  if (!k.isActive || k.deleted || hasValue || p.start < k.firstPeriodStart) return false
  const g = graceDeadline(k, p.end, k.graceDays)
  return today > g && g >= k.activatedOn
}

/**
 * The earliest date a period end can have and still be overdue: G ≥ activated_on with G ≤ end + 2·grace + 3
 * (weekday grace never spans more than that), so enumeration can start there instead of at the first period.
 */
function earliestCandidateEnd(k: OverdueFacts): string {
  return addDays(k.activatedOn, -(2 * k.graceDays + 3))
}

/** The earliest period start that can be overdue: callers load the KRI's values from here on. */
export function overdueWindowStart(k: OverdueFacts): string {
  const lower = earliestCandidateEnd(k)
  if (lower <= k.firstPeriodStart) return k.firstPeriodStart
  return periodContaining(k, lower)?.start ?? lower
}

/** Every overdue period of the KRI on `today`, oldest first (`valued`: period starts with a current value). */
export function overduePeriods(
  k: OverdueFacts,
  valued: ReadonlySet<string>,
  today: string,
): (Period & { deadline: string })[] {
  if (!k.isActive || k.deleted) return []
  const from = overdueWindowStart(k)
  const out: (Period & { deadline: string })[] = []
  for (const p of enumeratePeriods(k, from, today)) {
    if (isOverdue(k, p, valued.has(p.start), today)) out.push({ ...p, deadline: graceDeadline(k, p.end, k.graceDays) })
  }
  return out
}

/** Why a date is not a period start of the calendar, in the words of §5.2, or null when it is one. */
export function periodStartIssue(cal: Calendar, date: string): string | null {
  if (isPeriodStart(cal, date)) return null
  if (cal.frequency === 'DAILY' && cal.weekdaysOnly && isWeekend(date))
    return 'Saturdays and Sundays are not periods for this KRI.'
  return `Period start must be the first day of ${cal.frequency === 'ANNUALLY' ? 'an' : 'a'} ${FREQUENCY_ADJECTIVES[cal.frequency]} period.`
}
