import { defineQuery } from '../catalogue/define'
import { formatE4 } from './kri.decimal.rules'
import { setView } from './kri.get'
import { addDays } from './kri.period.rules'
import { liveSetsOf, NOT_OVERDUE_SQL, STATUS_RANK_SQL, visibleKris, withListColumns, listItem } from './kri.list'
import { DashboardInput } from './kri.schema'
import { KRI_STATUSES, type KriStatus, type ValueStatus } from './kri.status.rules'
import { setInForce, todayOf } from './kri.store'
import { kriVisible } from './kri.visibility'

export const DASHBOARD_WORST = 20
export const SPARKLINE_POINTS = 12
export const BREACH_WINDOW_DAYS = 90

/**
 * kris.md §9.3 `kri.dashboard`: over visible active KRIs (optionally some BUs), the status counts, the overdue
 * count, the Amber/Red current values whose period ended within the last 90 days (or ends later), and the first
 * 20 KRIs worst first with a sparkline of their last 12 recorded periods.
 */
export const kriDashboard = defineQuery({
  name: 'kri.dashboard',
  summary: 'KRI status counts, overdue count, recent breaches and the worst KRIs first.',
  input: DashboardInput,
  async handler(ctx, input) {
    const today = todayOf(ctx.now)
    let q = visibleKris(ctx).where('kri.is_active', '=', 1)
    if (input.business_unit_ids) q = q.where('kri.business_unit_id', 'in', input.business_unit_ids)

    const byStatus = await q
      .select(['kri.current_status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kri.current_status')
      .execute()
    const counts = Object.fromEntries(KRI_STATUSES.map((s) => [s, 0])) as Record<KriStatus, number>
    for (const r of byStatus) counts[r.current_status as KriStatus] = Number(r.n)
    const overdue = await q
      .where('kri.overdue_period_start', 'is not', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()

    let b = ctx.db
      .selectFrom('kri_value as v')
      .innerJoin('kri', 'kri.id', 'v.kri_id')
      .where('kri.tenant_id', '=', ctx.meta.tenantId)
      .where(kriVisible(ctx.actor))
      .where('kri.is_active', '=', 1)
      .where('v.is_current', '=', 1)
      .where('v.status', 'in', ['AMBER', 'RED'])
      .where('v.period_end', '>=', addDays(today, -BREACH_WINDOW_DAYS))
    if (input.business_unit_ids) b = b.where('kri.business_unit_id', 'in', input.business_unit_ids)
    const breaches = await b
      .select(['v.status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('v.status')
      .execute()
    const recent = { AMBER: 0, RED: 0 }
    for (const r of breaches) recent[r.status as 'AMBER' | 'RED'] = Number(r.n)

    const rows = await withListColumns(q)
      .orderBy(STATUS_RANK_SQL)
      .orderBy(NOT_OVERDUE_SQL)
      .orderBy('kri.name')
      .orderBy('kri.id')
      .limit(DASHBOARD_WORST)
      .execute()
    const ids = rows.map((r) => r.id)
    const sets = await liveSetsOf(ctx.db, ids)
    const worst = []
    for (const r of rows) {
      const points = await ctx.db
        .selectFrom('kri_value')
        .select(['period_start', 'period_end', 'value_e4', 'status'])
        .where('kri_id', '=', r.id)
        .where('is_current', '=', 1)
        .orderBy('period_start', 'desc')
        .limit(SPARKLINE_POINTS)
        .execute()
      const live = sets.get(r.id)
      worst.push({
        ...listItem(r, live, today),
        thresholds: live && live.length > 0 ? setView(setInForce(live, today)) : null,
        sparkline: points.reverse().map((p) => ({
          period_start: p.period_start,
          period_end: p.period_end,
          value: formatE4(p.value_e4),
          status: p.status as ValueStatus,
        })),
      })
    }
    return { counts, overdue_count: Number(overdue.n), breaches_last_90_days: recent, worst }
  },
})
