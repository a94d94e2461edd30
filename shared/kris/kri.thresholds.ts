import { defineCommand } from '../catalogue/define'
import type { CommandCtx } from '../catalogue/context'
import { fail } from '../core/errors'
import { nextPeriodStart, periodStartIssue } from './kri.period.rules'
import { SetThresholdsInput } from './kri.schema'
import { statusOf, type Thresholds, type ValueStatus } from './kri.status.rules'
import {
  calendarOf,
  expectKriVersion,
  gateManage,
  liveSets,
  loadKri,
  refreshComputed,
  refuseReadOnly,
  rowChanges,
  type KriRow,
} from './kri.store'

const REASON_NEEDED = 'A threshold change that affects recorded values needs a reason of at least 10 characters.'

/** §5.3 default: the period after the latest one with a current value, else the first period. */
async function defaultEffectiveFrom(ctx: CommandCtx, k: KriRow): Promise<string> {
  const latest = await ctx.db
    .selectFrom('kri_value')
    .select('period_start')
    .where('kri_id', '=', k.id)
    .where('is_current', '=', 1)
    .orderBy('period_start', 'desc')
    .limit(1)
    .executeTakeFirst()
  return latest ? nextPeriodStart(calendarOf(k), latest.period_start) : k.first_period_start
}

/**
 * kris.md §5.3 `kri.setThresholds`, a `version` command. The new set gets the next seq and supersedes every
 * live set effective on or after its date; each current value from that date on gets a THRESHOLD_CHANGE
 * version with its recomputed status. Never escalates; the computed columns follow at once.
 */
export const setThresholds = defineCommand({
  name: 'kri.setThresholds',
  summary: 'Give a KRI new thresholds from a period on, re-rating the values recorded from then.',
  input: SetThresholdsInput,
  sync: 'push',
  concurrency: 'version',
  touches: ['kri', 'kri_threshold_set', 'kri_value'],
  async handler(ctx, input) {
    const k = await loadKri(ctx, input.kri_id)
    refuseReadOnly(ctx.actor)
    gateManage(ctx.actor, k, 'Only Risk Officers can change KRI thresholds.')
    ctx.touch('kri', k.id, k.version)
    expectKriVersion(k, input.expected_version)

    let effectiveFrom: string
    if (input.effective_from) {
      const issue = periodStartIssue(calendarOf(k), input.effective_from)
      if (issue) fail.field('effective_from', issue)
      if (input.effective_from < k.first_period_start)
        fail.field('effective_from', "Thresholds cannot take effect before the KRI's first period.")
      effectiveFrom = input.effective_from
    } else effectiveFrom = await defaultEffectiveFrom(ctx, k)

    const affected = await ctx.db
      .selectFrom('kri_value')
      .selectAll()
      .where('kri_id', '=', k.id)
      .where('is_current', '=', 1)
      .where('period_start', '>=', effectiveFrom)
      .orderBy('period_start')
      .execute()
    const reason = input.reason
    if (affected.length > 0 && (reason === null || [...reason].length < 10)) fail.field('reason', REASON_NEEDED)

    const sets = await ctx.db
      .selectFrom('kri_threshold_set')
      .select(['seq'])
      .where('kri_id', '=', k.id)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()
    const thresholds: Thresholds = input.thresholds
    const set = {
      id: ctx.newId(),
      tenant_id: ctx.meta.tenantId,
      kri_id: k.id,
      seq: (sets?.seq ?? 0) + 1,
      effective_from: effectiveFrom,
      ...thresholds,
      reason,
      created_by: ctx.actor.id,
      created_at: ctx.now,
      superseded_at: null,
      superseded_by_set_id: null,
    }
    await ctx.db.insertInto('kri_threshold_set').values(set).execute()
    ctx.audit.record({
      entityType: 'kri_threshold_set',
      entityId: set.id,
      entityRef: k.ref,
      changes: rowChanges(set),
      reason,
    })
    for (const old of await liveSets(ctx.db, k.id)) {
      if (old.id === set.id || old.effective_from < effectiveFrom) continue
      await ctx.db
        .updateTable('kri_threshold_set')
        .set({ superseded_at: ctx.now, superseded_by_set_id: set.id })
        .where('id', '=', old.id)
        .execute()
      ctx.audit.record({
        entityType: 'kri_threshold_set',
        entityId: old.id,
        entityRef: k.ref,
        changes: [
          { field: 'superseded_at', before: null, after: ctx.now },
          { field: 'superseded_by_set_id', before: null, after: set.id },
        ],
        reason,
      })
    }

    const changed: { period_start: string; from_status: ValueStatus; to_status: ValueStatus }[] = []
    for (const v of affected) {
      const status = statusOf(thresholds, v.value_e4)
      await ctx.db.updateTable('kri_value').set({ is_current: 0 }).where('id', '=', v.id).execute()
      ctx.audit.record({
        entityType: 'kri_value',
        entityId: v.id,
        entityRef: k.ref,
        changes: [{ field: 'is_current', before: 1, after: 0 }],
        reason,
      })
      const row = {
        id: ctx.newId(),
        tenant_id: ctx.meta.tenantId,
        kri_id: k.id,
        period_start: v.period_start,
        period_end: v.period_end,
        version_no: v.version_no + 1,
        value_e4: v.value_e4,
        status,
        threshold_set_id: set.id,
        comment: v.comment,
        correction_reason: reason,
        origin: 'THRESHOLD_CHANGE',
        recorded_by: ctx.actor.id,
        recorded_at: ctx.now,
        is_current: 1,
        breach_measure_id: null,
      }
      await ctx.db.insertInto('kri_value').values(row).execute()
      ctx.audit.record({
        entityType: 'kri_value',
        entityId: row.id,
        entityRef: k.ref,
        changes: rowChanges(row),
        reason,
      })
      if (status !== v.status)
        changed.push({ period_start: v.period_start, from_status: v.status as ValueStatus, to_status: status })
    }

    await ctx.db
      .updateTable('kri')
      .set({ version: k.version + 1, updated_at: ctx.now, updated_by: ctx.actor.id })
      .where('id', '=', k.id)
      .execute()
    ctx.audit.record({
      entityType: 'kri',
      entityId: k.id,
      entityRef: k.ref,
      changes: [{ field: 'threshold_set_seq', before: set.seq - 1, after: set.seq }],
      reason,
    })
    const { kri } = await refreshComputed(ctx, k.id)
    return {
      id: k.id,
      version: k.version + 1,
      threshold_set_id: set.id,
      seq: set.seq,
      effective_from: effectiveFrom,
      revalued_periods: affected.length,
      changed_periods: changed,
      current_status: kri.current_status,
    }
  },
})
