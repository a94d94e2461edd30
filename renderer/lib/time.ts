const local = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const localDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

/** A stored UTC timestamp in the user's local time zone. */
export function formatLocal(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : local.format(d)
}

/** A calendar date (YYYY-MM-DD) has no time zone: shown as that same day wherever the user is. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—'
  const [y, m, d] = date.split('-').map(Number)
  if (y === undefined || m === undefined || d === undefined) return date
  return localDate.format(new Date(y, m - 1, d))
}

/** `2026-11-23 14:05:09 UTC`, for title attributes beside local times. */
export function formatUtc(iso: string | null | undefined): string {
  if (!iso) return ''
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`
}

export type ParsedTime = { ok: true; iso: string | null } | { ok: false; message: string }

/** A datetime-local value (the user's wall clock) → ISO-8601 UTC with milliseconds, as the catalogue stores it. */
export function localInputToUtc(value: string): ParsedTime {
  if (value.trim() === '') return { ok: true, iso: null }
  // Without a zone designator, Date parses "YYYY-MM-DDTHH:mm[:ss]" as local time, which is what the input shows.
  const d = new Date(value)
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value) || Number.isNaN(d.getTime()))
    return { ok: false, message: 'Enter a date and time.' }
  return { ok: true, iso: d.toISOString() }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** A stored UTC timestamp → a datetime-local value in the user's zone; seconds only when there are any. */
export function utcToLocalInput(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const base = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
  if (d.getSeconds() === 0 && d.getMilliseconds() === 0) return base
  return d.getMilliseconds() === 0
    ? `${base}:${pad(d.getSeconds())}`
    : `${base}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
}

/** Today's UTC date: the catalogue compares calendar dates such as received_on with it (incidents §2). */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}
