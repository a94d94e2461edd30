import { create } from 'zustand'
import { api, toApiError, type ApiError } from '#renderer/api'
import { onSignedOut } from '#renderer/stores/session'
import type { RiskDetail } from './risk-types'

// A stable empty list: selectors never hand out a fresh [] (zustand 5 would re-render without end).
const NONE: readonly string[] = []

type State = {
  id: string | null
  risk: RiskDetail | null
  loadError: ApiError | null
  busy: boolean
  /** The warnings the last successful command on this risk answered (risks.md §1 "Warnings"); shown after the save. */
  warnings: readonly string[]
  /** Bumped after every command, so the tabs that load their own lists (notes, history, acceptances) reload. */
  generation: number
  open: (id: string) => Promise<void>
  reload: () => Promise<void>
  /** Warnings for a risk about to be opened (a create answered them before the detail existed). */
  carry: (id: string, warnings: readonly string[]) => void
  /**
   * Runs one command against the open risk, then reloads it, so every action and lock shows what the catalogue
   * now says. Answers the error (or null). A refused command changed nothing, but a CONFLICT or WORKFLOW error
   * means the screen was stale, so the risk is reloaded then too.
   */
  run: (call: () => Promise<unknown>) => Promise<ApiError | null>
  dismissWarnings: () => void
}

const warningsOf = (value: unknown): readonly string[] => {
  if (typeof value !== 'object' || value === null || !('warnings' in value)) return NONE
  const w = value.warnings
  return Array.isArray(w) && w.length > 0 ? w.filter((x): x is string => typeof x === 'string') : NONE
}

export const useRiskDetail = create<State>()((set, get) => ({
  id: null,
  risk: null,
  loadError: null,
  busy: false,
  warnings: NONE,
  generation: 0,

  async open(id) {
    if (get().id !== id) set({ id, risk: null, loadError: null, warnings: NONE })
    await get().reload()
  },

  async reload() {
    const id = get().id
    if (!id) return
    try {
      const risk = await api.call('risk.get', { id })
      if (get().id === id) set({ risk, loadError: null })
    } catch (e) {
      if (get().id === id) set({ loadError: toApiError(e) })
    }
  },

  carry(id, warnings) {
    set({ id, risk: null, loadError: null, warnings: warnings.length > 0 ? warnings : NONE })
  },

  async run(call) {
    set({ busy: true })
    try {
      const value = await call()
      set({ warnings: warningsOf(value), generation: get().generation + 1 })
      await get().reload()
      return null
    } catch (e) {
      const error = toApiError(e)
      if (error.code === 'CONFLICT' || error.code === 'WORKFLOW') await get().reload()
      return error
    } finally {
      set({ busy: false })
    }
  },

  dismissWarnings: () => set({ warnings: NONE }),
}))

onSignedOut(() =>
  useRiskDetail.setState({ id: null, risk: null, loadError: null, busy: false, warnings: NONE, generation: 0 }),
)
