import { defineCommand } from '../catalogue/define'
import type { QueryCtx } from '../catalogue/context'
import { fail } from '../core/errors'
import { riskVisible } from '../risks/risk.visibility'
import { LinkRiskInput } from './kri.schema'
import { gateManage, loadKri, refuseReadOnly, rowChanges } from './kri.store'

type Ctx = Pick<QueryCtx, 'db' | 'actor' | 'meta'>
const GATE = 'Only Risk Officers can edit KRIs.'

/** A risk the caller can see (risks.md §4: link commands naming an invisible risk answer NOT_FOUND). */
async function loadRisk(ctx: Ctx, riskId: string) {
  const risk = await ctx.db
    .selectFrom('risk')
    .select(['risk.id', 'risk.ref', 'risk.status'])
    .where('risk.tenant_id', '=', ctx.meta.tenantId)
    .where('risk.id', '=', riskId)
    .where(riskVisible(ctx.actor))
    .executeTakeFirst()
  return risk ?? fail.notFound('Risk')
}

async function linkOf(ctx: Ctx, kriId: string, riskId: string) {
  return ctx.db
    .selectFrom('kri_risk')
    .selectAll()
    .where('kri_id', '=', kriId)
    .where('risk_id', '=', riskId)
    .executeTakeFirst()
}

/** kris.md §5.1 `kri.linkRisk`: a visible, not retired risk, once. The KRI's version does not move. */
export const linkRisk = defineCommand({
  name: 'kri.linkRisk',
  summary: 'Link a KRI to a risk it watches.',
  input: LinkRiskInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['kri_risk'],
  async handler(ctx, input) {
    const k = await loadKri(ctx, input.kri_id)
    const risk = await loadRisk(ctx, input.risk_id)
    refuseReadOnly(ctx.actor)
    gateManage(ctx.actor, k, GATE)
    if (risk.status === 'RETIRED') fail.workflow('Cannot link retired risks.')
    if (await linkOf(ctx, k.id, risk.id)) fail.workflow('Risk already linked.')
    const link = {
      kri_id: k.id,
      risk_id: risk.id,
      tenant_id: ctx.meta.tenantId,
      created_by_user_id: ctx.actor.id,
      created_at: ctx.now,
    }
    await ctx.db.insertInto('kri_risk').values(link).execute()
    ctx.audit.record({
      entityType: 'kri_risk',
      entityId: `${k.id}:${risk.id}`,
      entityRef: k.ref,
      changes: rowChanges(link),
    })
    return { kri_id: k.id, risk_id: risk.id, linked: true }
  },
})

/** kris.md §5.1 `kri.unlinkRisk`. */
export const unlinkRisk = defineCommand({
  name: 'kri.unlinkRisk',
  summary: 'Remove the link between a KRI and a risk.',
  input: LinkRiskInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['kri_risk'],
  async handler(ctx, input) {
    const k = await loadKri(ctx, input.kri_id)
    const risk = await loadRisk(ctx, input.risk_id)
    refuseReadOnly(ctx.actor)
    gateManage(ctx.actor, k, GATE)
    const link = await linkOf(ctx, k.id, risk.id)
    if (!link) return fail.workflow('Risk is not linked.')
    await ctx.db.deleteFrom('kri_risk').where('kri_id', '=', k.id).where('risk_id', '=', risk.id).execute()
    ctx.audit.record({
      entityType: 'kri_risk',
      entityId: `${k.id}:${risk.id}`,
      entityRef: k.ref,
      changes: rowChanges(link, true),
    })
    return { kri_id: k.id, risk_id: risk.id, linked: false }
  },
})
