import { FIELD_LABELS, type IncidentField } from '#shared/incidents/incident.constants'
import { ErrorBanner } from '#renderer/components/index'
import { useIncidentDetail } from '#renderer/stores/incident-detail'
import { digitsOf, useReference } from '#renderer/stores/reference'
import { valueText } from './field-display'

/**
 * The detail's one error banner. A CONFLICT lists each field someone else changed, with the value typed here
 * and the stored one, and offers a reload; the typed values stay on screen until the user reloads.
 */
export function DetailBanner() {
  const banner = useIncidentDetail((s) => s.banner)
  const reload = useIncidentDetail((s) => s.reload)
  const currency = useIncidentDetail((s) => s.incident?.currency_code ?? null)
  const form = useReference((s) => s.form)
  if (!banner) return null
  const text = (field: string, v: unknown) => valueText(field, v, currency, form, (c) => digitsOf(form, c))
  const { error } = banner
  if (error.code !== 'CONFLICT') return <ErrorBanner error={error} message={banner.message} />
  const fields = error.data?.code === 'CONFLICT' ? (error.data.fields ?? []) : []
  return (
    <div className="banner banner-error conflict" role="alert">
      <p>{banner.message}</p>
      {fields.length > 0 && (
        <table className="data changes">
          <caption className="visually-hidden">Conflicting fields</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Yours</th>
              <th scope="col">Saved by someone else</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f.field}>
                <th scope="row">{FIELD_LABELS[f.field as IncidentField] ?? f.field}</th>
                <td className="value">{text(f.field, f.mine)}</td>
                <td className="value">{text(f.field, f.theirs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <button type="button" className="button-secondary" onClick={() => void reload()}>
          Reload
        </button>{' '}
        <span className="muted">Reloading shows the saved values; your own values are listed above.</span>
      </p>
    </div>
  )
}
