import { create } from 'zustand'
import { api, toApiError, type ApiError } from '#renderer/api'
import type { InboxItem } from '#renderer/types'
import { onSignedOut } from '#renderer/stores/session'

type InboxState = {
  items: InboxItem[]
  unreadCount: number
  unreadOnly: boolean
  loaded: boolean
  error: ApiError | null
  /** The bell: only the count, so polling stays cheap. */
  refreshCount: () => Promise<void>
  load: () => Promise<void>
  setUnreadOnly: (unreadOnly: boolean) => Promise<void>
  markRead: (id: string) => Promise<void>
}

export const useInbox = create<InboxState>()((set, get) => ({
  items: [],
  unreadCount: 0,
  unreadOnly: false,
  loaded: false,
  error: null,

  async refreshCount() {
    try {
      const res = await api.call('notification.inbox', { unread_only: true, limit: 1 })
      set({ unreadCount: res.unread_count })
    } catch {
      // The bell is a hint: a failed poll keeps the last count, the inbox screen shows real errors.
    }
  },

  async load() {
    try {
      const res = await api.call('notification.inbox', get().unreadOnly ? { unread_only: true } : {})
      set({ items: res.items, unreadCount: res.unread_count, loaded: true, error: null })
    } catch (e) {
      set({ loaded: true, error: toApiError(e) })
    }
  },

  async setUnreadOnly(unreadOnly) {
    set({ unreadOnly })
    await get().load()
  },

  async markRead(id) {
    const res = await api.call('notification.markRead', { id })
    set((s) => {
      const wasUnread = s.items.some((i) => i.id === id && !i.is_read)
      return {
        items: s.items.map((i) => (i.id === id ? { ...i, is_read: true, read_at: res.read_at } : i)),
        unreadCount: wasUnread ? Math.max(0, s.unreadCount - 1) : s.unreadCount,
      }
    })
    // Another device or tab may have read items too: the server's count is the truth.
    await get().refreshCount()
  },
}))

onSignedOut(() => useInbox.setState({ items: [], unreadCount: 0, unreadOnly: false, loaded: false, error: null }))
