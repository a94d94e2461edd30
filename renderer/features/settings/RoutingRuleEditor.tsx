import { useState, type FormEvent } from 'react'
import { v7 } from 'uuid'
import { ROLE_CODES, ROLE_NAMES, type Role } from '#shared/core/primitives'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, FieldError } from '#renderer/components/index'
import { describedField, type FieldErrors } from '#renderer/lib/form-errors'
import { BaselOptions } from './BaselOptions'
import { buildRuleInput, ruleErrors, type RuleField, type RuleValues } from './rule-form'
import type { IncidentConfig } from './settings-types'

type Props = { config: IncidentConfig; initial: RuleValues; onClose: () => void; onSaved: () => void }

/** Create or change one rule (incidents §9.1): conditions are ANDed; at least one, and a role and/or a unit. */
export function RoutingRuleEditor({ config, initial, onClose, onSaved }: Props) {
  const [v, setV] = useState(initial)
  const [errors, setErrors] = useState<FieldErrors<RuleField>>({})
  const [banner, setBanner] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof RuleValues>(k: K, value: RuleValues[K]) => setV((s) => ({ ...s, [k]: value }))
  const field = (name: RuleField, hintId?: string) =>
    describedField(`rule-${name}`, errors[name], hintId ? { hintId } : {})
  const currency = config.reporting_currency

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBanner(null)
    const built = buildRuleInput(v, currency, v7)
    setErrors(built.errors)
    if (!built.input) return
    setBusy(true)
    try {
      await api.call('incidentConfig.saveRoutingRule', built.input)
      onSaved()
    } catch (err) {
      const split = ruleErrors(toApiError(err))
      setErrors(split.fieldErrors)
      setBanner(split.banner)
      setBusy(false)
    }
  }

  return (
    <form
      className="form form-wide settings-editor"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="rule-editor-title"
    >
      <h3 id="rule-editor-title">{initial.id ? 'Edit routing rule' : 'New routing rule'}</h3>
      <ErrorBanner error={banner} />
      <div className="field-row">
        <div className="field field-grow">
          <label htmlFor="rule-description">Description</label>
          <input
            {...field('description')}
            type="text"
            value={v.description}
            onChange={(e) => set('description', e.target.value)}
          />
          <FieldError id="rule-description" message={errors.description} />
        </div>
        <div className="field">
          <label htmlFor="rule-priority">Priority</label>
          <input
            {...field('priority', 'rule-priority-hint')}
            type="text"
            inputMode="numeric"
            value={v.priority}
            onChange={(e) => set('priority', e.target.value)}
          />
          <p className="hint" id="rule-priority-hint">
            0–100,000; lower runs first.
          </p>
          <FieldError id="rule-priority" message={errors.priority} />
        </div>
      </div>
      <fieldset
        className="field settings-fieldset"
        aria-describedby={errors.predicate ? 'rule-predicate-error' : undefined}
      >
        <legend>When all of these hold</legend>
        <FieldError id="rule-predicate" message={errors.predicate} />
        <div className="field-row">
          <div className="field">
            <label htmlFor="rule-min_amount">Gross loss at least ({currency.code})</label>
            <input
              {...field('min_amount', 'rule-min-hint')}
              type="text"
              inputMode="decimal"
              value={v.min_amount}
              onChange={(e) => set('min_amount', e.target.value)}
            />
            <p className="hint" id="rule-min-hint">
              In {currency.code}, e.g. 1,000,000.00. Empty: any amount.
            </p>
            <FieldError id="rule-min_amount" message={errors.min_amount} />
          </div>
          <div className="field">
            <label htmlFor="rule-simplified_event_type_id">Simplified type</label>
            <select
              {...field('simplified_event_type_id')}
              value={v.simplified_event_type_id}
              onChange={(e) => set('simplified_event_type_id', e.target.value)}
            >
              <option value="">Any type</option>
              {config.simplified_types.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <FieldError id="rule-simplified_event_type_id" message={errors.simplified_event_type_id} />
          </div>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="rule-business_unit_id">Business unit of the incident</label>
            <select
              {...field('business_unit_id')}
              value={v.business_unit_id}
              onChange={(e) => set('business_unit_id', e.target.value)}
            >
              <option value="">Any unit</option>
              {config.business_units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
            <FieldError id="rule-business_unit_id" message={errors.business_unit_id} />
          </div>
          <div className="field">
            <label htmlFor="rule-basel_event_type_id">Basel event type</label>
            <select
              {...field('basel_event_type_id')}
              value={v.basel_event_type_id}
              onChange={(e) => set('basel_event_type_id', e.target.value)}
            >
              <option value="">Any Basel type</option>
              <BaselOptions types={config.basel_event_types} />
            </select>
            <FieldError id="rule-basel_event_type_id" message={errors.basel_event_type_id} />
          </div>
        </div>
      </fieldset>
      <fieldset className="field settings-fieldset">
        <legend>Notify</legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor="rule-route_to_role">Role</label>
            <select
              {...field('route_to_role')}
              value={v.route_to_role}
              onChange={(e) => set('route_to_role', e.target.value as Role | '')}
            >
              <option value="">Any role</option>
              {ROLE_CODES.filter((r) => r !== 'admin').map((r) => (
                <option key={r} value={r}>
                  {ROLE_NAMES[r]}
                </option>
              ))}
            </select>
            <FieldError id="rule-route_to_role" message={errors.route_to_role} />
          </div>
          <div className="field">
            <label htmlFor="rule-route_to_bu_id">In business unit</label>
            <select
              {...field('route_to_bu_id')}
              value={v.route_to_bu_id}
              onChange={(e) => set('route_to_bu_id', e.target.value)}
            >
              <option value="">Any unit</option>
              {config.business_units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
            <FieldError id="rule-route_to_bu_id" message={errors.route_to_bu_id} />
          </div>
        </div>
      </fieldset>
      <div className="field field-toggle">
        <input
          id="rule-active"
          type="checkbox"
          className="toggle"
          checked={v.active}
          onChange={(e) => set('active', e.target.checked)}
        />
        <label htmlFor="rule-active">Active</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          Save rule
        </button>
        <button type="button" className="button-secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  )
}
