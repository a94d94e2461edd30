import { sql } from 'kysely'
import { defineQuery } from '../catalogue/define'
import { decodeCursor, encodeCursor } from '../core/cursor'
import { riskVisible } from '../risks/risk.visibility'
import { formatE4 } from './kri.decimal.rules'
import type { ValueStatus } from './kri.status.rules'
import { setView } from './kri.get'
import { BreachesInput } from './kri.schema'
import { kriVisible } from './kri.visibility'

/**
 * kris.md §9.1 `kri.breaches`: current AMBER and RED versions of visible KRIs (active or not), filtered, sorted
 * by period end (newest first), then KRI name, then the value id; keyset paged with a total.
 */
export const listBreaches = defineQuery({
  name: 'kri.breaches',
  summary: 'Current Amber and Red values of visible KRIs, newest period end first.',
  input: BreachesInput,
  async handler(ctx, input) {
    let q = ctx.db
      .selectFrom('kri_value as v')
      .innerJoin('kri', 'kri.id', 'v.kri_id')
      .where('kri.tenant_id', '=', ctx.meta.tenantId)
      .where(kriVisible(ctx.actor))
      .where('v.is_current', '=', 1)
      .where('v.status', 'in', input.status ?? ['AMBER', 'RED'])
    if (input.period_from) q = q.where('v.period_end', '>=', input.period_from)
    if (input.period_to) q = q.where('v.period_end', '<=', input.period_to)
    if (input.business_unit_id) q = q.where('kri.business_unit_id', 'in', input.business_unit_id)
    if (input.owner_id) q = q.where('kri.owner_id', '=', input.owner_id === 'me' ? ctx.actor.id : input.owner_id)
    if (input.kri_id) q = q.where('kri.id', '=', input.kri_id)
    if (input.risk_id) {
      const riskId = input.risk_id
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('kri_risk')
            .innerJoin('risk', 'risk.id', 'kri_risk.risk_id')
            .select('kri_risk.kri_id')
            .whereRef('kri_risk.kri_id', '=', 'kri.id')
            .where('kri_risk.risk_id', '=', riskId)
            .where(riskVisible(ctx.actor)),
        ),
      )
    }
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

    const after = decodeCursor(input.cursor)
    if (after) {
      const [end, name, id] = after.map(String) as [string, string, string]
      q = q.where((eb) =>
        eb.or([
          eb('v.period_end', '<', end),
          eb.and([
            eb('v.period_end', '=', end),
            eb.or([eb('kri.name', '>', name), eb.and([eb('kri.name', '=', name), eb('v.id', '>', id)])]),
          ]),
        ]),
      )
    }
    const rows = await q
      .innerJoin('kri_threshold_set as ts', 'ts.id', 'v.threshold_set_id')
      .innerJoin('users as rec', 'rec.id', 'v.recorded_by')
      .leftJoin('measure as m', 'm.id', 'v.breach_measure_id')
      .selectAll('ts')
      .select([
        'v.id as value_id',
        'v.period_start',
        'v.period_end',
        'v.value_e4',
        'v.status as value_status',
        'v.version_no',
        'v.origin',
        'v.recorded_by',
        'rec.full_name as recorded_by_name',
        'v.recorded_at',
        'kri.id as kri_id',
        'kri.ref as kri_ref',
        'kri.name as kri_name',
        'kri.unit',
        'kri.is_active',
        'kri.business_unit_id',
        'kri.owner_id',
        'm.id as measure_id',
        'm.ref as measure_ref',
        'm.status as measure_status',
      ])
      .orderBy('v.period_end', 'desc')
      .orderBy('kri.name')
      .orderBy(sql`v.id`)
      .limit(input.limit + 1)
      .execute()
    const page = rows.slice(0, input.limit)
    const items = page.map((r) => ({
      id: r.value_id,
      kri: { id: r.kri_id, ref: r.kri_ref, name: r.kri_name, unit: r.unit, is_active: r.is_active === 1 },
      business_unit_id: r.business_unit_id,
      owner_id: r.owner_id,
      period_start: r.period_start,
      period_end: r.period_end,
      value: formatE4(r.value_e4),
      unit: r.unit,
      status: r.value_status as ValueStatus,
      thresholds: setView(r),
      version_no: r.version_no,
      corrected: r.version_no > 1,
      origin: r.origin,
      recorded_by: { id: r.recorded_by, full_name: r.recorded_by_name },
      recorded_at: r.recorded_at,
      breach_measure: r.measure_id ? { id: r.measure_id, ref: r.measure_ref, status: r.measure_status } : null,
    }))
    const last = items[items.length - 1]
    return {
      items,
      next_cursor: rows.length > input.limit && last ? encodeCursor([last.period_end, last.kri.name, last.id]) : null,
      total,
    }
  },
})
