import { sql } from 'kysely'
import { defineQuery } from '../catalogue/define'
import { GROUP_COLUMN, toGroups } from './metrics.groups'
import { CountsInput } from './metrics.schema'
import { metricsBase } from './metrics.sql'

export type CountRow = { group_key: string | null; group_label: string; count: number }

export const incidentCounts = defineQuery({
  name: 'incident.metrics.counts',
  summary: 'Visible incidents counted per status, severity, event type or business unit (incidents §11).',
  input: CountsInput,
  async handler(ctx, input): Promise<CountRow[]> {
    const col = sql.ref<string | null>(GROUP_COLUMN[input.group_by])
    const rows = await metricsBase(ctx, input.filters)
      .select([col.as('key'), (eb) => eb.fn.countAll<string | number>().as('n')])
      .groupBy(col)
      .execute()
    const groups = await toGroups(
      ctx.db,
      input.group_by,
      rows.map((r) => ({ key: r.key, values: { count: Number(r.n) } })),
    )
    return groups.map((g) => ({ group_key: g.group_key, group_label: g.group_label, count: g.values.count }))
  },
})
