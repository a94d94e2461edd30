import { ROLE_NAMES } from '#shared/core/primitives'
import { CONFIG_ROLES, EDITABLE_FIELDS, EDITABLE_STATUSES } from '#shared/incident-config/config.constants'
import { STATUS_NAMES } from '#shared/incidents/incident.constants'
import { api } from '#renderer/api'
import { fieldLabel } from './labels'
import { SaveStatus } from './SaveStatus'
import type { IncidentConfig } from './settings-types'
import { useSave } from './use-save'

type Status = (typeof EDITABLE_STATUSES)[number]
type ConfigRole = (typeof CONFIG_ROLES)[number]

/** incidents §6.4: the allow-list per (state, role); every field not ticked is locked. CLOSED is fixed read-only. */
export function EditableFieldsMatrix({ config, onSaved }: { config: IncidentConfig; onSaved: () => void }) {
  const save = useSave(onSaved)
  const fieldsOf = (status: Status, role: ConfigRole) =>
    config.editable.filter((e) => e.status === status && e.role === role).map((e) => e.field)

  const toggle = (status: Status, role: ConfigRole, field: string, on: boolean) => {
    const now = fieldsOf(status, role)
    const fields = on ? [...now, field] : now.filter((f) => f !== field)
    void save.run(
      `${fieldLabel(field)} is now ${on ? 'editable' : 'locked'} in ${STATUS_NAMES[status]} for ${ROLE_NAMES[role]}.`,
      () => api.call('incidentConfig.setEditableFields', { status, role, fields }),
    )
  }

  return (
    <section className="panel settings-section" aria-labelledby="editable-title">
      <h2 id="editable-title">Editable fields</h2>
      <p className="hint">
        A ticked box lets that role edit the field in that state; everything else is locked. Closed incidents are always
        read-only. The net loss override is for Risk Officers only.
      </p>
      <SaveStatus error={save.error} saved={save.saved} />
      <div className="table-wrap">
        <table className="data matrix matrix-wide">
          <caption className="visually-hidden">Fields each role may edit in each state</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Field
              </th>
              {EDITABLE_STATUSES.map((s) => (
                <th key={s} scope="colgroup" colSpan={CONFIG_ROLES.length} className="matrix-group">
                  {STATUS_NAMES[s]}
                </th>
              ))}
            </tr>
            <tr>
              {EDITABLE_STATUSES.flatMap((s) =>
                CONFIG_ROLES.map((r) => (
                  <th key={`${s}-${r}`} scope="col" className="matrix-cell">
                    {ROLE_NAMES[r]}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {EDITABLE_FIELDS.map((field) => (
              <tr key={field}>
                <th scope="row">{fieldLabel(field)}</th>
                {EDITABLE_STATUSES.flatMap((status) =>
                  CONFIG_ROLES.map((role) => (
                    <td key={`${status}-${role}`} className="matrix-cell">
                      <input
                        type="checkbox"
                        aria-label={`${ROLE_NAMES[role]} may edit ${fieldLabel(field)} in ${STATUS_NAMES[status]}`}
                        checked={fieldsOf(status, role).includes(field)}
                        disabled={save.busy || (field === 'net_loss_override' && role !== 'risk_officer')}
                        onChange={(e) => toggle(status, role, field, e.target.checked)}
                      />
                    </td>
                  )),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
