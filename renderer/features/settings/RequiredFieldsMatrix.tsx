import { REQUIRABLE_FIELDS, REQUIRED_TARGETS } from '#shared/incident-config/config.constants'
import { STATUS_NAMES } from '#shared/incidents/incident.constants'
import { api } from '#renderer/api'
import { fieldLabel } from './labels'
import { SaveStatus } from './SaveStatus'
import type { IncidentConfig } from './settings-types'
import { useSave } from './use-save'

type Target = (typeof REQUIRED_TARGETS)[number]

/** incidents §6.3: the fields an incident needs to enter each state (forward steps only). */
export function RequiredFieldsMatrix({ config, onSaved }: { config: IncidentConfig; onSaved: () => void }) {
  const save = useSave(onSaved)
  const current = (s: Target) => config.required[s] ?? []

  const toggle = (status: Target, field: string, on: boolean) => {
    const fields = on ? [...current(status), field] : current(status).filter((f) => f !== field)
    void save.run(`${on ? 'Required' : 'No longer required'}: ${fieldLabel(field)} for ${STATUS_NAMES[status]}.`, () =>
      api.call('incidentConfig.setRequiredFields', { status, fields }),
    )
  }

  return (
    <section className="panel settings-section" aria-labelledby="required-title">
      <h2 id="required-title">Required fields</h2>
      <p className="hint">
        A ticked field must be filled before an incident can enter that state. Drafts always need a title and a
        description.
      </p>
      <SaveStatus error={save.error} saved={save.saved} />
      <div className="table-wrap">
        <table className="data matrix">
          <caption className="visually-hidden">Fields required to enter each state</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              {REQUIRED_TARGETS.map((s) => (
                <th key={s} scope="col" className="matrix-cell">
                  {STATUS_NAMES[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {REQUIRABLE_FIELDS.map((field) => (
              <tr key={field}>
                <th scope="row">
                  {fieldLabel(field)} <code className="muted">{field}</code>
                </th>
                {REQUIRED_TARGETS.map((status) => (
                  <td key={status} className="matrix-cell">
                    <input
                      type="checkbox"
                      aria-label={`${fieldLabel(field)} required for ${STATUS_NAMES[status]}`}
                      checked={current(status).includes(field)}
                      disabled={save.busy}
                      onChange={(e) => toggle(status, field, e.target.checked)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
