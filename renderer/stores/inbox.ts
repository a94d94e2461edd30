import { create } from 'zustand'
import { api, toApiError, type ApiError } from '#renderer/api'
import type { InboxItem } from '#renderer/types'
import { onSignedOut } from '#renderer/stores/session'

export type InboxToast = { id: number; message: string }

type InboxState = {
  items: InboxItem[]
  nextCursor: string | null
  unreadCount: number
  /** The count of the previous poll; null until the first one, so what was already waiting raises no toast. */
  lastCount: number | null
  unreadOnly: boolean
  loaded: boolean
  loadingMore: boolean
  error: ApiError | null
  toast: InboxToast | null
  /** The bell: only the count, so polling stays cheap; a rise shows the in-app toast (incidents §10). */
  refreshCount: () => Promise<void>
  load: () => Promise<void>
  loadMore: () => Promise<void>
  setUnreadOnly: (unreadOnly: boolean) => Promise<void>
  markRead: (id: string) => Promise<void>
  markUnread: (id: string) => Promise<void>
  markAllRead: () => Promise<void>
  dismissToast: () => void
}

const filterOf = (unreadOnly: boolean) => (unreadOnly ? { unread_only: true } : {})

export const useInbox = create<InboxState>()((set, get) => ({
  items: [],
  nextCursor: null,
  unreadCount: 0,
  lastCount: null,
  unreadOnly: false,
  loaded: false,
  loadingMore: false,
  error: null,
  toast: null,

  async refreshCount() {
    let count: number
    try {
      count = (await api.call('notification.unreadCount', {})).unread_count
    } catch {
      // The bell is a hint: a failed poll keeps the last count, the inbox screen shows real errors.
      return
    }
    const before = get().lastCount
    set({ unreadCount: count, lastCount: count })
    if (before === null || count <= before) return
    const added = count - before
    let message = added === 1 ? 'You have a new notification.' : `You have ${added} new notifications.`
    if (added === 1) {
      const newest = await api.call('notification.inbox', { unread_only: true, limit: 1 }).catch(() => null)
      const title = newest?.items[0]?.payload.title
      if (title) message = `New notification: ${title}`
    }
    set({ toast: { id: Date.now(), message } })
  },

  async load() {
    try {
      const res = await api.call('notification.inbox', filterOf(get().unreadOnly))
      set({
        items: res.items,
        nextCursor: res.next_cursor,
        unreadCount: res.unread_count,
        lastCount: res.unread_count,
        loaded: true,
        error: null,
      })
    } catch (e) {
      set({ loaded: true, error: toApiError(e) })
    }
  },

  async loadMore() {
    const cursor = get().nextCursor
    if (cursor === null || get().loadingMore) return
    set({ loadingMore: true })
    try {
      const res = await api.call('notification.inbox', { ...filterOf(get().unreadOnly), cursor })
      set((s) => ({ items: [...s.items, ...res.items], nextCursor: res.next_cursor, loadingMore: false }))
    } catch (e) {
      set({ loadingMore: false, error: toApiError(e) })
    }
  },

  async setUnreadOnly(unreadOnly) {
    set({ unreadOnly })
    await get().load()
  },

  async markRead(id) {
    const res = await api.call('notification.markRead', { id })
    set((s) => ({ items: s.items.map((i) => (i.id === id ? { ...i, is_read: true, read_at: res.read_at } : i)) }))
    // Another device or tab may have read items too: the server's count is the truth.
    await get().refreshCount()
  },

  async markUnread(id) {
    await api.call('notification.markUnread', { id })
    set((s) => ({
      items: s.items.map((i) => (i.id === id ? { ...i, is_read: false, read_at: null } : i)),
      // Marking one's own item unread is no news: the baseline moves with it, so no toast.
      lastCount: (s.lastCount ?? s.unreadCount) + 1,
    }))
    await get().refreshCount()
  },

  async markAllRead() {
    await api.call('notification.markAllRead', {})
    await get().load()
  },

  dismissToast: () => set({ toast: null }),
}))

onSignedOut(() =>
  useInbox.setState({
    items: [],
    nextCursor: null,
    unreadCount: 0,
    lastCount: null,
    unreadOnly: false,
    loaded: false,
    loadingMore: false,
    error: null,
    toast: null,
  }),
)
