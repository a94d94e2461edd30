import { defineCommand } from '../catalogue/define'
import { fail } from '../core/errors'
import { CreateFxRateInput, DeleteFxRateInput, UpdateFxRateInput } from './fx-rate.schema'
import { AUDITED, createIssues, expectVersion, loadRate, requireMaintainer, type FxRateRow } from './fx-rate.store'

const toOutput = (r: Pick<FxRateRow, 'id' | 'currency_code' | 'rate_date' | 'rate' | 'source' | 'version'>) => ({
  id: r.id,
  currency_code: r.currency_code,
  rate_date: r.rate_date,
  rate: r.rate,
  source: r.source,
  version: r.version,
})

/** Reports §3.5: 1 unit of currency_code = rate units of the reporting currency, from rate_date on. */
export const createFxRate = defineCommand({
  name: 'fxRate.create',
  summary: 'Record an exchange rate of a currency to the reporting currency.',
  input: CreateFxRateInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['fx_rate'],
  creates: { prefix: null },
  async handler(ctx, input) {
    requireMaintainer(ctx)
    const issues = await createIssues(ctx, input)
    if (issues.length > 0) fail.validation(issues)
    const row = {
      id: ctx.minted.id,
      tenant_id: ctx.meta.tenantId,
      currency_code: input.currency_code,
      rate_date: input.rate_date,
      rate: input.rate,
      source: input.source ?? null,
      created_by_user_id: ctx.actor.id,
      updated_by_user_id: ctx.actor.id,
      created_at: ctx.now,
      updated_at: ctx.now,
    }
    // Rates are tenant-wide reference data (sync.md §8.2: scope `t`).
    await ctx.db
      .insertInto('fx_rate')
      .values({ ...row, scope_keys: JSON.stringify(['t']) })
      .execute()
    ctx.audit.record({
      entityType: 'fx_rate',
      entityId: row.id,
      changes: AUDITED.map((field) => ({ field, before: null, after: row[field] })),
    })
    return toOutput({ ...row, version: 1 })
  },
})

export const updateFxRate = defineCommand({
  name: 'fxRate.update',
  summary: 'Correct the rate or source of an exchange rate.',
  input: UpdateFxRateInput,
  sync: 'push',
  concurrency: 'version',
  touches: ['fx_rate'],
  async handler(ctx, input) {
    const before = await loadRate(ctx, input.id)
    requireMaintainer(ctx)
    ctx.touch('fx_rate', before.id, before.version)
    expectVersion(before, input.expected_version)
    const after = {
      rate: input.rate ?? before.rate,
      source: input.source === undefined ? before.source : input.source,
    }
    const version = before.version + 1
    await ctx.db
      .updateTable('fx_rate')
      .set({ ...after, version, updated_at: ctx.now, updated_by_user_id: ctx.actor.id })
      .where('id', '=', before.id)
      .execute()
    ctx.audit.record({
      entityType: 'fx_rate',
      entityId: before.id,
      changes: (['rate', 'source'] as const)
        .filter((f) => before[f] !== after[f])
        .map((field) => ({ field, before: before[field], after: after[field] })),
    })
    return toOutput({ ...before, ...after, version })
  },
})

export const deleteFxRate = defineCommand({
  name: 'fxRate.delete',
  summary: 'Delete an exchange rate (saved report runs keep the rates they used).',
  input: DeleteFxRateInput,
  sync: 'push',
  concurrency: 'version',
  touches: ['fx_rate'],
  async handler(ctx, input) {
    const before = await loadRate(ctx, input.id)
    requireMaintainer(ctx)
    ctx.touch('fx_rate', before.id, before.version)
    expectVersion(before, input.expected_version)
    await ctx.db.deleteFrom('fx_rate').where('id', '=', before.id).execute()
    // The entry keeps the values, so the history shows what the deleted rate was.
    ctx.audit.record({
      entityType: 'fx_rate',
      entityId: before.id,
      changes: AUDITED.map((field) => ({ field, before: before[field], after: null })),
    })
    return { id: before.id, deleted: true }
  },
})
