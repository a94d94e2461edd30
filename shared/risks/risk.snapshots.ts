import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import { z } from 'zod'
import type { Actor, QueryCtx } from '../catalogue/context'
import { defineQuery } from '../catalogue/define'
import { decodeCursor, encodeCursor } from '../core/cursor'
import { fail } from '../core/errors'
import { Id } from '../core/primitives'
import type { Db } from '../db/schema'
import { allMatrices, bandStyle } from '../risk-matrix/matrix.bands'
import { CalendarDate } from './risk.schema'
import { riskVisible } from './risk.visibility'

// risks.md §10: the state of the register on a date D is, for each risk, its latest snapshot taken on or
// before D 23:59:59.999Z; the risk counts as active on D when that snapshot is ACTIVE. Visibility and
// filters apply to the snapshot's business unit, owner and category, and the risk must not be deleted. A
// risk retired on or before D does not count even when it was retired from ASSESSED (no retirement snapshot).

export const Basis = z.enum(['INHERENT', 'RESIDUAL'])
export type Basis = z.infer<typeof Basis>
const RefIds = z.array(z.string().min(1).max(100)).max(100)
/** The heat-map filter bar (§11), shared by the heat map, the portfolio trend and the as-of snapshot list. */
export const HeatFilters = { business_unit_ids: RefIds.optional(), risk_category_ids: RefIds.optional() }
export type Filters = { business_unit_ids?: string[] | undefined; risk_category_ids?: string[] | undefined }

/** The end of day D, inclusive (§10). */
export const endOfDay = (date: string) => `${date}T23:59:59.999Z`

const COLUMNS = [
  's.id',
  's.risk_id',
  's.taken_at',
  's.trigger',
  's.risk_version',
  's.status',
  's.title',
  's.risk_category_id',
  's.basel_event_type_id',
  's.business_unit_id',
  's.owner_id',
  's.matrix_version_id',
  's.inherent_likelihood',
  's.inherent_impact',
  's.inherent_score',
  's.inherent_band',
  's.residual_likelihood',
  's.residual_impact',
  's.residual_score',
  's.residual_band',
  's.control_ids',
  's.control_count',
  's.avg_control_design_effectiveness',
  's.open_measure_count',
  's.incident_count',
  's.worst_kri_status',
  's.actor_id',
  'r.ref',
  'r.deleted_at',
  'r.retired_at',
] as const

/**
 * Each risk's latest snapshot on or before D, as a derived table aliased `risk` whose business_unit_id,
 * owner_id and deleted_at are the snapshot's (and the risk's deletion), so `riskVisible` applies to it as the
 * risk stood on D. Latest = greatest (taken_at, risk_version).
 */
function latestOn(db: Db, tenantId: string, date: string) {
  const end = endOfDay(date)
  return db
    .selectFrom('risk_snapshot as s')
    .innerJoin('risk as r', 'r.id', 's.risk_id')
    .where('s.tenant_id', '=', tenantId)
    .where('s.taken_at', '<=', end)
    .where((outer) =>
      outer.not(
        outer.exists(
          outer
            .selectFrom('risk_snapshot as later')
            .select('later.id')
            .whereRef('later.risk_id', '=', 's.risk_id')
            .where('later.taken_at', '<=', end)
            .where((eb) =>
              eb.or([
                eb('later.taken_at', '>', eb.ref('s.taken_at')),
                eb.and([
                  eb('later.taken_at', '=', eb.ref('s.taken_at')),
                  eb('later.risk_version', '>', eb.ref('s.risk_version')),
                ]),
              ]),
            ),
        ),
      ),
    )
    .select(COLUMNS)
}

type SnapshotEb = ExpressionBuilder<any, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- derived table
const visibleAsRisk = (actor: Actor) => riskVisible(actor) as unknown as (eb: SnapshotEb) => Expression<SqlBool>

/** The snapshots counted on D (status ACTIVE) that the caller sees, after the heat-map filters. */
export function activeOn(ctx: Pick<QueryCtx, 'db' | 'actor' | 'meta'>, date: string, filters: Filters) {
  let q = ctx.db
    .selectFrom(latestOn(ctx.db, ctx.meta.tenantId, date).as('risk'))
    .where('risk.status', '=', 'ACTIVE')
    // A risk retired while reassessed has no retirement snapshot: its retirement still ends it.
    .where((eb) => eb.or([eb('risk.retired_at', 'is', null), eb('risk.retired_at', '>', endOfDay(date))]))
    .where(visibleAsRisk(ctx.actor))
  if (filters.business_unit_ids?.length) q = q.where('risk.business_unit_id', 'in', filters.business_unit_ids)
  if (filters.risk_category_ids?.length) q = q.where('risk.risk_category_id', 'in', filters.risk_category_ids)
  return q
}

type SnapshotRow = {
  id: string
  risk_id: string
  ref: string
  taken_at: string
  trigger: string
  risk_version: number
  status: string
  title: string
  risk_category_id: string
  basel_event_type_id: string | null
  business_unit_id: string
  owner_id: string
  matrix_version_id: string
  inherent_likelihood: number | null
  inherent_impact: number | null
  inherent_score: number | null
  inherent_band: string | null
  residual_likelihood: number | null
  residual_impact: number | null
  residual_score: number | null
  residual_band: string | null
  control_ids: string
  control_count: number
  avg_control_design_effectiveness: string | null
  open_measure_count: number
  incident_count: number
  worst_kri_status: string | null
  actor_id: string
}

const num = (v: number | null) => (v === null ? null : Number(v))

/** A snapshot as the queries answer it: numbers as numbers, bands with the labels of its own matrix version. */
export async function snapshotViews(db: Db, rows: readonly SnapshotRow[]) {
  const matrices = await allMatrices(db)
  const actorIds = [...new Set(rows.map((r) => r.actor_id))]
  const actors = actorIds.length
    ? await db.selectFrom('users').select(['id', 'full_name', 'email']).where('id', 'in', actorIds).execute()
    : []
  return rows.map((r) => {
    const m = matrices.get(r.matrix_version_id)
    const inherent = bandStyle(m, r.inherent_band)
    const residual = bandStyle(m, r.residual_band)
    const actor = actors.find((a) => a.id === r.actor_id)
    return {
      id: r.id,
      risk_id: r.risk_id,
      risk_ref: r.ref,
      taken_at: r.taken_at,
      trigger: r.trigger,
      risk_version: Number(r.risk_version),
      status: r.status,
      title: r.title,
      risk_category_id: r.risk_category_id,
      basel_event_type_id: r.basel_event_type_id,
      business_unit_id: r.business_unit_id,
      owner_id: r.owner_id,
      matrix_version_id: r.matrix_version_id,
      matrix_version: m?.version ?? null,
      inherent_likelihood: num(r.inherent_likelihood),
      inherent_impact: num(r.inherent_impact),
      inherent_score: num(r.inherent_score),
      inherent_band: r.inherent_band,
      inherent_band_label: inherent.label,
      inherent_colour: inherent.colour,
      inherent_text_colour: inherent.text_colour,
      residual_likelihood: num(r.residual_likelihood),
      residual_impact: num(r.residual_impact),
      residual_score: num(r.residual_score),
      residual_band: r.residual_band,
      residual_band_label: residual.label,
      residual_colour: residual.colour,
      residual_text_colour: residual.text_colour,
      control_ids: JSON.parse(r.control_ids) as string[],
      control_count: Number(r.control_count),
      avg_control_design_effectiveness: r.avg_control_design_effectiveness,
      open_measure_count: Number(r.open_measure_count),
      incident_count: Number(r.incident_count),
      worst_kri_status: r.worst_kri_status,
      actor: { id: r.actor_id, full_name: actor?.full_name ?? null, email: actor?.email ?? null },
    }
  })
}

/** A visible risk of the caller's tenant, or NOT_FOUND "Risk not found." */
export async function visibleRiskOrNull(ctx: Pick<QueryCtx, 'db' | 'actor' | 'meta'>, riskId: string) {
  return ctx.db
    .selectFrom('risk')
    .select(['risk.id', 'risk.ref'])
    .where('risk.tenant_id', '=', ctx.meta.tenantId)
    .where('risk.id', '=', riskId)
    .where(riskVisible(ctx.actor))
    .executeTakeFirst()
}

const Level = z.number().int().min(1).max(5)
export const SnapshotsInput = z
  .strictObject({
    risk_id: Id.optional(),
    as_of: CalendarDate.optional(),
    basis: Basis.optional(),
    ...HeatFilters,
    likelihood: Level.optional(),
    impact: Level.optional(),
    limit: z.number().int().min(1).max(100).default(50),
    cursor: z.string().max(500).optional(),
  })
  .check((ctx) => {
    const v = ctx.value
    if ((v.risk_id === undefined) === (v.as_of === undefined))
      ctx.issues.push({ code: 'custom', message: 'Give either risk_id or as_of.', path: ['as_of'], input: v })
    if ((v.likelihood === undefined) !== (v.impact === undefined) || (v.likelihood !== undefined && !v.basis))
      ctx.issues.push({
        code: 'custom',
        message: 'A cell needs basis, likelihood and impact.',
        path: ['likelihood'],
        input: v,
      })
  })

/**
 * risks.md §16 `risk.snapshots`: one risk's snapshots, or (with `as_of`) the snapshots counted on that date
 * after the heat-map filters and optionally one cell, which is what an as-of heat-map cell click lists (§11).
 * Newest first (`taken_at desc`, then id), keyset paged.
 */
export const listSnapshots = defineQuery({
  name: 'risk.snapshots',
  summary: "A risk's snapshots, or the snapshots counted in an as-of heat map (cell).",
  input: SnapshotsInput,
  async handler(ctx, input) {
    let q
    if (input.risk_id) {
      const risk = await visibleRiskOrNull(ctx, input.risk_id)
      if (!risk) return fail.notFound('Risk')
      q = ctx.db.selectFrom(allSnapshots(ctx.db, ctx.meta.tenantId).as('risk')).where('risk.risk_id', '=', risk.id)
    } else {
      q = activeOn(ctx, input.as_of!, input)
      if (input.likelihood !== undefined && input.impact !== undefined) {
        const basis = input.basis === 'INHERENT' ? 'inherent' : 'residual'
        q = q.where(`risk.${basis}_likelihood`, '=', input.likelihood).where(`risk.${basis}_impact`, '=', input.impact)
      }
    }
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    const after = decodeCursor(input.cursor)
    if (after) {
      const [t, id] = [String(after[0]), String(after[1])]
      q = q.where((eb) =>
        eb.or([eb('risk.taken_at', '<', t), eb.and([eb('risk.taken_at', '=', t), eb('risk.id', '<', id)])]),
      )
    }
    const rows = (await q
      .selectAll('risk')
      .orderBy('risk.taken_at', 'desc')
      .orderBy('risk.id', 'desc')
      .limit(input.limit + 1)
      .execute()) as unknown as SnapshotRow[]
    const page = rows.slice(0, input.limit)
    const last = page[page.length - 1]
    return {
      items: await snapshotViews(ctx.db, page),
      next_cursor: rows.length > input.limit && last ? encodeCursor([last.taken_at, last.id]) : null,
      total,
    }
  },
})

/** Every snapshot of the tenant with its risk's ref, in the same shape as `latestOn`. */
function allSnapshots(db: Db, tenantId: string) {
  return db
    .selectFrom('risk_snapshot as s')
    .innerJoin('risk as r', 'r.id', 's.risk_id')
    .where('s.tenant_id', '=', tenantId)
    .select(COLUMNS)
}
