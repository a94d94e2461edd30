import { useCallback, useState } from 'react'
import { toApiError, type ApiError } from '#renderer/api'

/**
 * One matrix's saves: runs a command, then `onSaved` (reload the configuration). While one save runs the matrix is
 * disabled, so two toggles never race; the error of the last failed save stays until the next save.
 */
export function useSave(onSaved: () => void) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const run = useCallback(
    async (what: string, call: () => Promise<unknown>) => {
      setBusy(true)
      setError(null)
      setSaved(null)
      try {
        await call()
        setSaved(what)
        onSaved()
      } catch (e) {
        setError(toApiError(e))
      } finally {
        setBusy(false)
      }
    },
    [onSaved],
  )
  return { busy, error, saved, run }
}
