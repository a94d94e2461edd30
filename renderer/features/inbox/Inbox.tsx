import { useEffect, useState } from 'react'
import { toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, LoadMore, Page } from '#renderer/components/index'
import { navigate } from '#renderer/router'
import { useInbox } from '#renderer/stores/inbox'
import type { InboxItem } from '#renderer/types'
import { InboxEntry } from './InboxEntry'

/** incidents §10 / §15 "Bell and inbox": opening an item marks it read and goes to its record. */
export function Inbox() {
  const { items, unreadCount, unreadOnly, loaded, error, nextCursor, loadingMore } = useInbox()
  const { load, loadMore, setUnreadOnly, markRead, markUnread, markAllRead } = useInbox()
  const [actionError, setActionError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void load()
  }, [load])

  const act = async (run: () => Promise<void>) => {
    setActionError(null)
    setBusy(true)
    try {
      await run()
    } catch (e) {
      setActionError(toApiError(e))
    } finally {
      setBusy(false)
    }
  }
  const open = (item: InboxItem) =>
    act(async () => {
      if (!item.is_read) await markRead(item.id)
      // Routes come from the server as renderer paths (`/incidents/<id>` → `#/incidents/<id>`).
      if (item.action_route?.startsWith('/')) navigate(item.action_route)
    })

  return (
    <Page title="Inbox">
      <div className="toolbar">
        <p className="muted">{unreadCount === 1 ? '1 unread notification' : `${unreadCount} unread notifications`}</p>
        <div className="inline">
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
          <button
            type="button"
            className="button-secondary"
            disabled={busy || unreadCount === 0}
            onClick={() => void act(markAllRead)}
          >
            Mark all read
          </button>
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
          {items.map((item) => (
            <InboxEntry
              key={item.id}
              item={item}
              busy={busy}
              onOpen={() => void open(item)}
              onToggleRead={() => void act(() => (item.is_read ? markUnread(item.id) : markRead(item.id)))}
            />
          ))}
        </ul>
      )}
      <LoadMore hasMore={nextCursor !== null} busy={loadingMore} onLoadMore={() => void loadMore()} />
    </Page>
  )
}
