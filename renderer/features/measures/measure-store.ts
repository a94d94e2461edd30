import { create } from 'zustand'
import { api, toApiError, type ApiError } from '#renderer/api'
import { onSignedOut } from '#renderer/stores/session'
import type { MeasureDetail } from './measure-types'

type State = {
  id: string | null
  measure: MeasureDetail | null
  loadError: ApiError | null
  busy: boolean
  open: (id: string) => Promise<void>
  reload: () => Promise<void>
  /**
   * Runs one command against the open measure, then reloads it, so every button and lock shows what the
   * catalogue now says. Answers the error (or null); a refused command changed nothing, but a CONFLICT means
   * someone else did, so the measure is reloaded then too.
   */
  run: (call: () => Promise<unknown>) => Promise<ApiError | null>
}

export const useMeasureDetail = create<State>()((set, get) => ({
  id: null,
  measure: null,
  loadError: null,
  busy: false,

  async open(id) {
    if (get().id !== id) set({ id, measure: null, loadError: null })
    await get().reload()
  },

  async reload() {
    const id = get().id
    if (!id) return
    try {
      const measure = await api.call('measure.get', { id })
      if (get().id === id) set({ measure, loadError: null })
    } catch (e) {
      if (get().id === id) set({ loadError: toApiError(e) })
    }
  },

  async run(call) {
    set({ busy: true })
    try {
      await call()
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
}))

onSignedOut(() => useMeasureDetail.setState({ id: null, measure: null, loadError: null, busy: false }))
