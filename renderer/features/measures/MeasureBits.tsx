import { formatDate } from '#renderer/lib/time'

const STATUS_CLASS: Record<string, string> = {
  OPEN: 'chip-open',
  IN_PROGRESS: 'chip-progress',
  PENDING_REVIEW: 'chip-review',
  COMPLETED: 'chip-completed',
  CANCELLED: 'chip-cancelled',
}

export function MeasureStatusChip({ code, name }: { code: string; name: string }) {
  return <span className={`chip ${STATUS_CLASS[code] ?? ''}`}>{name}</span>
}

/** measures §14: the deadline in red with an "Overdue" badge when the catalogue says is_overdue. */
export function Deadline({ date, overdue }: { date: string | null; overdue: boolean }) {
  if (!date) return <span className="muted">No deadline</span>
  return (
    <span className={overdue ? 'deadline due-overdue' : 'deadline'}>
      <time dateTime={date}>{formatDate(date)}</time>
      {overdue && (
        <>
          {' '}
          <span className="badge badge-danger" title="The deadline has passed and the work is not done.">
            Overdue
          </span>
        </>
      )}
    </span>
  )
}

/** A locked field's lock: announced as an image with the reason, shown as a tooltip on hover or focus. */
export function LockIcon({ tip }: { tip: string }) {
  return (
    <span className="lock-icon" role="img" aria-label={tip} title={tip} data-tip={tip} tabIndex={0}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" focusable="false">
        <path
          fill="currentColor"
          d="M17 9h-1V7a4 4 0 0 0-8 0v2H7a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2Zm-7-2a2 2 0 1 1 4 0v2h-4V7Zm3 9.73V18h-2v-1.27a2 2 0 1 1 2 0Z"
        />
      </svg>
    </span>
  )
}

export { lengthOf } from '#renderer/lib/text-count'
