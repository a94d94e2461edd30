import { z } from 'zod'
import type { QueryCtx } from '../catalogue/context'
import { defineQuery } from '../catalogue/define'
import { publishedMatrix } from '../risk-matrix/matrix.bands'
import { gridOf } from '../risk-matrix/matrix.rules'
import { CalendarDate } from './risk.schema'
import { activeOn, Basis, HeatFilters, type Filters } from './risk.snapshots'
import { riskVisible } from './risk.visibility'

export const HeatMapInput = z.strictObject({ basis: Basis, ...HeatFilters, as_of: CalendarDate.optional() })

type CellCount = { likelihood: number | null; impact: number | null; matrix_version_id: string; n: number | string }

/** Visible ACTIVE risks of today per (likelihood, impact, pinned version) of the basis, after the filters. */
async function liveCounts(ctx: QueryCtx, basis: z.infer<typeof Basis>, filters: Filters): Promise<CellCount[]> {
  const l = basis === 'INHERENT' ? 'risk.inherent_likelihood' : 'risk.residual_likelihood'
  const i = basis === 'INHERENT' ? 'risk.inherent_impact' : 'risk.residual_impact'
  let q = ctx.db
    .selectFrom('risk')
    .where('risk.tenant_id', '=', ctx.meta.tenantId)
    .where('risk.status', '=', 'ACTIVE')
    .where(riskVisible(ctx.actor))
  if (filters.business_unit_ids?.length) q = q.where('risk.business_unit_id', 'in', filters.business_unit_ids)
  if (filters.risk_category_ids?.length) q = q.where('risk.risk_category_id', 'in', filters.risk_category_ids)
  return q
    .select((eb) => [
      eb.ref(l).as('likelihood'),
      eb.ref(i).as('impact'),
      'risk.matrix_version_id',
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy([l, i, 'risk.matrix_version_id'])
    .execute()
}

/** The §10 snapshot state on D, counted the same way. */
async function asOfCounts(ctx: QueryCtx, basis: z.infer<typeof Basis>, date: string, filters: Filters) {
  const l = basis === 'INHERENT' ? 'risk.inherent_likelihood' : 'risk.residual_likelihood'
  const i = basis === 'INHERENT' ? 'risk.inherent_impact' : 'risk.residual_impact'
  return activeOn(ctx, date, filters)
    .select((eb) => [
      eb.ref(l).as('likelihood'),
      eb.ref(i).as('impact'),
      'risk.matrix_version_id',
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy([l, i, 'risk.matrix_version_id'])
    .execute() as Promise<CellCount[]>
}

/**
 * risks.md §11 `risk.heatMap`: 25 cells (likelihood 5 → 1, impact 1 → 5) with labels and colours of the
 * published matrix version and the count of ACTIVE risks per cell of the chosen basis — today's visible risks,
 * or with `as_of` the register as it stood on that date (§10). `earlier_matrix_count` counts the risks (or
 * snapshots) pinned to another version.
 */
export const riskHeatMap = defineQuery({
  name: 'risk.heatMap',
  summary: 'The 5×5 heat map of active risks, today or as of a date.',
  input: HeatMapInput,
  async handler(ctx, input) {
    const matrix = await publishedMatrix(ctx.db)
    const rows = input.as_of
      ? await asOfCounts(ctx, input.basis, input.as_of, input)
      : await liveCounts(ctx, input.basis, input)
    const count = new Map<string, number>()
    let total = 0
    let earlier = 0
    for (const r of rows) {
      const n = Number(r.n)
      const key = `${Number(r.likelihood)}:${Number(r.impact)}`
      count.set(key, (count.get(key) ?? 0) + n)
      total += n
      if (r.matrix_version_id !== matrix.id) earlier += n
    }
    return {
      basis: input.basis,
      as_of: input.as_of ?? null,
      matrix_version_id: matrix.id,
      matrix_version: matrix.version,
      likelihood_levels: matrix.likelihood_levels,
      impact_levels: matrix.impact_levels,
      cells: gridOf(matrix.bands).map((c) => ({
        likelihood: c.likelihood,
        impact: c.impact,
        score: c.score,
        band: c.band?.code ?? null,
        band_label: c.band?.label ?? null,
        colour: c.band?.colour ?? null,
        text_colour: c.band?.text_colour ?? null,
        count: count.get(`${c.likelihood}:${c.impact}`) ?? 0,
      })),
      total,
      earlier_matrix_count: earlier,
    }
  },
})
