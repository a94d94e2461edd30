import type { Selectable } from 'kysely'
import type { CommandCtx } from '../catalogue/context'
import { fail, type Issue } from '../core/errors'
import type { FxRateTable } from '../db/schema'
import { hasRole } from '../users/actor'
import { FX_MESSAGES } from './fx-rate.rules'

export type FxRateRow = Selectable<FxRateTable>

/** The stored fields an audit entry shows (Reports §3.5). */
export const AUDITED = ['currency_code', 'rate_date', 'rate', 'source'] as const

export function requireMaintainer(ctx: CommandCtx): void {
  if (!hasRole(ctx.actor, 'risk_officer', 'admin')) fail.forbidden(FX_MESSAGES.forbidden)
}

export async function loadRate(ctx: CommandCtx, id: string): Promise<FxRateRow> {
  const row = await ctx.db
    .selectFrom('fx_rate')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.meta.tenantId)
    .executeTakeFirst()
  return row ?? fail.notFound('Exchange rate')
}

export function expectVersion(row: FxRateRow, expected: number): void {
  if (row.version !== expected)
    fail.conflict({
      message: FX_MESSAGES.conflict,
      entity: 'Exchange rate',
      id: row.id,
      expectedVersion: expected,
      actualVersion: row.version,
    })
}

/** Value rules against stored data and the clock (step 8): currency, date, uniqueness. */
export async function createIssues(ctx: CommandCtx, v: { currency_code: string; rate_date: string }): Promise<Issue[]> {
  const issues: Issue[] = []
  const currency = await ctx.db
    .selectFrom('currency')
    .select('is_active')
    .where('code', '=', v.currency_code)
    .executeTakeFirst()
  if (!currency || currency.is_active !== 1) issues.push({ path: ['currency_code'], message: FX_MESSAGES.currency })
  else if (v.currency_code === ctx.meta.reportingCurrency)
    issues.push({ path: ['currency_code'], message: FX_MESSAGES.reporting })
  if (v.rate_date > ctx.now.slice(0, 10)) issues.push({ path: ['rate_date'], message: FX_MESSAGES.future })
  if (issues.length === 0) {
    const dup = await ctx.db
      .selectFrom('fx_rate')
      .select('id')
      .where('tenant_id', '=', ctx.meta.tenantId)
      .where('currency_code', '=', v.currency_code)
      .where('rate_date', '=', v.rate_date)
      .executeTakeFirst()
    if (dup) issues.push({ path: ['rate_date'], message: FX_MESSAGES.duplicate(v.currency_code, v.rate_date) })
  }
  return issues
}
