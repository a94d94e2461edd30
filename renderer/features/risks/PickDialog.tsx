import { useCallback, useEffect, useId, useState } from 'react'
import type { ApiError } from '#renderer/api'
import { Dialog, ErrorBanner } from '#renderer/components/index'
import { useLoad } from '#renderer/hooks/use-load'

export type PickItem = { id: string; ref: string; text: string; note?: string | undefined }

type Props = {
  title: string
  submitLabel: string
  searchLabel: string
  hint: string
  /** The matches for the typed text ('' lists the latest ones). */
  find: (search: string) => Promise<PickItem[]>
  /** Already linked: shown, not choosable. */
  linked: ReadonlySet<string>
  busy: boolean
  /** Runs the link command; its error stays in the dialog. */
  onPick: (id: string) => Promise<ApiError | null>
  onClose: () => void
}

/** The "Link incident / measure / KRI" dialogs of the risk detail: search, choose one, link. */
export function PickDialog({ title, submitLabel, searchLabel, hint, find, linked, busy, onPick, onClose }: Props) {
  const id = `pick-${useId().replace(/:/g, '')}`
  const [typed, setTyped] = useState('')
  const [search, setSearch] = useState('')
  const [chosen, setChosen] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(typed.trim()), 250)
    return () => window.clearTimeout(timer)
  }, [typed])
  const found = useLoad(useCallback(() => find(search), [find, search]))

  const submit = async () => {
    setError(null)
    if (!chosen) return
    const failed = await onPick(chosen)
    if (failed) setError(failed)
    else onClose()
  }

  return (
    <Dialog
      title={title}
      submitLabel={submitLabel}
      busy={busy || !chosen}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <ErrorBanner error={error} />
      <div className="field">
        <label htmlFor={`${id}-q`}>{searchLabel}</label>
        <input
          id={`${id}-q`}
          type="search"
          aria-describedby={`${id}-hint`}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      </div>
      <fieldset className="pick-list" aria-busy={found.loading}>
        <legend className="visually-hidden">Matches</legend>
        {found.error && <ErrorBanner error={found.error} />}
        {found.loading && <p className="muted">Searching…</p>}
        {!found.loading && found.data?.length === 0 && <p className="muted">Nothing you can see matches.</p>}
        {found.data?.map((item) => (
          <label key={item.id} className="pick">
            <input
              type="radio"
              name={id}
              value={item.id}
              checked={chosen === item.id}
              disabled={linked.has(item.id)}
              onChange={() => setChosen(item.id)}
            />
            <span className="mono">{item.ref}</span> <span>{item.text}</span>{' '}
            <span className="muted">
              {item.note ?? ''}
              {linked.has(item.id) ? ' · already linked' : ''}
            </span>
          </label>
        ))}
      </fieldset>
    </Dialog>
  )
}
