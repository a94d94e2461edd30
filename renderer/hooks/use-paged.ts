import { useCallback, useEffect, useMemo, useState } from 'react'
import { toApiError, type ApiError } from '#renderer/api'
import type { Page } from '#renderer/types'

type Loaded<T, C> = { request: object; items: T[]; next: C | null; error: ApiError | null }

/**
 * A keyset-paged list for the current `query` (memoise it with useCallback): the first page loads whenever the
 * query changes, `loadMore` appends the page after `next_cursor`. Answers to superseded queries are dropped.
 */
export function usePaged<T, C>(query: (cursor: C | undefined) => Promise<Page<T, C>>) {
  const [version, setVersion] = useState(0)
  const request = useMemo(() => ({ query, version }), [query, version])
  const [result, setResult] = useState<Loaded<T, C> | null>(null)
  const [more, setMore] = useState<{ request: object | null; busy: boolean; error: ApiError | null }>({
    request: null,
    busy: false,
    error: null,
  })

  useEffect(() => {
    let current = true
    request.query(undefined).then(
      (page) => current && setResult({ request, items: page.items, next: page.next_cursor, error: null }),
      (e: unknown) => current && setResult({ request, items: [], next: null, error: toApiError(e) }),
    )
    return () => {
      current = false
    }
  }, [request])

  const fresh = result?.request === request ? result : null
  const moreNow = more.request === request ? more : null

  const loadMore = useCallback(async () => {
    if (!fresh || fresh.next === null) return
    setMore({ request, busy: true, error: null })
    try {
      const page = await request.query(fresh.next)
      setResult((r) =>
        r?.request === request ? { ...r, items: [...r.items, ...page.items], next: page.next_cursor } : r,
      )
      setMore({ request, busy: false, error: null })
    } catch (e) {
      setMore({ request, busy: false, error: toApiError(e) })
    }
  }, [fresh, request])

  const reload = useCallback(() => setVersion((v) => v + 1), [])

  return {
    items: fresh?.items ?? [],
    loading: fresh === null,
    error: fresh?.error ?? moreNow?.error ?? null,
    hasMore: (fresh?.next ?? null) !== null,
    loadingMore: moreNow?.busy ?? false,
    loadMore,
    reload,
  }
}
