import type { CommandCtx } from '../catalogue/context'
import { insertMeasure } from '../measures'
import { enqueueNotification, type NewNotification } from '../notifications/queue'
import { buRiskOfficers } from '../users/bu-risk-officers'
import { formatE4 } from './kri.decimal.rules'
import { addDays } from './kri.period.rules'
import { redLimitText, thresholdsAsDecimals, type Thresholds, type ValueStatus } from './kri.status.rules'
import { todayOf, type KriRow } from './kri.store'

export type BreachVersion = { id: string; period_start: string; period_end: string; value_e4: number }

/** §7 trigger: a RED version becomes current for a period whose previous current version (if any) was not RED. */
export function isBreach(status: ValueStatus, previous: string | null): boolean {
  return status === 'RED' && previous !== 'RED'
}

/**
 * §7 step 2: with `create_measure_on_red` and no measure created for this (KRI, period) before, an OPEN measure
 * for the KRI owner due today + `measure_due_days`, linked to the KRI's non-retired risks, created by the actor
 * as a side effect (no creator-role gate; the audit reason says KRI_BREACH). Answers its id, or null.
 */
export async function breachMeasure(ctx: CommandCtx, k: KriRow, v: BreachVersion, t: Thresholds) {
  if (k.create_measure_on_red !== 1) return null
  const earlier = await ctx.db
    .selectFrom('kri_value')
    .select('breach_measure_id')
    .where('kri_id', '=', k.id)
    .where('period_start', '=', v.period_start)
    .where('breach_measure_id', 'is not', null)
    .executeTakeFirst()
  if (earlier) return null
  const risks = await ctx.db
    .selectFrom('kri_risk')
    .innerJoin('risk', 'risk.id', 'kri_risk.risk_id')
    .select(['risk.id', 'risk.ref'])
    .where('kri_risk.kri_id', '=', k.id)
    .where('risk.status', '<>', 'RETIRED')
    .where('risk.deleted_at', 'is', null)
    .orderBy('risk.ref')
    .execute()
  const description =
    `KRI breach: ${k.name} = ${formatE4(v.value_e4)} ${k.unit} for ${v.period_start} to ${v.period_end} ` +
    redLimitText(t)
  const m = await insertMeasure(
    ctx,
    {
      description,
      responsible_user_id: k.owner_id,
      deadline: addDays(todayOf(ctx.now), k.measure_due_days),
      created_by: ctx.actor.id,
      origin: 'KRI_BREACH',
    },
    { risks },
  )
  return m.id
}

/**
 * §7 step 1 and §10: one HIGH, action-required KRI_BREACH per recipient (the owner and the BU risk officers,
 * de-duplicated, the actor included), keyed by the triggering version.
 */
export async function notifyBreach(ctx: CommandCtx, k: KriRow, v: BreachVersion, t: Thresholds) {
  const officers = await buRiskOfficers(ctx.db, k.business_unit_id)
  const owner = await ctx.db.selectFrom('users').select('is_active').where('id', '=', k.owner_id).executeTakeFirst()
  const recipients = [...new Set([...(owner?.is_active === 1 ? [k.owner_id] : []), ...officers])]
  const value = formatE4(v.value_e4)
  const limits = thresholdsAsDecimals(t)
  const payload = {
    title: `KRI breach: ${k.ref}`,
    message: `KRI ${k.ref} '${k.name}' is Red for ${v.period_start} to ${v.period_end}: ${value} ${k.unit}.`,
    entity_ref: k.ref,
    kri_name: k.name,
    period_start: v.period_start,
    period_end: v.period_end,
    value,
    unit: k.unit,
    red: limits.red,
    red_low: limits.red_low,
    red_high: limits.red_high,
  }
  for (const userId of recipients) {
    const n: NewNotification = {
      entityType: 'KRI',
      entityId: k.id,
      eventType: 'KRI_BREACH',
      dedupeKey: `KRI:${k.id}:KRI_BREACH:${v.id}:${userId}`,
      priority: 'HIGH',
      requiresAction: true,
      actionRoute: `/kris/${k.id}`,
      recipientUserId: userId,
      includeActor: true,
      payload,
    }
    await enqueueNotification(ctx, n)
  }
  return recipients
}
