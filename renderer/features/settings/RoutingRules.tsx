import { useState } from 'react'
import { ROLE_NAMES, type Role } from '#shared/core/primitives'
import { api } from '#renderer/api'
import { Badge } from '#renderer/components/index'
import { formatMoney } from '#renderer/lib/money'
import { RoutingDryRun } from './RoutingDryRun'
import { RoutingRuleEditor } from './RoutingRuleEditor'
import { emptyRule, ruleToValues, type RuleValues } from './rule-form'
import { SaveStatus } from './SaveStatus'
import type { IncidentConfig, RuleRow } from './settings-types'
import { useSave } from './use-save'

/** incidents §9: the rules in evaluation order (priority, then age); the first match notifies, never assigns. */
export function RoutingRules({ config, onSaved }: { config: IncidentConfig; onSaved: () => void }) {
  const save = useSave(onSaved)
  const [editing, setEditing] = useState<RuleValues | null>(null)
  const currency = config.reporting_currency

  const conditions = (r: RuleRow) => {
    const p = r.predicate
    const name = (list: { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? id
    const parts: string[] = []
    if (p.min_amount !== undefined) parts.push(`gross ≥ ${formatMoney(p.min_amount, currency.code, currency.digits)}`)
    if (p.simplified_event_type_id) parts.push(`type ${name(config.simplified_types, p.simplified_event_type_id)}`)
    if (p.business_unit_id) parts.push(`unit ${name(config.business_units, p.business_unit_id)}`)
    if (p.basel_event_type_id) parts.push(`Basel ${name(config.basel_event_types, p.basel_event_type_id)}`)
    return parts.join(' and ')
  }
  const recipients = (r: RuleRow) =>
    [r.route_to_role ? ROLE_NAMES[r.route_to_role as Role] : null, r.route_to_bu_name].filter(Boolean).join(' in ')

  return (
    <section className="panel settings-section" aria-labelledby="routing-title">
      <div className="settings-head">
        <h2 id="routing-title">Routing rules</h2>
        <button type="button" className="button-secondary" onClick={() => setEditing(emptyRule())}>
          Add rule
        </button>
      </div>
      <p className="hint">
        When a manager approves an incident, the first active rule that matches (lowest priority number first) sends an
        awareness notification. Rules are switched off, never deleted.
      </p>
      <SaveStatus error={save.error} saved={save.saved} />
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">Routing rules in evaluation order</caption>
          <thead>
            <tr>
              <th scope="col">Priority</th>
              <th scope="col">Description</th>
              <th scope="col">When</th>
              <th scope="col">Notify</th>
              <th scope="col">Active</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {config.routing_rules.map((r) => (
              <tr key={r.id} className={r.active ? undefined : 'row-inactive'}>
                <td className="num">{r.priority}</td>
                <td>{r.description}</td>
                <td>{conditions(r)}</td>
                <td>{recipients(r)}</td>
                <td>
                  <input
                    type="checkbox"
                    className="toggle"
                    aria-label={`Rule "${r.description}" active`}
                    checked={r.active}
                    disabled={save.busy}
                    onChange={(e) => {
                      const active = e.target.checked
                      void save.run(`Rule "${r.description}" switched ${active ? 'on' : 'off'}.`, () =>
                        api.call('incidentConfig.setRoutingRuleActive', { id: r.id, active }),
                      )
                    }}
                  />
                  {!r.active && <Badge tone="warning">Off</Badge>}
                </td>
                <td>
                  <button
                    type="button"
                    className="button-secondary button-small"
                    onClick={() => setEditing(ruleToValues(r, currency.digits))}
                  >
                    Edit<span className="visually-hidden"> rule {r.description}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {config.routing_rules.length === 0 && <p className="empty">No routing rules yet.</p>}
      {editing && (
        <RoutingRuleEditor
          key={editing.id ?? 'new'}
          config={config}
          initial={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            onSaved()
          }}
        />
      )}
      <RoutingDryRun />
    </section>
  )
}
