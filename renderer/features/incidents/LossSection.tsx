import { useState } from 'react'
import { FIELD_LABELS } from '#shared/incidents/incident.constants'
import { Badge } from '#renderer/components/index'
import { formatMoney } from '#renderer/lib/money'
import { digitsOf, useReference } from '#renderer/stores/reference'
import type { IncidentDetail } from '#renderer/types'
import { Facts } from './Facts'
import { FormField, useField } from './FormField'
import { NetLossOverrideDialog } from './NetLossOverrideDialog'
import { RecoveriesTable } from './RecoveriesTable'

/** incidents §15 "Loss": gross and currency, net with its override, the recoveries; amounts in major units. */
export function LossSection({ incident: i }: { incident: IncidentDetail }) {
  const form = useReference((s) => s.form)
  const [gross, setGross] = useField('gross_loss_amount')
  const [currency, setCurrency] = useField('currency_code')
  const [overriding, setOverriding] = useState(false)
  const money = (minor: number | null, cur: string | null) =>
    minor === null || cur === null ? null : formatMoney(minor, cur, digitsOf(form, cur))
  const reporting = form?.reporting_currency ?? null
  const net = money(i.net_loss_amount, i.currency_code)
  const computed = money(i.net_loss_computed, i.currency_code) ?? '—'
  const mayOverride = i.editable_fields.includes('net_loss_override')

  return (
    <section className="panel" aria-labelledby="loss-title">
      <h2 id="loss-title">Loss</h2>
      <div className="edit-grid">
        <FormField
          name="gross_loss_amount"
          label={FIELD_LABELS.gross_loss_amount}
          hint={`Before any recovery, in ${currency || 'the currency'} (e.g. 1,234.56). Empty = not known yet.`}
          control={(p) => (
            <div className="money-input">
              <input
                {...p}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={gross}
                onChange={(e) => setGross(e.target.value)}
              />
              <span className="money-currency" aria-hidden="true">
                {currency}
              </span>
            </div>
          )}
        />
        <FormField
          name="currency_code"
          label={FIELD_LABELS.currency_code}
          control={(p) => (
            <select {...p} value={currency} onChange={(e) => setCurrency(e.target.value)}>
              <option value="">No currency</option>
              {form?.currencies.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code} – {c.name}
                </option>
              ))}
            </select>
          )}
        />
      </div>
      <Facts
        rows={[
          [
            'Net loss',
            net && (
              <span className="net-loss">
                <strong>{net}</strong>
                {i.net_loss_overridden && <Badge tone="warning">Overridden</Badge>}
              </span>
            ),
          ],
          // Only a foreign-currency loss has a second figure; it stays empty until a rate is on file (§4).
          ...(reporting && i.currency_code && i.currency_code !== reporting
            ? [[`Gross loss in ${reporting}`, money(i.gross_loss_reporting, reporting)] as const]
            : []),
        ]}
      />
      {i.net_loss_overridden && (
        <p className="override-note">
          Net loss overridden: computed value would be {computed}.
          {i.net_loss_override_reason && <> Reason: {i.net_loss_override_reason}</>}
        </p>
      )}
      {mayOverride && (
        <p>
          <button type="button" className="button-secondary" onClick={() => setOverriding(true)}>
            {i.net_loss_overridden ? 'Change net loss override' : 'Override net loss'}
          </button>
        </p>
      )}
      {overriding && <NetLossOverrideDialog incident={i} onClose={() => setOverriding(false)} />}
      <RecoveriesTable incident={i} />
    </section>
  )
}
