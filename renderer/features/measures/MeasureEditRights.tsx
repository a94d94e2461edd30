import { useCallback, useEffect, useState } from 'react'
import { STATUS_NAMES, type EditableField, type MeasureStatus, type Party } from '#shared/measures/measure.constants'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, Page } from '#renderer/components/index'
import { FIELD_LABELS, PARTY_LABELS } from './labels'
import type { MeasureConfig } from './measure-types'

/**
 * measures §6 / §14 "Measure edit rights" (admin): state × party × field. A ticked box lets that party edit the
 * field in that state; Completed and Cancelled are fixed read-only and are not offered.
 */
export function MeasureEditRights() {
  const [config, setConfig] = useState<MeasureConfig | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [version, setVersion] = useState(0)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [saved, setSaved] = useState('')
  // The box the user just clicked shows its new state while the save runs.
  const [pending, setPending] = useState<{ status: string; party: string; field: string; on: boolean } | null>(null)
  // The last matrix stays on screen while a reload runs, so a save never blanks it.
  useEffect(() => {
    let current = true
    api.call('measureConfig.get', {}).then(
      (c) => {
        if (!current) return
        setConfig(c)
        setLoadError(null)
      },
      (e: unknown) => current && setLoadError(toApiError(e)),
    )
    return () => {
      current = false
    }
  }, [version])
  const reload = useCallback(() => setVersion((v) => v + 1), [])

  const fieldsOf = (status: string, party: string) =>
    (config?.rows ?? []).filter((r) => r.status === status && r.party === party).map((r) => r.field)

  const toggle = async (status: MeasureStatus, party: Party, field: EditableField, on: boolean) => {
    const now = fieldsOf(status, party)
    const fields = on ? [...now, field] : now.filter((f) => f !== field)
    setPending({ status, party, field, on })
    setBusy(true)
    setError(null)
    setSaved('')
    try {
      const result = await api.call('measureConfig.setEditableFields', { status, party, fields })
      // The command answers the new set: shown at once, then the reload confirms the whole matrix.
      setConfig(
        (c) =>
          c && {
            ...c,
            rows: [
              ...c.rows.filter((r) => r.status !== status || r.party !== party),
              ...result.fields.map((f) => ({ status, party, field: f })),
            ],
          },
      )
      setSaved(
        `${FIELD_LABELS[field]} is now ${on ? 'editable' : 'locked'} in ${STATUS_NAMES[status]} for ${PARTY_LABELS[party]}.`,
      )
      reload()
    } catch (e) {
      setError(toApiError(e))
    } finally {
      setPending(null)
      setBusy(false)
    }
  }
  const isChecked = (status: string, party: string, field: string) =>
    pending && pending.status === status && pending.party === party && pending.field === field
      ? pending.on
      : fieldsOf(status, party).includes(field)

  const statuses = (config?.statuses ?? []).filter((s) => s.configurable).map((s) => s.code)
  return (
    <Page title="Measure edit rights">
      <p className="lead">
        Which party may edit which field of a measure in each state. Changes apply to the next edit and are recorded in
        the audit trail. Completed and cancelled measures are always read-only.
      </p>
      <ErrorBanner error={loadError} onRetry={reload} />
      <ErrorBanner error={error} />
      <p className="settings-status muted" role="status">
        {saved}
      </p>
      {!config && !loadError && (
        <p className="muted" role="status">
          Loading edit rights…
        </p>
      )}
      {config && (
        <div className="table-wrap">
          <table className="data matrix">
            <caption className="visually-hidden">Fields each party may edit in each measure state</caption>
            <thead>
              <tr>
                <th scope="col">State and party</th>
                {config.fields.map((f) => (
                  <th key={f} scope="col" className="matrix-cell">
                    {FIELD_LABELS[f]}
                  </th>
                ))}
              </tr>
            </thead>
            {statuses.map((status) => (
              <tbody key={status}>
                <tr className="matrix-state">
                  <th scope="rowgroup" colSpan={config.fields.length + 1}>
                    {STATUS_NAMES[status]}
                  </th>
                </tr>
                {config.parties.map((party) => (
                  <tr key={party}>
                    <th scope="row" className="settings-indent">
                      {PARTY_LABELS[party]}
                    </th>
                    {config.fields.map((field) => (
                      <td key={field} className="matrix-cell">
                        <input
                          type="checkbox"
                          aria-label={`${PARTY_LABELS[party]} may edit ${FIELD_LABELS[field]} in ${STATUS_NAMES[status]}`}
                          checked={isChecked(status, party, field)}
                          disabled={busy}
                          onChange={(e) => void toggle(status, party, field, e.target.checked)}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </Page>
  )
}
