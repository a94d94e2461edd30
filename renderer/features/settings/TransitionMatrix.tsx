import { ROLE_NAMES } from '#shared/core/primitives'
import { CONFIG_EDGES, CONFIG_ROLES } from '#shared/incident-config/config.constants'
import { STATUS_NAMES, type IncidentStatus } from '#shared/incidents/incident.constants'
import { TRANSITIONS } from '#shared/incidents/incident.workflow'
import { api } from '#renderer/api'
import { SaveStatus } from './SaveStatus'
import type { IncidentConfig } from './settings-types'
import { useSave } from './use-save'

const status = (s: string) => STATUS_NAMES[s as IncidentStatus] ?? s

/** incidents §5.4: which roles may take each of the six edges; a toggle saves at once. */
export function TransitionMatrix({ config, onSaved }: { config: IncidentConfig; onSaved: () => void }) {
  const save = useSave(onSaved)
  const allowed = (from: string, to: string, role: string) =>
    config.transitions.some((t) => t.from === from && t.to === to && t.role === role)

  const toggle = (from: string, to: string, role: (typeof CONFIG_ROLES)[number], on: boolean) =>
    void save.run(`${on ? 'Allowed' : 'Removed'}: ${ROLE_NAMES[role]} on ${status(from)} → ${status(to)}.`, () =>
      api.call(on ? 'incidentConfig.allowTransition' : 'incidentConfig.disallowTransition', {
        from: from as IncidentStatus,
        to: to as IncidentStatus,
        role,
      }),
    )

  return (
    <section className="panel settings-section" aria-labelledby="transitions-title">
      <h2 id="transitions-title">Transitions</h2>
      <p className="hint">Who may move an incident along each step. An edge with no role ticked cannot be taken.</p>
      <SaveStatus error={save.error} saved={save.saved} />
      <div className="table-wrap">
        <table className="data matrix">
          <caption className="visually-hidden">Roles allowed per transition</caption>
          <thead>
            <tr>
              <th scope="col">Transition</th>
              {CONFIG_ROLES.map((r) => (
                <th key={r} scope="col" className="matrix-cell">
                  {ROLE_NAMES[r]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {CONFIG_EDGES.map(({ from, to }) => {
              const action = TRANSITIONS.find((t) => t.from === from && t.to === to)?.label
              return (
                <tr key={`${from}-${to}`}>
                  <th scope="row">
                    {status(from)} → {status(to)}
                    {action && <span className="muted"> ({action})</span>}
                  </th>
                  {CONFIG_ROLES.map((role) => (
                    <td key={role} className="matrix-cell">
                      <input
                        type="checkbox"
                        aria-label={`${ROLE_NAMES[role]} may move from ${status(from)} to ${status(to)}`}
                        checked={allowed(from, to, role)}
                        disabled={save.busy}
                        onChange={(e) => toggle(from, to, role, e.target.checked)}
                      />
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
