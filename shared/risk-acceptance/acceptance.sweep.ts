import { z } from 'zod'
import { defineSystemCommand } from '../catalogue/define'
import { getSetting } from '../settings/app-settings'
import { buRiskOfficers } from '../users/bu-risk-officers'
import { ACCEPTANCE_MESSAGES as M, plusDays } from './acceptance.rules'
import { notifyAcceptance, retireNotifications, writeAcceptance } from './acceptance.store'

/**
 * risks.md §12.4: PENDING or ACCEPTED acceptances past `expires_on` become EXPIRED ("Expired.", no actor) with
 * RISK_ACCEPTANCE_EXPIRED; ACCEPTED ones within `risk_acceptance_warning_days` of expiry raise
 * RISK_ACCEPTANCE_EXPIRING once. Dedupe keys make a re-run create nothing.
 */
export const sweepAcceptanceExpiry = defineSystemCommand({
  name: 'riskAcceptance.sweepExpiry',
  summary: 'Expire lapsed risk acceptances and warn before they lapse.',
  input: z.strictObject({}),
  touches: ['risk_acceptance', 'notification', 'user_notification'],
  intervalMinutes: 60,
  async handler(ctx) {
    const today = ctx.now.slice(0, 10)
    const warningDays = await getSetting(ctx.db, 'risk_acceptance_warning_days')
    const risks = ctx.db.selectFrom('risk').select(['risk.id', 'risk.ref', 'risk.owner_id', 'risk.business_unit_id'])

    const lapsed = await ctx.db
      .selectFrom('risk_acceptance')
      .selectAll()
      .where('tenant_id', '=', ctx.meta.tenantId)
      .where('state', 'in', ['PENDING', 'ACCEPTED'])
      .where('expires_on', '<', today)
      .orderBy('expires_on')
      .orderBy('id')
      .execute()
    let expired = 0
    let notified = 0
    for (const acc of lapsed) {
      const risk = await risks.where('risk.id', '=', acc.risk_id).executeTakeFirstOrThrow()
      await writeAcceptance(ctx, acc, { state: 'EXPIRED', ended_at: ctx.now, ended_by: null, end_reason: M.expired })
      await retireNotifications(ctx, acc, ['RISK_ACCEPTANCE_REQUESTED', 'RISK_ACCEPTANCE_EXPIRING'])
      expired += 1
      notified += await notifyAcceptance(ctx, {
        risk,
        acc,
        event: 'RISK_ACCEPTANCE_EXPIRED',
        onceKey: acc.id,
        recipients: [
          acc.approver_id,
          acc.requested_by,
          risk.owner_id,
          ...(await buRiskOfficers(ctx.db, risk.business_unit_id)),
        ],
        message: `Acceptance ${acc.ref} for risk ${risk.ref} expired on ${acc.expires_on}.`,
      })
    }

    const expiring = await ctx.db
      .selectFrom('risk_acceptance')
      .selectAll()
      .where('tenant_id', '=', ctx.meta.tenantId)
      .where('state', '=', 'ACCEPTED')
      .where('expires_on', '>=', today)
      .where('expires_on', '<=', plusDays(today, warningDays))
      .orderBy('expires_on')
      .orderBy('id')
      .execute()
    for (const acc of expiring) {
      const risk = await risks.where('risk.id', '=', acc.risk_id).executeTakeFirstOrThrow()
      notified += await notifyAcceptance(ctx, {
        risk,
        acc,
        event: 'RISK_ACCEPTANCE_EXPIRING',
        onceKey: acc.id,
        recipients: [acc.approver_id, acc.requested_by, risk.owner_id],
        message: `Acceptance ${acc.ref} for risk ${risk.ref} expires on ${acc.expires_on}.`,
      })
    }
    return { expired, expiring: expiring.length, notified }
  },
})
