import type { DbMeta } from '../catalogue/context'
import type { Db } from '../db/schema'
import { toReportingMinor } from '../fx-rates/convert'
import { severityOf } from './incident.rules'
import type { Severity } from './incident.constants'

async function digitsOf(db: Db, code: string): Promise<number> {
  const row = await db.selectFrom('currency').select('minor_unit_digits').where('code', '=', code).executeTakeFirst()
  return row?.minor_unit_digits ?? 2
}

/**
 * gross_loss_reporting and severity (incidents §4): the gross itself in the reporting currency, otherwise
 * converted at the latest rate dated on or before the discovery date (creation date when undiscovered).
 */
export async function reportingFigures(
  db: Db,
  meta: Pick<DbMeta, 'reportingCurrency' | 'tenantId'>,
  r: {
    gross_loss_amount: number | null
    currency_code: string | null
    discovered_at: string | null
    created_at: string
  },
): Promise<{ gross_loss_reporting: number | null; severity: Severity }> {
  const reportingDigits = await digitsOf(db, meta.reportingCurrency)
  let reporting: number | null = null
  if (r.gross_loss_amount !== null && r.currency_code === meta.reportingCurrency) reporting = r.gross_loss_amount
  else if (r.gross_loss_amount !== null && r.currency_code) {
    const onDate = (r.discovered_at ?? r.created_at).slice(0, 10)
    const rate = await db
      .selectFrom('fx_rate')
      .select('rate')
      .where('tenant_id', '=', meta.tenantId)
      .where('currency_code', '=', r.currency_code)
      .where('rate_date', '<=', onDate)
      .orderBy('rate_date', 'desc')
      .executeTakeFirst()
    if (rate)
      reporting = toReportingMinor(r.gross_loss_amount, await digitsOf(db, r.currency_code), reportingDigits, rate.rate)
  }
  return { gross_loss_reporting: reporting, severity: severityOf(reporting, reportingDigits) }
}

/** Amounts inside messages: `<CUR> <major units>`, e.g. `EUR 30.00` or `EUR 1,000,000.00` (incidents §16). */
export async function moneyText(db: Db, amount: number, currency: string): Promise<string> {
  const digits = await digitsOf(db, currency)
  const abs = String(Math.abs(amount)).padStart(digits + 1, '0')
  const whole = (digits === 0 ? abs : abs.slice(0, -digits)).replace(/\B(?=(\d{3})+$)/g, ',')
  const fraction = digits === 0 ? '' : `.${abs.slice(-digits)}`
  return `${currency} ${amount < 0 ? '-' : ''}${whole}${fraction}`
}
