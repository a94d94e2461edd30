import { z } from 'zod'
import { defineSystemCommand } from '../catalogue/define'
import { buRiskOfficers } from '../users/bu-risk-officers'
import { notifyRisk } from './risk.notify'

/**
 * risks.md §7, §13: RISK_REVIEW_DUE for the owner and the BU risk officers of every ACTIVE risk whose
 * next_review_date ≤ today, once per (risk, next_review_date): the dedupe key carries the date, so a re-run
 * creates nothing and a new review date after the next approval notifies again.
 */
export const sweepReviewDue = defineSystemCommand({
  name: 'risk.sweepReviewDue',
  summary: 'Raise reminders for active risks past their next review date.',
  input: z.strictObject({}),
  touches: ['notification', 'user_notification'],
  intervalMinutes: 60,
  async handler(ctx) {
    const due = await ctx.db
      .selectFrom('risk')
      .select(['id', 'ref', 'title', 'owner_id', 'business_unit_id', 'next_review_date'])
      .where('tenant_id', '=', ctx.meta.tenantId)
      .where('status', '=', 'ACTIVE')
      .where('deleted_at', 'is', null)
      .where('next_review_date', '<=', ctx.now.slice(0, 10))
      .orderBy('next_review_date')
      .orderBy('id')
      .execute()
    let created = 0
    for (const r of due) {
      const date = r.next_review_date!
      const recipients = [r.owner_id, ...(await buRiskOfficers(ctx.db, r.business_unit_id))]
      created += await notifyRisk(ctx, r, 'RISK_REVIEW_DUE', date, recipients, date)
    }
    return { due: due.length, created }
  },
})
