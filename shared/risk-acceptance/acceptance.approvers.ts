import { z } from 'zod'
import type { Actor } from '../catalogue/context'
import { defineQuery } from '../catalogue/define'
import { Id, type Role } from '../core/primitives'
import { fail } from '../core/errors'
import { riskVisible } from '../risks/risk.visibility'
import { hasAuthority } from './acceptance.rules'
import { seesRisk } from './acceptance.store'

/**
 * The approvers the caller could name on `riskAcceptance.request` for a risk (§12.3): active users, not the
 * caller, holding a role the authority table allows for the risk's residual band (with group scope where the
 * row requires it), who can see the risk. The request still checks each rule when it is sent.
 */
export const approverOptions = defineQuery({
  name: 'riskAcceptance.approverOptions',
  summary: 'The people who may be named approver of an acceptance of this risk.',
  input: z.strictObject({ risk_id: Id }),
  async handler(ctx, input) {
    const risk = await ctx.db
      .selectFrom('risk')
      .select(['risk.id', 'risk.residual_band'])
      .where('risk.id', '=', input.risk_id)
      .where('risk.tenant_id', '=', ctx.meta.tenantId)
      .where(riskVisible(ctx.actor))
      .executeTakeFirst()
    if (!risk) return fail.notFound('Risk')
    const authority = await ctx.db
      .selectFrom('risk_acceptance_authority')
      .selectAll()
      .where('band', '=', risk.residual_band ?? '')
      .execute()
    if (authority.length === 0) return { items: [] }
    const users = await ctx.db
      .selectFrom('users')
      .selectAll()
      .where('tenant_id', '=', ctx.meta.tenantId)
      .where('is_active', '=', 1)
      .where('id', '!=', ctx.actor.id)
      .where((eb) => eb.or(authority.map((a) => eb('roles', 'like', `%"${a.role}"%`))))
      .orderBy('full_name')
      .orderBy('id')
      .execute()
    const items: { id: string; full_name: string; email: string }[] = []
    for (const u of users) {
      const candidate: Actor = {
        id: u.id,
        email: u.email,
        fullName: u.full_name,
        roles: JSON.parse(u.roles) as Role[],
        groupScope: u.group_scope === 1,
        businessUnitId: u.business_unit_id,
        managerId: u.manager_id,
        isActive: true,
      }
      if (!hasAuthority(candidate, risk.residual_band, authority)) continue
      if (await seesRisk(ctx.db, candidate, risk.id)) items.push({ id: u.id, full_name: u.full_name, email: u.email })
    }
    return { items }
  },
})
