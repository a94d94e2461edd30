import { Badge } from '#renderer/components/index'
import { formatMoney } from '#renderer/lib/money'
import { digitsOf, useReference } from '#renderer/stores/reference'
import type { IncidentDetail } from '#renderer/types'
import { Facts } from './Facts'

/** Gross, recoveries and net in the incident's currency; the reporting-currency figure when it differs. */
export function LossSection({ incident: i }: { incident: IncidentDetail }) {
  const form = useReference((s) => s.form)
  const money = (minor: number | null, currency: string | null) =>
    minor === null || currency === null ? null : formatMoney(minor, currency, digitsOf(form, currency))
  const reporting = form?.reporting_currency ?? null
  const net = money(i.net_loss_amount, i.currency_code)

  return (
    <Facts
      title="Loss"
      rows={[
        ['Gross loss', money(i.gross_loss_amount, i.currency_code) ?? 'Not known yet'],
        ['Recoveries', i.recovery_total > 0 ? money(i.recovery_total, i.currency_code) : null],
        [
          'Net loss',
          net && (
            <>
              {net}
              {i.net_loss_overridden && (
                <>
                  {' '}
                  <Badge tone="warning">Overridden</Badge>
                  <span className="muted">
                    {' '}
                    computed value would be {money(i.net_loss_computed, i.currency_code) ?? '—'}
                    {i.net_loss_override_reason ? `; reason: ${i.net_loss_override_reason}` : ''}
                  </span>
                </>
              )}
            </>
          ),
        ],
        // Only a foreign-currency loss has a second figure; it stays empty until a rate is on file (§4).
        ...(reporting && i.currency_code && i.currency_code !== reporting
          ? [[`Gross loss in ${reporting}`, money(i.gross_loss_reporting, reporting)] as const]
          : []),
      ]}
    />
  )
}
