import { useState } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner } from '#renderer/components/index'

type Found = { id: string; ref: string; description: string; status: string }

/** incidents §15 "Link measure": find a visible measure by ref or description and link it (measures §7). */
export function LinkMeasureDialog(props: { incidentId: string; onClose: () => void; onLinked: () => void }) {
  const [q, setQ] = useState('')
  const [found, setFound] = useState<Found[] | null>(null)
  const [chosen, setChosen] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const search = async () => {
    setError(null)
    try {
      const page = await api.call('measure.list', { q: q.trim(), limit: 20 })
      setFound(page.items.map((m) => ({ id: m.id, ref: m.ref, description: m.description, status: m.status })))
    } catch (e) {
      setError(toApiError(e))
    }
  }
  const link = async () => {
    if (!chosen) return
    setBusy(true)
    try {
      await api.call('measure.linkIncident', { id: chosen, incident_id: props.incidentId })
      props.onLinked()
    } catch (e) {
      setError(toApiError(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog title="Link measure" submitLabel="Link" busy={busy} onClose={props.onClose} onSubmit={() => void link()}>
      <ErrorBanner error={error} />
      <div className="field">
        <label htmlFor="link-measure-q">Measure ref or description (3 characters or more)</label>
        <div className="inline-search">
          <input id="link-measure-q" value={q} onChange={(e) => setQ(e.target.value)} />
          <button type="button" disabled={q.trim().length < 3} onClick={() => void search()}>
            Search
          </button>
        </div>
      </div>
      {found && found.length === 0 && <p className="muted">No measure you can see matches.</p>}
      {found && found.length > 0 && (
        <fieldset className="choice-list">
          <legend>Choose the measure</legend>
          {found.map((m) => (
            <label key={m.id} className="choice">
              <input
                type="radio"
                name="measure"
                value={m.id}
                checked={chosen === m.id}
                onChange={() => setChosen(m.id)}
              />
              <span className="mono">{m.ref}</span> {m.description.split('\n')[0]}
            </label>
          ))}
        </fieldset>
      )}
    </Dialog>
  )
}
