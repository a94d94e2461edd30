import { useCallback, useState } from 'react'
import { toApiError, type ApiError } from '#renderer/api'
import { changedGroups, toggle, type Groups } from './workflow-draft'

/**
 * One section's ticks over the saved configuration: what the admin changed stays on screen (also across the reloads
 * other sections cause) until it is saved or discarded. Save sends one command per changed group, in order, and
 * stops at the first refusal; the groups already saved stay saved and the reload shows them.
 */
export function useGroups(
  saved: Groups,
  saveGroup: (key: string, values: string[]) => Promise<unknown>,
  onSaved: () => void,
) {
  const [edited, setEdited] = useState<Groups | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const groups = edited ?? saved
  const dirty = changedGroups(saved, groups)

  const set = useCallback(
    (key: string, value: string, on: boolean) => {
      setEdited((e) => toggle(e ?? saved, key, value, on))
      setStatus(null)
    },
    [saved],
  )
  const save = async (what: string) => {
    setBusy(true)
    setError(null)
    setStatus(null)
    try {
      for (const key of dirty) await saveGroup(key, [...(groups[key] ?? [])])
      setStatus(dirty.length === 0 ? 'Nothing to save.' : `${what} saved.`)
    } catch (e) {
      setError(toApiError(e))
    } finally {
      setBusy(false)
      onSaved()
    }
  }
  const discard = () => {
    setEdited(null)
    setError(null)
    setStatus(null)
  }
  return { groups, dirty, busy, error, status, set, save, discard }
}
