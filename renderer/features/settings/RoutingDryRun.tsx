import { useState, type FormEvent } from 'react'
import { ROLE_NAMES, type Role } from '#shared/core/primitives'
import { api, toApiError, type ApiError } from '#renderer/api'
import { FieldError } from '#renderer/components/index'
import { describedField } from '#renderer/lib/form-errors'
import type { DryRun } from './settings-types'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** "Test against incident" (incidents §9.2): which rule would fire and who would hear of it; nothing is sent. */
export function RoutingDryRun() {
  const [text, setText] = useState('')
  const [result, setResult] = useState<DryRun | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (e: FormEvent) => {
    e.preventDefault()
    const value = text.trim()
    setResult(null)
    setError(null)
    setBusy(true)
    try {
      setResult(
        await api.call(
          'incidentConfig.testRouting',
          UUID.test(value) ? { incident_id: value.toLowerCase() } : { ref: value },
        ),
      )
    } catch (err) {
      setError(toApiError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="settings-dry-run" onSubmit={(e) => void run(e)} noValidate aria-labelledby="dry-run-title">
      <h3 id="dry-run-title">Test against incident</h3>
      <div className="field">
        <label htmlFor="dry-run-incident">Incident reference or id</label>
        <div className="inline">
          <input
            {...describedField('dry-run-incident', error?.message)}
            type="text"
            placeholder="INC-2026-KMR-00042"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button-secondary" disabled={busy || text.trim() === ''}>
            Test
          </button>
        </div>
        <FieldError id="dry-run-incident" message={error?.message} />
      </div>
      {result && (
        <div className="banner banner-info" role="status">
          <p>
            <strong>{result.incident.ref}</strong> {result.incident.title}
          </p>
          {result.rule ? (
            <>
              <p>
                Matches rule “{result.rule.description}” (priority {result.rule.priority}), notifying{' '}
                {[
                  result.rule.route_to_role ? ROLE_NAMES[result.rule.route_to_role as Role] : null,
                  result.rule.route_to_bu_name,
                ]
                  .filter(Boolean)
                  .join(' in ')}
                .
              </p>
              <p>
                Recipients:{' '}
                {result.recipients.length > 0
                  ? result.recipients.map((u) => u.full_name).join(', ')
                  : 'nobody active holds this role and unit.'}
              </p>
            </>
          ) : (
            <p>No active rule matches: nobody would be notified.</p>
          )}
          <p className="muted">Nothing was sent. The reviewer is notified too when the rule names them.</p>
        </div>
      )}
    </form>
  )
}
