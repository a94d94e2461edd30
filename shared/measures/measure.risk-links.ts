import { defineCommand } from '../catalogue/define'
import type { Actor, CommandCtx, QueryCtx } from '../catalogue/context'
import { fail } from '../core/errors'
import { Id } from '../core/primitives'
import type { Db } from '../db/schema'
import { riskVisible } from '../risks/risk.visibility'
import { z } from 'zod'
import { loadMeasure, refuseReadOnly, rowChanges } from './measure.store'
import { mayLink, mayUnlink } from './measure.workflow'

// measures.md §7 and risks.md §8: the measures module owns `risk_measure`. A link change never touches the
// measure's or the risk's version; its audit entry is keyed `risk_measure` / `<risk id>:<measure id>`.

type Ctx = Pick<QueryCtx, 'db' | 'actor' | 'meta'>
export type LinkedRisk = { id: string; ref: string; title: string; status: string }

export const LinkRiskInput = z.strictObject({ id: Id, risk_id: Id })

/** A visible (and so not deleted) risk, or undefined. */
export async function loadRiskForMeasureOrNull(ctx: Ctx, riskId: string) {
  return ctx.db
    .selectFrom('risk')
    .select(['risk.id', 'risk.ref', 'risk.title', 'risk.status'])
    .where('risk.tenant_id', '=', ctx.meta.tenantId)
    .where('risk.id', '=', riskId)
    .where(riskVisible(ctx.actor))
    .executeTakeFirst()
}

/** §2 step 2: a named risk must be visible to the caller, else NOT_FOUND `Risk not found.` */
export async function loadRiskForMeasure(ctx: Ctx, riskId: string) {
  return (await loadRiskForMeasureOrNull(ctx, riskId)) ?? fail.notFound('Risk')
}

/** Writes one `risk_measure` row and its audit entry. */
export async function insertRiskMeasureLink(
  ctx: Pick<CommandCtx, 'db' | 'meta' | 'now' | 'audit'>,
  riskId: string,
  measureId: string,
  measureRef: string,
  createdBy: string,
) {
  const link = {
    risk_id: riskId,
    measure_id: measureId,
    tenant_id: ctx.meta.tenantId,
    created_by_user_id: createdBy,
    created_at: ctx.now,
  }
  await ctx.db.insertInto('risk_measure').values(link).execute()
  ctx.audit.record({
    entityType: 'risk_measure',
    entityId: `${riskId}:${measureId}`,
    entityRef: measureRef,
    changes: rowChanges(link),
  })
}

async function linkRow(db: Db, riskId: string, measureId: string) {
  return db
    .selectFrom('risk_measure')
    .selectAll()
    .where('risk_id', '=', riskId)
    .where('measure_id', '=', measureId)
    .executeTakeFirst()
}

/**
 * `measure.linkRisk {id, risk_id}`: measure visible, risk visible (NOT_FOUND); read-only caller, then the
 * link gate (FORBIDDEN); risk not RETIRED, measure not CANCELLED (WORKFLOW); not linked yet (VALIDATION).
 */
export const linkRisk = defineCommand({
  name: 'measure.linkRisk',
  summary: 'Link a measure to a risk (the risk detail\'s "Link measure" calls this).',
  input: LinkRiskInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['risk_measure'],
  async handler(ctx, input) {
    const { measure, facts, caller } = await loadMeasure(ctx, input.id)
    const risk = await loadRiskForMeasure(ctx, input.risk_id)
    refuseReadOnly(ctx.actor)
    if (!mayLink(caller, facts)) fail.forbidden('You do not have permission to link this measure.')
    if (risk.status === 'RETIRED') fail.workflow('Cannot link retired risks.')
    if (measure.status === 'CANCELLED') fail.workflow('Cannot link a cancelled measure.')
    if (await linkRow(ctx.db, risk.id, measure.id))
      fail.field('risk_id', `Measure ${measure.ref} is already linked to Risk ${risk.ref}.`)
    await insertRiskMeasureLink(ctx, risk.id, measure.id, measure.ref, ctx.actor.id)
    return { measure_id: measure.id, risk_id: risk.id }
  },
})

/**
 * `measure.unlinkRisk {id, risk_id}`: risk officers only. A RETIRED risk keeps its links as history
 * (risks.md §8 "Retired risk cannot be modified.").
 */
export const unlinkRisk = defineCommand({
  name: 'measure.unlinkRisk',
  summary: 'Remove the link between a measure and a risk (risk officers only).',
  input: LinkRiskInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['risk_measure'],
  async handler(ctx, input) {
    const { measure, caller } = await loadMeasure(ctx, input.id)
    const risk = await loadRiskForMeasure(ctx, input.risk_id)
    refuseReadOnly(ctx.actor)
    if (!mayUnlink(caller)) fail.forbidden('Only Risk Officers can unlink measures.')
    if (risk.status === 'RETIRED') fail.workflow('Retired risk cannot be modified.')
    const link = await linkRow(ctx.db, risk.id, measure.id)
    if (!link) return fail.field('risk_id', `Measure ${measure.ref} is not linked to Risk ${risk.ref}.`)
    await ctx.db
      .deleteFrom('risk_measure')
      .where('risk_id', '=', risk.id)
      .where('measure_id', '=', measure.id)
      .execute()
    ctx.audit.record({
      entityType: 'risk_measure',
      entityId: `${risk.id}:${measure.id}`,
      entityRef: measure.ref,
      changes: rowChanges(link, true),
    })
    return { measure_id: measure.id, risk_id: risk.id }
  },
})

/**
 * The risks linked to each of the given measures that the caller can see (measures.md §7), by ref, and the
 * number of links to non-deleted risks whether visible or not.
 */
export async function linkedRisksOfMeasures(
  db: Db,
  actor: Actor,
  measureIds: readonly string[],
): Promise<Map<string, { visible: LinkedRisk[]; total: number }>> {
  const out = new Map(measureIds.map((id) => [id, { visible: [] as LinkedRisk[], total: 0 }]))
  if (measureIds.length === 0) return out
  const links = await db
    .selectFrom('risk_measure')
    .innerJoin('risk', 'risk.id', 'risk_measure.risk_id')
    .select(['risk_measure.measure_id', 'risk_measure.risk_id'])
    .where('risk_measure.measure_id', 'in', [...measureIds])
    .where('risk.deleted_at', 'is', null)
    .execute()
  for (const l of links) out.get(l.measure_id)!.total += 1
  if (links.length === 0) return out
  const risks = await db
    .selectFrom('risk')
    .select(['risk.id', 'risk.ref', 'risk.title', 'risk.status'])
    .where('risk.id', 'in', [...new Set(links.map((l) => l.risk_id))])
    .where(riskVisible(actor))
    .orderBy('risk.ref')
    .execute()
  for (const risk of risks) for (const l of links) if (l.risk_id === risk.id) out.get(l.measure_id)!.visible.push(risk)
  return out
}
