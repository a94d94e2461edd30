import { useCallback, useEffect, useState } from 'react'
import { api, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner } from '#renderer/components/index'
import { useLoad } from '#renderer/hooks/use-load'
import { useMeasureDetail } from './measure-store'
import type { MeasureDetail } from './measure-types'

/**
 * measures §7 / §14 "Link incident": find one of the incidents the user can see by its ref or title (incident.list
 * q), or pick from the latest ones, then measure.linkIncident. The catalogue refuses duplicates and cancelled
 * measures in its own words.
 */
export function LinkIncidentDialog({ measure: m, onClose }: { measure: MeasureDetail; onClose: () => void }) {
  const run = useMeasureDetail((s) => s.run)
  const busy = useMeasureDetail((s) => s.busy)
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')
  const [chosen, setChosen] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), 250)
    return () => window.clearTimeout(timer)
  }, [typed])
  // incident.list searches from 3 characters; shorter text shows the latest incidents.
  const search = q.length >= 3 ? q : ''
  const load = useCallback(() => api.call('incident.list', search ? { q: search, limit: 10 } : { limit: 10 }), [search])
  const found = useLoad(load)
  const linked = new Set(m.linked_incidents.map((i) => i.id))

  const submit = async () => {
    setError(null)
    if (!chosen) return
    const failed = await run(() => api.call('measure.linkIncident', { id: m.id, incident_id: chosen }))
    if (failed) setError(failed)
    else onClose()
  }

  return (
    <Dialog
      title={`Link an incident to ${m.ref}`}
      submitLabel="Link incident"
      busy={busy || !chosen}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <ErrorBanner error={error} />
      <div className="field">
        <label htmlFor="link-incident-q">Incident ref or title</label>
        <input
          id="link-incident-q"
          type="search"
          placeholder="e.g. INC-2026-…"
          aria-describedby="link-incident-hint"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <p className="hint" id="link-incident-hint">
          Type at least 3 characters to search; otherwise your latest incidents are listed.
        </p>
      </div>
      <fieldset className="pick-list" aria-busy={found.loading}>
        <legend className="visually-hidden">Incidents</legend>
        {found.error && <ErrorBanner error={found.error} />}
        {found.loading && <p className="muted">Searching…</p>}
        {!found.loading && found.data?.items.length === 0 && <p className="muted">No incident you can see matches.</p>}
        {found.data?.items.map((i) => (
          <label key={i.id} className="pick">
            <input
              type="radio"
              name="link-incident"
              value={i.id}
              checked={chosen === i.id}
              disabled={linked.has(i.id)}
              onChange={() => setChosen(i.id)}
            />
            <span className="mono">{i.ref}</span> <span>{i.title}</span>{' '}
            <span className="muted">
              {i.status_name}
              {linked.has(i.id) ? ' · already linked' : ''}
            </span>
          </label>
        ))}
      </fieldset>
    </Dialog>
  )
}
