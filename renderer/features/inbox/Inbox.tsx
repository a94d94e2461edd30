import { useEffect, useState } from 'react'
import { toApiError, type ApiError } from '#renderer/api'
import { Badge, ErrorBanner, LocalTime, Page } from '#renderer/components/index'
import { navigate } from '#renderer/router'
import { useInbox } from '#renderer/stores/inbox'
import type { InboxItem } from '#renderer/types'

const EVENT_LABELS: Record<string, string> = {
  INCIDENT_OVERDUE: 'Overdue',
  ROUTING_NOTIFY: 'For awareness',
}

/** incidents §10 / §15 "Bell and inbox": opening an item marks it read and goes to its record. */
export function Inbox() {
  const { items, unreadCount, unreadOnly, loaded, error, load, setUnreadOnly, markRead } = useInbox()
  const [actionError, setActionError] = useState<ApiError | null>(null)

  useEffect(() => {
    void load()
  }, [load])

  const act = async (item: InboxItem, open: boolean) => {
    setActionError(null)
    try {
      if (!item.is_read) await markRead(item.id)
      // Routes come from the server as renderer paths (`/incidents/<id>`); anything else stays put.
      if (open && item.action_route?.startsWith('/')) navigate(item.action_route)
    } catch (e) {
      setActionError(toApiError(e))
    }
  }

  return (
    <Page title="Inbox">
      <div className="toolbar">
        <p className="muted">{unreadCount === 1 ? '1 unread notification' : `${unreadCount} unread notifications`}</p>
        <div className="field field-toggle">
          <input
            id="unread-only"
            type="checkbox"
            className="toggle"
            checked={unreadOnly}
            onChange={(e) => void setUnreadOnly(e.target.checked)}
          />
          <label htmlFor="unread-only">Unread only</label>
        </div>
      </div>
      <ErrorBanner error={error} onRetry={() => void load()} />
      <ErrorBanner error={actionError} />
      {!loaded ? (
        <p className="muted" role="status">
          Loading notifications…
        </p>
      ) : items.length === 0 && !error ? (
        <p className="empty">{unreadOnly ? 'No unread notifications.' : 'No notifications yet.'}</p>
      ) : (
        <ul className="inbox">
          {items.map((item) => {
            const title = item.payload.title ?? EVENT_LABELS[item.event_type] ?? item.event_type
            return (
              <li key={item.id} className={item.is_read ? 'inbox-item is-read' : 'inbox-item is-unread'}>
                <div className="inbox-main">
                  <p className="inbox-title">
                    {!item.is_read && <span className="unread-dot" aria-label="Unread" role="img" />}
                    <Badge tone={item.event_type === 'INCIDENT_OVERDUE' ? 'warning' : 'info'}>
                      {EVENT_LABELS[item.event_type] ?? item.event_type}
                    </Badge>{' '}
                    <strong>{title}</strong>
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
                      onClick={() => void act(item, true)}
                      aria-label={`Open ${title}`}
                    >
                      Open
                    </button>
                  )}
                  {!item.is_read && (
                    <button
                      type="button"
                      className="button-link"
                      onClick={() => void act(item, false)}
                      aria-label={`Mark read ${title}`}
                    >
                      Mark read
                    </button>
                  )}
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </Page>
  )
}
