import { useState } from 'react'
import { RateText } from '#shared/fx-rates/fx-rate.schema'
import { api, toApiError, type ApiError } from '#renderer/api'
import { FieldError, LocalTime } from '#renderer/components/index'
import { describedField } from '#renderer/lib/form-errors'
import type { FxRateRow as Row } from './settings-types'

type Props = { row: Row; canEdit: boolean; onChanged: () => void }

/** One rate: edit rate or source in place, or delete after a second click (Reports §3.5). */
export function FxRateRow({ row, canEdit, onChanged }: Props) {
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view')
  const [rate, setRate] = useState(row.rate)
  const [source, setSource] = useState(row.source ?? '')
  const [error, setError] = useState<ApiError | null>(null)
  const [rateError, setRateError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const id = `fx-${row.id}`

  const act = async (call: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await call()
      setMode('view')
      onChanged()
    } catch (e) {
      const err = toApiError(e)
      if (err.code === 'VALIDATION' && err.issues.some((i) => i.path[0] === 'rate')) setRateError(err.message)
      else setError(err)
    } finally {
      setBusy(false)
    }
  }
  const save = () => {
    const checked = RateText.safeParse(rate)
    setRateError(checked.success ? undefined : checked.error.issues[0]?.message)
    if (!checked.success) return
    void act(() =>
      api.call('fxRate.update', {
        id: row.id,
        expected_version: row.version,
        rate,
        source: source.trim() === '' ? null : source,
      }),
    )
  }

  return (
    <tr>
      <td className="nowrap">{row.rate_date}</td>
      <td>
        <abbr title={row.currency_name}>{row.currency_code}</abbr>
      </td>
      {mode === 'edit' ? (
        <>
          <td>
            <input
              {...describedField(`${id}-rate`, rateError)}
              aria-label={`Rate for ${row.currency_code} on ${row.rate_date}`}
              type="text"
              inputMode="decimal"
              value={rate}
              onChange={(e) => setRate(e.target.value)}
            />
            <FieldError id={`${id}-rate`} message={rateError} />
          </td>
          <td>
            <input
              aria-label={`Source for ${row.currency_code} on ${row.rate_date}`}
              type="text"
              value={source}
              onChange={(e) => setSource(e.target.value)}
            />
          </td>
        </>
      ) : (
        <>
          <td className="num mono">{row.rate}</td>
          <td>{row.source ?? <span className="muted">—</span>}</td>
        </>
      )}
      <td className="nowrap">
        {row.updated_by_name ?? <span className="muted">—</span>} <LocalTime iso={row.updated_at} />
      </td>
      {canEdit && (
        <td className="nowrap">
          {mode === 'view' && (
            <>
              <button type="button" className="button-secondary button-small" onClick={() => setMode('edit')}>
                Edit
                <span className="visually-hidden">
                  {' '}
                  {row.currency_code} {row.rate_date}
                </span>
              </button>{' '}
              <button type="button" className="button-secondary button-small" onClick={() => setMode('confirm')}>
                Delete
                <span className="visually-hidden">
                  {' '}
                  {row.currency_code} {row.rate_date}
                </span>
              </button>
            </>
          )}
          {mode === 'edit' && (
            <>
              <button type="button" className="button-primary button-small" disabled={busy} onClick={save}>
                Save
              </button>{' '}
              <button type="button" className="button-secondary button-small" onClick={() => setMode('view')}>
                Cancel
              </button>
            </>
          )}
          {mode === 'confirm' && (
            <>
              <button
                type="button"
                className="button-primary button-small"
                disabled={busy}
                onClick={() => void act(() => api.call('fxRate.delete', { id: row.id, expected_version: row.version }))}
              >
                Confirm delete
              </button>{' '}
              <button type="button" className="button-secondary button-small" onClick={() => setMode('view')}>
                Keep
              </button>
            </>
          )}
          {error && (
            <p role="alert" className="field-error">
              {error.message}
            </p>
          )}
        </td>
      )}
    </tr>
  )
}
