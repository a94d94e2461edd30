import { create } from 'zustand'
import type { InputOf } from '#shared/catalogue/types'
import { api, onSessionEnded, toApiError } from '#renderer/api'
import type { HomeScreen, Profile } from '#renderer/types'

type Phase = 'loading' | 'error' | 'ready'

type SessionState = {
  phase: Phase
  loadError: string | null
  firstRun: boolean
  organisation: string | null
  demoMode: boolean
  user: Profile | null
  home: HomeScreen | null
  /** Shown on the sign-in screen after the dispatcher ended the session. */
  notice: string | null
  load: () => Promise<void>
  signIn: (email: string, password: string) => Promise<void>
  createFirstAdmin: (input: InputOf<'user.createFirstAdmin'>) => Promise<void>
  signOut: () => Promise<void>
}

const signedOutListeners = new Set<() => void>()
/** Stores holding one user's data clear themselves here, so the next user never sees it. */
export function onSignedOut(listener: () => void): void {
  signedOutListeners.add(listener)
}
const clearUserData = () => signedOutListeners.forEach((l) => l())

export const useSession = create<SessionState>()((set, get) => ({
  phase: 'loading',
  loadError: null,
  firstRun: false,
  organisation: null,
  demoMode: false,
  user: null,
  home: null,
  notice: null,

  async load() {
    try {
      const s = await api.call('session.status', {})
      set({
        phase: 'ready',
        loadError: null,
        firstRun: s.first_run,
        organisation: s.organisation,
        demoMode: s.demo_mode,
        user: s.user,
        home: s.home,
      })
    } catch (e) {
      set({ phase: 'error', loadError: toApiError(e).message })
    }
  },

  // Sign-in answers the profile only; session.status adds the organisation and the home screen.
  async signIn(email, password) {
    await api.call('auth.signIn', { email, password })
    set({ notice: null })
    await get().load()
  },

  async createFirstAdmin(input) {
    await api.call('user.createFirstAdmin', input)
    await get().load()
  },

  async signOut() {
    try {
      await api.call('auth.signOut', {})
    } finally {
      // Even if the call failed (session already gone), nothing of this user may stay on screen.
      clearUserData()
      set({ user: null, home: null, notice: null })
    }
  },
}))

onSessionEnded(() => {
  if (!useSession.getState().user) return
  clearUserData()
  useSession.setState({ user: null, home: null, notice: 'Sign in to continue.' })
})
