import { create } from 'zustand'
import { navigate } from '#renderer/router'

type FlashState = {
  message: string | null
  /** The screen the message belongs to; moving elsewhere clears it. */
  path: string | null
  /** Navigates first, so the message is never rendered (and cleared) on the screen being left. */
  showAt: (path: string, message: string) => void
  clear: () => void
}

/** A one-off confirmation that outlives the navigation following a successful command. */
export const useFlash = create<FlashState>()((set) => ({
  message: null,
  path: null,
  showAt(path, message) {
    navigate(path)
    set({ message, path })
  },
  clear: () => set({ message: null, path: null }),
}))
