import { defineCommand } from '../catalogue/define'
import type { Db } from '../db/schema'
import { SLA_KEYS, type SlaKey } from './config.constants'
import { SlaInput } from './config.schema'
import { requireAdmin } from './config.store'

const DEFAULTS: Record<SlaKey, number> = { draft_days: 7, review_days: 5, validation_days: 10 }

export async function loadSla(db: Db): Promise<Record<SlaKey, number> & { updated_at: string | null }> {
  const rows = await db.selectFrom('sla_config').selectAll().execute()
  const days = { ...DEFAULTS }
  let updated: string | null = null
  for (const r of rows) {
    if ((SLA_KEYS as readonly string[]).includes(r.key)) days[r.key as SlaKey] = Number(r.value_days)
    if (updated === null || r.updated_at > updated) updated = r.updated_at
  }
  return { ...days, updated_at: updated }
}

/**
 * SLA durations in days (incidents §5.6, §13). Only SET and RESTART operations run after the change use them;
 * due dates already stored never move.
 */
export const setSla = defineCommand({
  name: 'incidentConfig.setSla',
  summary: 'Set the draft, review and validation SLA days.',
  input: SlaInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['sla_config'],
  async handler(ctx, input) {
    requireAdmin(ctx.actor)
    const before = await loadSla(ctx.db)
    const changed = SLA_KEYS.filter((k) => before[k] !== input[k])
    for (const key of changed) {
      const updated = await ctx.db
        .updateTable('sla_config')
        .set({ value_days: input[key], updated_at: ctx.now })
        .where('key', '=', key)
        .executeTakeFirst()
      if (Number(updated.numUpdatedRows) === 0)
        await ctx.db.insertInto('sla_config').values({ key, value_days: input[key], updated_at: ctx.now }).execute()
    }
    ctx.audit.record({
      entityType: 'incident_config',
      entityId: 'sla',
      changes: changed.map((field) => ({ field, before: before[field], after: input[field] })),
    })
    return { draft_days: input.draft_days, review_days: input.review_days, validation_days: input.validation_days }
  },
})
