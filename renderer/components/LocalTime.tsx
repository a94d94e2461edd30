import { formatLocal, formatUtc } from '#renderer/lib/time'

/** Local time on screen, the stored UTC value on hover (audit-security §2.8). */
export function LocalTime({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <span className="muted">—</span>
  return (
    <time dateTime={iso} title={formatUtc(iso)}>
      {formatLocal(iso)}
    </time>
  )
}
