import { create } from 'zustand'
import { api, toApiError, type ApiError } from '#renderer/api'
import type { IncidentForm } from '#renderer/types'
import { onSignedOut } from '#renderer/stores/session'

type ReferenceState = {
  form: IncidentForm | null
  error: ApiError | null
  /** Loads the form choices once per session; callers may call it freely. */
  ensureLoaded: () => Promise<void>
}

let inFlight: Promise<void> | null = null

export const useReference = create<ReferenceState>()((set, get) => ({
  form: null,
  error: null,
  ensureLoaded() {
    if (get().form) return Promise.resolve()
    inFlight ??= api
      .call('reference.incidentForm', {})
      .then((form) => set({ form, error: null }))
      .catch((e: unknown) => set({ error: toApiError(e) }))
      .finally(() => {
        inFlight = null
      })
    return inFlight
  },
}))

/** Minor-unit digits from the currency table; ISO 4217's default of 2 until the table has loaded. */
export function digitsOf(form: IncidentForm | null, currency: string): number {
  const row = form?.currencies.find((c) => c.code === currency)
  if (row) return row.minor_unit_digits
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

onSignedOut(() => useReference.setState({ form: null, error: null }))
