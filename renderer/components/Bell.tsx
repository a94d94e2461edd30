import { useEffect } from 'react'
import { href, SCREEN_PATHS, useRoute } from '#renderer/router'
import { useInbox } from '#renderer/stores/inbox'

const POLL_MS = 15_000
const TOAST_MS = 8_000

/** Unread count (notification.unreadCount), refreshed on every screen change and every 15 seconds. */
export function Bell() {
  const unread = useInbox((s) => s.unreadCount)
  const refreshCount = useInbox((s) => s.refreshCount)
  // Keyed by the screen, not the route object, which is new on every render.
  const screen = JSON.stringify(useRoute())

  useEffect(() => {
    void refreshCount()
  }, [refreshCount, screen])

  useEffect(() => {
    const timer = window.setInterval(() => void refreshCount(), POLL_MS)
    return () => window.clearInterval(timer)
  }, [refreshCount])

  const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`
  return (
    <>
      <a className="bell" href={href(SCREEN_PATHS.inbox)} aria-label={label} title={label}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </a>
      <InboxToast />
    </>
  )
}

/** incidents §10: the harness's stand-in for the OS notification when a new inbox row arrives. */
function InboxToast() {
  const toast = useInbox((s) => s.toast)
  const dismiss = useInbox((s) => s.dismissToast)
  useEffect(() => {
    if (!toast) return
    const timer = window.setTimeout(dismiss, TOAST_MS)
    return () => window.clearTimeout(timer)
  }, [toast, dismiss])
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast" key={toast.id}>
          <p>{toast.message}</p>
          <a href={href(SCREEN_PATHS.inbox)} onClick={dismiss}>
            Open inbox
          </a>
          <button type="button" className="button-link" onClick={dismiss} aria-label="Dismiss notification">
            Dismiss
          </button>
        </div>
      )}
    </div>
  )
}
