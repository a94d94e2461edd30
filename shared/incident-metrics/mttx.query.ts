import { sql } from 'kysely'
import { defineQuery } from '../catalogue/define'
import { meanHours } from './metrics.math'
import { GROUP_COLUMN, toGroups } from './metrics.groups'
import { MttxInput } from './metrics.schema'
import { metricsBase, msBetween } from './metrics.sql'

export type MttxRow = {
  group_key: string | null
  group_label: string
  mttd_hours: number | null
  mttd_n: number
  mttr_hours: number | null
  mttr_n: number
}

export const incidentMttx = defineQuery({
  name: 'incident.metrics.mttx',
  summary: 'Mean time to detect and to resolve, in hours, over visible incidents, optionally grouped (incidents §11).',
  input: MttxInput,
  async handler(ctx, input): Promise<MttxRow[]> {
    const detected = sql<boolean>`incident.occurred_at is not null and incident.discovered_at is not null`
    // MTTR counts CLOSED incidents only; close fills an empty resolved_at.
    const resolved = sql<boolean>`incident.status = 'CLOSED' and incident.resolved_at is not null and incident.discovered_at is not null`
    const sums = [
      sql<
        string | number | null
      >`sum(case when ${detected} then ${msBetween(ctx.db, 'discovered_at', 'occurred_at')} end)`.as('mttd_sum'),
      sql<string | number>`count(case when ${detected} then 1 end)`.as('mttd_n'),
      sql<
        string | number | null
      >`sum(case when ${resolved} then ${msBetween(ctx.db, 'resolved_at', 'discovered_at')} end)`.as('mttr_sum'),
      sql<string | number>`count(case when ${resolved} then 1 end)`.as('mttr_n'),
    ]
    const base = metricsBase(ctx, input.filters)
    if (input.group_by === 'none') {
      const r = await base.select(sums).executeTakeFirstOrThrow()
      return [{ group_key: null, group_label: 'All incidents', ...means(toNumbers(r)) }]
    }
    const col = sql.ref<string | null>(GROUP_COLUMN[input.group_by])
    const rows = await base
      .select([col.as('key'), ...sums])
      .groupBy(col)
      .execute()
    const groups = await toGroups(
      ctx.db,
      input.group_by,
      rows.map((r) => ({ key: r.key, values: toNumbers(r) })),
    )
    return groups.map((g) => ({ group_key: g.group_key, group_label: g.group_label, ...means(g.values) }))
  },
})

type Sums = { mttd_sum: number; mttd_n: number; mttr_sum: number; mttr_n: number }

// Sums stay integers up to 2^53 ms (285,000 years of summed durations): numbers are exact here.
function toNumbers(r: { mttd_sum: unknown; mttd_n: unknown; mttr_sum: unknown; mttr_n: unknown }): Sums {
  return {
    mttd_sum: Number(r.mttd_sum ?? 0),
    mttd_n: Number(r.mttd_n),
    mttr_sum: Number(r.mttr_sum ?? 0),
    mttr_n: Number(r.mttr_n),
  }
}

function means(s: Sums) {
  return {
    mttd_hours: meanHours(s.mttd_sum, s.mttd_n),
    mttd_n: s.mttd_n,
    mttr_hours: meanHours(s.mttr_sum, s.mttr_n),
    mttr_n: s.mttr_n,
  }
}
