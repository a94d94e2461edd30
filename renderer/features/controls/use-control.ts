import { useCallback, useEffect, useRef, useState } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import type { ControlData } from './control-types'

/**
 * `control.get` for the detail screen. A reload keeps showing the last answer until the new one arrives, so the
 * tabs (and what is expanded in them) stay put after an action.
 */
export function useControl(id: string) {
  const [data, setData] = useState<ControlData | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [version, setVersion] = useState(0)
  const latest = useRef(0)
  useEffect(() => {
    const ticket = ++latest.current
    api.call('control.get', { id }).then(
      (c) => {
        if (ticket !== latest.current) return
        setData(c)
        setError(null)
      },
      (e: unknown) => {
        if (ticket === latest.current) setError(toApiError(e))
      },
    )
  }, [id, version])
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { data: data?.id === id ? data : null, error, reload, generation: version }
}

/** The last non-null value seen: a list stays on screen while its reload is under way. */
export function useLastValue<T>(value: T | null): T | null {
  const [last, setLast] = useState<T | null>(value)
  if (value !== null && value !== last) setLast(value)
  return value ?? last
}

/** Runs `reload` whenever `generation` moves on (the detail reloaded after an action elsewhere on the screen). */
export function useReloadOn(reload: () => void, generation: number) {
  const seen = useRef(generation)
  useEffect(() => {
    if (seen.current === generation) return
    seen.current = generation
    reload()
  }, [generation, reload])
}
