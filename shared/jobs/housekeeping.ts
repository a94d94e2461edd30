import { z } from 'zod'
import { defineSystemCommand } from '../catalogue/define'

const DAY_MS = 86_400_000
const before = (now: string, days: number) => new Date(Date.parse(now) - days * DAY_MS).toISOString()

/** Desktop housekeeping at start and daily (spec README §2.10): error log 180 d, confirmed outbox 30 d. */
export const housekeeping = defineSystemCommand({
  name: 'housekeeping.prune',
  summary: 'Delete diagnostic rows past their retention.',
  input: z.strictObject({}),
  touches: ['error_log', 'sync_outbox'],
  intervalMinutes: 24 * 60,
  async handler(ctx) {
    const errors = await ctx.db.deleteFrom('error_log').where('at', '<', before(ctx.now, 180)).executeTakeFirst()
    const outbox = await ctx.db
      .deleteFrom('sync_outbox')
      .where('state', '=', 'confirmed')
      .where('created_at', '<', before(ctx.now, 30))
      .executeTakeFirst()
    const removed = { error_log: Number(errors.numDeletedRows), sync_outbox: Number(outbox.numDeletedRows) }
    if (removed.error_log + removed.sync_outbox > 0)
      ctx.audit.record({
        entityType: 'database',
        entityId: ctx.meta.databaseId,
        changes: [
          { field: 'error_log_rows_removed', before: null, after: removed.error_log },
          { field: 'sync_outbox_rows_removed', before: null, after: removed.sync_outbox },
        ],
      })
    return removed
  },
})
