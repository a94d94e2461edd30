import type { Actor } from '../catalogue/context'
import { defineCommand } from '../catalogue/define'
import { fail, type Issue } from '../core/errors'
import { getSetting } from '../settings/app-settings'
import { hasRole } from '../users/actor'
import { defaultFirstPeriodStart } from './kri.period.rules'
import { CreateKriInput } from './kri.schema'
import {
  businessUnitIssue,
  kriScopeKeys,
  nameTaken,
  ownerIssue,
  refuseReadOnly,
  rowChanges,
  todayOf,
} from './kri.store'

/**
 * kris.md §5.1 `kri.create`: schema (fields, weekdays rule, period start, thresholds, numbers) → read-only
 * caller → risk-officer gate → stored-data rules (BU in scope, owner, unique name). Writes the KRI (NO_DATA)
 * and threshold set 1 effective from the first period, each with its audit entry.
 */
export const createKri = defineCommand({
  name: 'kri.create',
  summary: 'Define a KRI with its calendar, owner, business unit, escalation settings and first thresholds.',
  input: CreateKriInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['kri', 'kri_threshold_set'],
  creates: { prefix: 'KRI' },
  async handler(ctx, input) {
    refuseReadOnly(ctx.actor)
    if (!mayCreateKris(ctx.actor)) fail.forbidden('Only Risk Officers can create KRIs.')

    const tenantId = ctx.meta.tenantId
    const issues: Issue[] = []
    const bu = await businessUnitIssue(ctx.db, ctx.actor, tenantId, input.business_unit_id)
    if (bu) issues.push({ path: ['business_unit_id'], message: bu })
    const owner = await ownerIssue(ctx.db, tenantId, input.owner_id)
    if (owner) issues.push({ path: ['owner_id'], message: owner })
    if (await nameTaken(ctx.db, tenantId, input.name))
      issues.push({ path: ['name'], message: 'A KRI with this name already exists.' })
    if (issues.length > 0) fail.validation(issues)

    const today = todayOf(ctx.now)
    const weekdaysOnly = input.weekdays_only ?? input.frequency === 'DAILY'
    const firstPeriodStart =
      input.first_period_start ?? defaultFirstPeriodStart({ frequency: input.frequency, weekdaysOnly }, today)
    const grace = input.grace_days ?? (await getSetting(ctx.db, 'kri_default_grace_days'))[input.frequency]

    const kri = {
      id: ctx.minted.id,
      tenant_id: tenantId,
      version: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
      scope_keys: kriScopeKeys(input.business_unit_id, input.owner_id),
      ref: ctx.minted.ref!,
      name: input.name,
      description: input.description ?? null,
      unit: input.unit,
      frequency: input.frequency,
      weekdays_only: weekdaysOnly ? 1 : 0,
      first_period_start: firstPeriodStart,
      grace_days: grace,
      owner_id: input.owner_id,
      business_unit_id: input.business_unit_id,
      data_source: input.data_source ?? null,
      create_measure_on_red: input.create_measure_on_red ? 1 : 0,
      measure_due_days: input.measure_due_days ?? 30,
      is_active: 1,
      activated_on: today,
      deactivated_at: null,
      deactivated_by: null,
      deactivation_reason: null,
      current_status: 'NO_DATA',
      current_period_start: null,
      current_value_e4: null,
      overdue_period_start: null,
      created_by: ctx.actor.id,
      updated_by: ctx.actor.id,
      deleted_at: null,
      deleted_by: null,
    }
    await ctx.db.insertInto('kri').values(kri).execute()
    ctx.audit.record({ entityType: 'kri', entityId: kri.id, entityRef: kri.ref, changes: rowChanges(kri) })

    const set = {
      id: ctx.newId(),
      tenant_id: tenantId,
      kri_id: kri.id,
      seq: 1,
      effective_from: firstPeriodStart,
      ...input.thresholds,
      reason: null,
      created_by: ctx.actor.id,
      created_at: ctx.now,
      superseded_at: null,
      superseded_by_set_id: null,
    }
    await ctx.db.insertInto('kri_threshold_set').values(set).execute()
    ctx.audit.record({
      entityType: 'kri_threshold_set',
      entityId: set.id,
      entityRef: kri.ref,
      changes: rowChanges(set),
    })

    return {
      id: kri.id,
      ref: kri.ref,
      version: 1,
      current_status: 'NO_DATA' as const,
      first_period_start: firstPeriodStart,
      threshold_set_id: set.id,
    }
  },
})

/** kris.md §5.1: only risk officers create KRIs (the register's "New KRI" follows it). */
export const mayCreateKris = (actor: Actor) => hasRole(actor, 'risk_officer')
