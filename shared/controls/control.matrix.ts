import { z } from 'zod'
import { defineQuery } from '../catalogue/define'
import { Id } from '../core/primitives'
import type { Db } from '../db/schema'
import { riskVisible } from '../risks/risk.visibility'
import type { Actor } from '../catalogue/context'
import { CONTROL_NATURES, CONTROL_TYPES } from './control.constants'
import { evidenceFacts } from './control.effects'
import { controlVisible } from './control.visibility'
import { averageEffectiveness } from '../risks/risk.rules'
import { controlEvidenceStatusOn } from './evidence.rules'

const RISK_STATUSES = ['DRAFT', 'ASSESSED', 'ACTIVE', 'RETIRED'] as const

/** Visible risks matching the filters, by ref. */
async function visibleRisks(
  db: Db,
  actor: Actor,
  tenantId: string,
  f: { business_unit_ids?: string[] | undefined; risk_category_ids?: string[] | undefined; risk_statuses: string[] },
) {
  let q = db
    .selectFrom('risk')
    .innerJoin('business_unit as bu', 'bu.id', 'risk.business_unit_id')
    .select([
      'risk.id',
      'risk.ref',
      'risk.title',
      'risk.status',
      'risk.business_unit_id',
      'bu.name as business_unit_name',
      'risk.risk_category_id',
    ])
    .where('risk.tenant_id', '=', tenantId)
    .where(riskVisible(actor))
    .where('risk.status', 'in', f.risk_statuses)
  if (f.business_unit_ids?.length) q = q.where('risk.business_unit_id', 'in', f.business_unit_ids)
  if (f.risk_category_ids?.length) q = q.where('risk.risk_category_id', 'in', f.risk_category_ids)
  return q.orderBy('risk.ref').orderBy('risk.id').execute()
}

/** Every link of the given risks with its control's facts. */
async function linksOf(db: Db, riskIds: readonly string[]) {
  if (riskIds.length === 0) return []
  return db
    .selectFrom('risk_control')
    .innerJoin('control', 'control.id', 'risk_control.control_id')
    .select(['risk_control.risk_id', 'risk_control.control_id', 'risk_control.notes', 'control.is_active'])
    .where('risk_control.risk_id', 'in', riskIds)
    .execute()
}

/** Codes first (nulls last), then title, then id. */
function byCodeTitle(a: { code: string | null; title: string; id: string }, b: typeof a) {
  if (a.code !== b.code) {
    if (a.code === null) return 1
    if (b.code === null) return -1
    return a.code < b.code ? -1 : 1
  }
  if (a.title !== b.title) return a.title < b.title ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export const MatrixInput = z.strictObject({
  business_unit_ids: z.array(Id).max(100).optional(),
  risk_category_ids: z.array(z.string().min(1).max(64)).max(100).optional(),
  risk_statuses: z.array(z.enum(RISK_STATUSES)).min(1).max(4).default(['ACTIVE']),
  include_inactive_controls: z.boolean().default(false),
  all_controls: z.boolean().default(false),
})

/**
 * controls.md §8.1: rows = visible risks matching the filters (by ref); columns = controls linked to a row
 * (all visible active controls with `all_controls`), inactive ones only on request; cells carry link notes.
 */
export const riskControlMatrix = defineQuery({
  name: 'control.riskControlMatrix',
  summary: 'Risk–control matrix of visible risks.',
  input: MatrixInput,
  async handler(ctx, input) {
    const risks = await visibleRisks(ctx.db, ctx.actor, ctx.meta.tenantId, input)
    const links = await linksOf(
      ctx.db,
      risks.map((r) => r.id),
    )
    const shownIds = new Set(
      links.filter((l) => input.include_inactive_controls || l.is_active === 1).map((l) => l.control_id),
    )
    let cq = ctx.db
      .selectFrom('control')
      .select(['control.id', 'control.ref', 'control.code', 'control.title', 'control.is_active'])
      .where('control.tenant_id', '=', ctx.meta.tenantId)
    if (input.all_controls)
      cq = cq.where((eb) =>
        eb.or([
          eb.and([eb('control.is_active', '=', 1), controlVisible(ctx.actor)(eb)]),
          ...(shownIds.size ? [eb('control.id', 'in', [...shownIds])] : []),
        ]),
      )
    else if (shownIds.size) cq = cq.where('control.id', 'in', [...shownIds])
    else cq = cq.where((eb) => eb.lit(false))
    const columns = (await cq.execute()).sort(byCodeTitle)
    const colSet = new Set(columns.map((c) => c.id))
    const cellsByRisk = new Map<string, Map<string, string | null>>()
    const activeByRisk = new Map<string, number>()
    const columnTotals = new Map<string, number>()
    for (const l of links) {
      if (l.is_active === 1) activeByRisk.set(l.risk_id, (activeByRisk.get(l.risk_id) ?? 0) + 1)
      if (!colSet.has(l.control_id)) continue
      const m = cellsByRisk.get(l.risk_id) ?? new Map<string, string | null>()
      m.set(l.control_id, l.notes)
      cellsByRisk.set(l.risk_id, m)
      columnTotals.set(l.control_id, (columnTotals.get(l.control_id) ?? 0) + 1)
    }
    return {
      columns: columns.map((c) => ({
        id: c.id,
        ref: c.ref,
        code: c.code,
        title: c.title,
        is_active: c.is_active === 1,
        header: c.code ? `${c.code} ${c.title}` : c.title,
        total: columnTotals.get(c.id) ?? 0,
      })),
      rows: risks.map((r) => {
        const total = activeByRisk.get(r.id) ?? 0
        const cells = cellsByRisk.get(r.id) ?? new Map<string, string | null>()
        return {
          risk_id: r.id,
          ref: r.ref,
          title: r.title,
          status: r.status,
          business_unit_id: r.business_unit_id,
          business_unit_name: r.business_unit_name,
          total,
          highlight: total === 0 ? 'red' : total <= 2 ? 'amber' : null,
          cells: columns.map((c) => ({ control_id: c.id, linked: cells.has(c.id), notes: cells.get(c.id) ?? null })),
        }
      }),
    }
  },
})

/** controls.md §8.2 `control.coverage`. */
export const controlCoverage = defineQuery({
  name: 'control.coverage',
  summary: 'Coverage metrics of controls over visible risks.',
  input: z.strictObject({
    business_unit_ids: z.array(Id).max(100).optional(),
    risk_statuses: z.array(z.enum(RISK_STATUSES)).min(1).max(4).default(['DRAFT', 'ASSESSED', 'ACTIVE']),
  }),
  async handler(ctx, input) {
    let cq = ctx.db
      .selectFrom('control')
      .select([
        'control.id',
        'control.code',
        'control.title',
        'control.is_active',
        'control.effectiveness',
        'control.control_type',
        'control.control_nature',
        'control.last_test_result',
      ])
      .where('control.tenant_id', '=', ctx.meta.tenantId)
      .where(controlVisible(ctx.actor))
    if (input.business_unit_ids?.length) cq = cq.where('control.business_unit_id', 'in', input.business_unit_ids)
    const controls = await cq.execute()
    const active = controls.filter((c) => c.is_active === 1)
    const today = ctx.now.slice(0, 10)
    const facts = await evidenceFacts(
      ctx.db,
      active.map((c) => c.id),
    )
    const risks = await visibleRisks(ctx.db, ctx.actor, ctx.meta.tenantId, {
      business_unit_ids: input.business_unit_ids,
      risk_statuses: input.risk_statuses,
    })
    const links = (
      await linksOf(
        ctx.db,
        risks.map((r) => r.id),
      )
    ).filter((l) => l.is_active === 1)
    const perRisk = new Map<string, number>()
    const perControl = new Map<string, number>()
    for (const l of links) {
      perRisk.set(l.risk_id, (perRisk.get(l.risk_id) ?? 0) + 1)
      perControl.set(l.control_id, (perControl.get(l.control_id) ?? 0) + 1)
    }
    const riskRow = (r: (typeof risks)[number]) => ({
      id: r.id,
      ref: r.ref,
      title: r.title,
      status: r.status,
      business_unit_id: r.business_unit_id,
      business_unit_name: r.business_unit_name,
      control_count: perRisk.get(r.id) ?? 0,
    })
    const without = risks.filter((r) => (perRisk.get(r.id) ?? 0) === 0).map(riskRow)
    const fewer = risks.filter((r) => (perRisk.get(r.id) ?? 0) < 3).map(riskRow)
    const count = <T extends string>(values: readonly T[], key: 'control_type' | 'control_nature') =>
      Object.fromEntries(values.map((v) => [v, active.filter((c) => c[key] === v).length])) as Record<T, number>
    const mostUsed = active
      .map((c) => ({ id: c.id, code: c.code, title: c.title, risk_count: perControl.get(c.id) ?? 0 }))
      .filter((c) => c.risk_count > 0)
      .sort(
        (a, b) =>
          b.risk_count - a.risk_count || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) || (a.id < b.id ? -1 : 1),
      )
      .slice(0, 10)
    return {
      total_controls: controls.length,
      active_controls: active.length,
      avg_design_effectiveness: averageEffectiveness(
        active.filter((c) => c.effectiveness !== null).map((c) => Number(c.effectiveness)),
      ),
      by_type: count(CONTROL_TYPES, 'control_type'),
      by_nature: count(CONTROL_NATURES, 'control_nature'),
      evidence_expired_count: active.filter((c) => controlEvidenceStatusOn(facts.get(c.id) ?? [], today) === 'EXPIRED')
        .length,
      last_test_ineffective_count: active.filter((c) => c.last_test_result === 'INEFFECTIVE').length,
      risks_counted: risks.length,
      risks_without_controls: { count: without.length, items: without },
      risks_with_fewer_than_3_controls: { count: fewer.length, items: fewer },
      most_used_controls: mostUsed,
    }
  },
})
