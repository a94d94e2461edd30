import { useCallback, useEffect, useState } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, FieldError } from '#renderer/components/index'
import { BandChip } from '#renderer/components/rcsa/index'
import { useLoad } from '#renderer/hooks/use-load'
import { describedField } from '#renderer/lib/form-errors'
import { href, riskPath } from '#renderer/router'
import type { ControlData } from './control-types'
import { plural, riskStatusLabel } from './labels'
import { useFormOptions } from './options'

type Props = { control: ControlData; onChanged: () => void }

/**
 * controls.md §4, §11 Linked risks: the visible linked risks with status, residual band and link notes, then
 * "+N linked risks outside your scope". "Link to risk" (risk officers) runs the risk module's risk.linkControl.
 */
export function LinkedRisksTab({ control: c, onChanged }: Props) {
  const options = useFormOptions()
  const bands = options.data?.matrix.bands ?? []
  const [linking, setLinking] = useState(false)

  return (
    <section className="panel" aria-labelledby="risks-title">
      <div className="panel-head">
        <h2 id="risks-title">Linked risks</h2>
        {c.permissions.can_link_risk && (
          <button type="button" className="button-secondary" onClick={() => setLinking(true)}>
            Link to risk
          </button>
        )}
      </div>
      <p className="muted">
        {plural(c.active_risks_count, 'ACTIVE risk')} of {plural(c.linked_risks_count, 'linked risk')}.
      </p>
      {c.linked_risks.length === 0 ? (
        <p className="empty">
          {c.linked_risks_count === 0 ? 'No risk is linked to this control.' : 'No linked risk is in your scope.'}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Linked risks</caption>
            <thead>
              <tr>
                <th scope="col">Risk</th>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Residual</th>
                <th scope="col">Link notes</th>
              </tr>
            </thead>
            <tbody>
              {c.linked_risks.map((r) => {
                const band = bands.find((b) => b.code === r.residual_band) ?? null
                return (
                  <tr key={r.id}>
                    <td className="nowrap">
                      <a href={href(riskPath(r.id))}>{r.ref}</a>
                    </td>
                    <td>{r.title}</td>
                    <td className="nowrap">{riskStatusLabel(r.status)}</td>
                    <td className="nowrap">
                      <BandChip score={r.residual_score} band={band} />
                    </td>
                    <td className="prewrap">{r.notes ?? <span className="muted">—</span>}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {c.linked_risks_outside_scope > 0 && (
        <p className="muted outside-scope">+{plural(c.linked_risks_outside_scope, 'linked risk')} outside your scope</p>
      )}
      {linking && (
        <LinkRiskDialog
          control={c}
          onClose={() => setLinking(false)}
          onLinked={() => {
            setLinking(false)
            onChanged()
          }}
        />
      )}
    </section>
  )
}

function LinkRiskDialog({
  control,
  onClose,
  onLinked,
}: {
  control: ControlData
  onClose: () => void
  onLinked: () => void
}) {
  const [typed, setTyped] = useState('')
  const [search, setSearch] = useState('')
  const [riskId, setRiskId] = useState('')
  const [notes, setNotes] = useState('')
  const [errors, setErrors] = useState<{ risk?: string; notes?: string }>({})
  const [banner, setBanner] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    const t = window.setTimeout(() => setSearch(typed.trim()), 250)
    return () => window.clearTimeout(t)
  }, [typed])
  const load = useCallback(
    () =>
      api.call('risk.list', {
        status: ['DRAFT', 'ASSESSED', 'ACTIVE'],
        sort: 'ref',
        direction: 'asc',
        limit: 50,
        ...(search ? { search } : {}),
      }),
    [search],
  )
  const risks = useLoad(load)
  const linked = new Set(control.linked_risks.map((r) => r.id))
  const choices = (risks.data?.items ?? []).filter((r) => !linked.has(r.id))

  const submit = async () => {
    setBanner(null)
    if (!riskId) return setErrors({ risk: 'Choose a risk.' })
    setErrors({})
    setBusy(true)
    try {
      await api.call('risk.linkControl', {
        risk_id: riskId,
        control_id: control.id,
        ...(notes.trim() ? { notes } : {}),
      })
      onLinked()
    } catch (e) {
      const error = toApiError(e)
      const noteIssue = error.issues.find((i) => i.path[0] === 'notes')
      if (noteIssue) setErrors({ notes: noteIssue.message })
      else setBanner(error)
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={`Link ${control.ref} to a risk`}
      submitLabel="Link"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <ErrorBanner error={banner} />
      <div className="field">
        <label htmlFor="link-risk-search">Search risks</label>
        <input
          id="link-risk-search"
          type="search"
          placeholder="Ref or title"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="link-risk">Risk</label>
        <select
          {...describedField('link-risk', errors.risk)}
          value={riskId}
          onChange={(e) => setRiskId(e.target.value)}
        >
          <option value="">{risks.loading ? 'Loading risks…' : 'Choose a risk…'}</option>
          {choices.map((r) => (
            <option key={r.id} value={r.id}>
              {r.ref} {r.title} ({r.status_label})
            </option>
          ))}
        </select>
        <FieldError id="link-risk" message={errors.risk} />
        {risks.error && <p className="field-error">{risks.error.message}</p>}
      </div>
      <div className="field">
        <label htmlFor="link-notes">Link notes (optional)</label>
        <textarea
          {...describedField('link-notes', errors.notes)}
          rows={3}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
        <FieldError id="link-notes" message={errors.notes} />
      </div>
    </Dialog>
  )
}
