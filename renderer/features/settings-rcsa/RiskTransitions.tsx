import { api } from '#renderer/api'
import { SectionActions } from './SectionActions'
import type { ConfigRole, RiskConfig, RiskStatus } from './types'
import { useGroups } from './use-groups'
import { edgeAction, roleName, statusWord } from './workflow-labels'
import { groupKey, groupsOf, has, keyParts } from './workflow-draft'

type Props = { config: RiskConfig; onSaved: () => void }

/** risks.md §5.1 as data: which roles may run each transition. An edge with no role ticked cannot be taken. */
export function RiskTransitions({ config, onSaved }: Props) {
  const { edges, roles } = config.choices
  const saved = groupsOf(
    config.transitions,
    edges.map((e) => groupKey(e.from_status, e.to_status)),
    (t) => groupKey(t.from_status, t.to_status),
    (t) => t.role,
  )
  const section = useGroups(
    saved,
    (key, values) => {
      const [from_status = '', to_status = ''] = keyParts(key)
      return api.call('riskConfig.setTransitionRoles', {
        from_status: from_status as RiskStatus,
        to_status: to_status as RiskStatus,
        roles: values as ConfigRole[],
      })
    },
    onSaved,
  )
  return (
    <section className="panel settings-section" aria-labelledby="risk-transitions-title">
      <h2 id="risk-transitions-title">Transitions</h2>
      <p className="hint">
        Who may move a risk along each step. The preconditions of each step (scores, Basel type, linked controls) apply
        whoever runs it.
      </p>
      <div className="table-wrap">
        <table className="data matrix">
          <caption className="visually-hidden">Roles allowed per risk transition</caption>
          <thead>
            <tr>
              <th scope="col">Transition</th>
              {roles.map((r) => (
                <th key={r} scope="col" className="matrix-cell">
                  {roleName(r)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {edges.map(({ from_status: from, to_status: to }) => {
              const key = groupKey(from, to)
              const action = edgeAction(from, to)
              return (
                <tr key={key}>
                  <th scope="row">
                    {statusWord(from)} → {statusWord(to)}
                    {action && <span className="muted"> ({action})</span>}
                  </th>
                  {roles.map((role) => (
                    <td key={role} className="matrix-cell">
                      <input
                        type="checkbox"
                        aria-label={`${roleName(role)} may move a risk from ${statusWord(from)} to ${statusWord(to)}`}
                        checked={has(section.groups, key, role)}
                        disabled={section.busy}
                        onChange={(e) => section.set(key, role, e.target.checked)}
                      />
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <SectionActions
        saveLabel="Save transitions"
        dirtyCount={section.dirty.length}
        busy={section.busy}
        error={section.error}
        status={section.status}
        onSave={() => void section.save('Transitions')}
        onDiscard={section.discard}
      />
    </section>
  )
}
