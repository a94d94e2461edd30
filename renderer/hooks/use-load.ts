import { useCallback, useEffect, useMemo, useState } from 'react'
import { toApiError, type ApiError } from '#renderer/api'

type Loaded<T> = { request: object; data: T | null; error: ApiError | null }

/**
 * One query's result for the current `load` (memoise it with useCallback). Loading is derived from whether the
 * stored result belongs to the current request, so a slow answer to an old request never overwrites a newer one.
 */
export function useLoad<T>(load: () => Promise<T>) {
  const [version, setVersion] = useState(0)
  const request = useMemo(() => ({ load, version }), [load, version])
  const [result, setResult] = useState<Loaded<T> | null>(null)

  useEffect(() => {
    let current = true
    request.load().then(
      (data) => current && setResult({ request, data, error: null }),
      (e: unknown) => current && setResult({ request, data: null, error: toApiError(e) }),
    )
    return () => {
      current = false
    }
  }, [request])

  const reload = useCallback(() => setVersion((v) => v + 1), [])
  const fresh = result?.request === request
  return { data: fresh ? result.data : null, error: fresh ? result.error : null, loading: !fresh, reload }
}
