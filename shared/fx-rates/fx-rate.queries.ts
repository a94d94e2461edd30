import { defineQuery } from '../catalogue/define'
import { decodeCursor, encodeCursor } from '../core/cursor'
import { fail } from '../core/errors'
import { hasRole } from '../users/actor'
import { FX_MESSAGES } from './fx-rate.rules'
import { ListFxRatesInput } from './fx-rate.schema'

/** Reports §18: rate_date desc, currency, id; keyset paged. Maintainers and auditors (money reports) read it. */
export const listFxRates = defineQuery({
  name: 'fxRate.list',
  summary: 'Exchange rates by date, newest first.',
  input: ListFxRatesInput,
  async handler(ctx, input) {
    if (!hasRole(ctx.actor, 'risk_officer', 'admin', 'auditor')) fail.forbidden(FX_MESSAGES.forbiddenList)
    let q = ctx.db
      .selectFrom('fx_rate as r')
      .innerJoin('currency as c', 'c.code', 'r.currency_code')
      .leftJoin('users as u', 'u.id', 'r.updated_by_user_id')
      .select([
        'r.id',
        'r.currency_code',
        'c.name as currency_name',
        'r.rate_date',
        'r.rate',
        'r.source',
        'r.version',
        'r.updated_at',
        'u.full_name as updated_by_name',
      ])
      .where('r.tenant_id', '=', ctx.meta.tenantId)
    if (input.currency_code?.length) q = q.where('r.currency_code', 'in', input.currency_code)
    if (input.rate_date_from) q = q.where('r.rate_date', '>=', input.rate_date_from)
    if (input.rate_date_to) q = q.where('r.rate_date', '<=', input.rate_date_to)
    const after = decodeCursor(input.cursor)
    if (after) {
      const [date, code, id] = after as [string, string, string]
      q = q.where((eb) =>
        eb.or([
          eb('r.rate_date', '<', date),
          eb.and([eb('r.rate_date', '=', date), eb('r.currency_code', '>', code)]),
          eb.and([eb('r.rate_date', '=', date), eb('r.currency_code', '=', code), eb('r.id', '>', id)]),
        ]),
      )
    }
    const rows = await q
      .orderBy('r.rate_date', 'desc')
      .orderBy('r.currency_code')
      .orderBy('r.id')
      .limit(input.limit + 1)
      .execute()
    const items = rows.slice(0, input.limit).map((r) => ({ ...r, version: Number(r.version) }))
    const last = items[items.length - 1]
    return {
      items,
      next_cursor:
        rows.length > input.limit && last ? encodeCursor([last.rate_date, last.currency_code, last.id]) : null,
      reporting_currency: ctx.meta.reportingCurrency,
      can_edit: hasRole(ctx.actor, 'risk_officer', 'admin'),
    }
  },
})
