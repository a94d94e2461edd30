import { Badge, LocalTime } from '#renderer/components/index'
import type { InboxItem } from '#renderer/types'

const EVENT_LABELS: Record<string, string> = {
  INCIDENT_OVERDUE: 'Overdue',
  ROUTING_NOTIFY: 'For awareness',
  MEASURE_OVERDUE: 'Measure overdue',
  KRI_OVERDUE: 'KRI overdue',
  KRI_BREACH: 'KRI breach',
}

// One glyph per kind of event: a clock for deadlines, an eye for awareness, a bell for the rest.
const ICONS = {
  clock: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 10.41 3.3 3.3-1.42 1.41L11 13.24V6h2v6.41Z',
  eye: 'M12 5C6.5 5 2.3 8.6 1 12c1.3 3.4 5.5 7 11 7s9.7-3.6 11-7c-1.3-3.4-5.5-7-11-7Zm0 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8Zm0-6a2 2 0 1 0 0 4 2 2 0 0 0 0-4Z',
  bell: 'M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z',
} as const
const iconOf = (eventType: string) =>
  eventType.endsWith('_OVERDUE') ? ICONS.clock : eventType === 'ROUTING_NOTIFY' ? ICONS.eye : ICONS.bell

type Props = { item: InboxItem; busy: boolean; onOpen: () => void; onToggleRead: () => void }

/** One inbox row: kind, title, message, record ref, time and read state; inactive rows greyed (§10). */
export function InboxEntry({ item, busy, onOpen, onToggleRead }: Props) {
  const kind = EVENT_LABELS[item.event_type] ?? item.event_type
  const title = item.payload.title || kind
  const classes = ['inbox-item', item.is_read ? 'is-read' : 'is-unread', item.active ? '' : 'is-inactive']
  return (
    <li className={classes.join(' ').trim()}>
      <svg className="inbox-icon" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
        <path fill="currentColor" d={iconOf(item.event_type)} />
      </svg>
      <div className="inbox-main">
        <p className="inbox-title">
          {!item.is_read && <span className="unread-dot" aria-label="Unread" role="img" />}
          <Badge tone={item.event_type.endsWith('_OVERDUE') ? 'warning' : 'info'}>{kind}</Badge>{' '}
          <strong>{title}</strong>
          {!item.active && <span className="badge badge-neutral">No longer current</span>}
        </p>
        {item.payload.message && <p>{item.payload.message}</p>}
        <p className="muted">
          {item.payload.entity_ref && <span className="mono">{item.payload.entity_ref} · </span>}
          <LocalTime iso={item.created_at} />
          {item.is_read && item.read_at && (
            <>
              {' '}
              · read <LocalTime iso={item.read_at} />
            </>
          )}
        </p>
      </div>
      <div className="inbox-actions">
        {item.action_route && (
          <button
            type="button"
            className="button-secondary"
            disabled={busy}
            onClick={onOpen}
            aria-label={`Open ${title}`}
          >
            Open
          </button>
        )}
        <button
          type="button"
          className="button-link"
          disabled={busy}
          onClick={onToggleRead}
          aria-label={`${item.is_read ? 'Mark unread' : 'Mark read'} ${title}`}
        >
          {item.is_read ? 'Mark unread' : 'Mark read'}
        </button>
      </div>
    </li>
  )
}
