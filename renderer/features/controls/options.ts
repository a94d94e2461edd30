import { useCallback } from 'react'
import { api } from '#renderer/api'
import { useLoad } from '#renderer/hooks/use-load'
import { useSession } from '#renderer/stores/session'

/** BUs in the caller's scope, processes, risk categories and the published matrix (risk.formOptions). */
export function useFormOptions() {
  const load = useCallback(() => api.call('risk.formOptions', {}), [])
  return useLoad(load)
}

/** The frameworks a control may reference; `activeOnly` for pickers, all for filters and labels. */
export function useFrameworks(activeOnly = false) {
  const load = useCallback(() => api.call('framework.list', activeOnly ? { is_active: true } : {}), [activeOnly])
  return useLoad(load)
}

export const useMyId = () => useSession((s) => s.user?.id ?? null)
