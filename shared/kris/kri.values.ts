import { defineCommand } from '../catalogue/define'
import type { CommandCtx } from '../catalogue/context'
import { fail } from '../core/errors'
import { formatE4 } from './kri.decimal.rules'
import { breachMeasure, isBreach, notifyBreach } from './kri.escalation'
import { periodEnd, periodStartIssue } from './kri.period.rules'
import { CorrectValueInput, RecordValueInput } from './kri.schema'
import { statusOf } from './kri.status.rules'
import {
  calendarOf,
  currentValue,
  deactivateKriNotifications,
  liveSets,
  loadKri,
  mayRecord,
  refreshComputed,
  refuseReadOnly,
  rowChanges,
  setInForce,
  thresholdsOf,
  todayOf,
  type KriRow,
} from './kri.store'

const GATE = 'Only the KRI owner or a Risk Officer can record values.'
const INACTIVE = 'Values cannot be recorded for an inactive KRI.'

/** Steps 2–4 shared by record and correct: visible, not read-only, owner or risk officer in scope. */
async function loadForValues(ctx: CommandCtx, kriId: string): Promise<KriRow> {
  const k = await loadKri(ctx, kriId)
  refuseReadOnly(ctx.actor)
  if (!mayRecord(ctx.actor, k)) fail.forbidden(GATE)
  return k
}

type NewVersion = {
  id: string
  k: KriRow
  periodStart: string
  periodEnd: string
  versionNo: number
  valueE4: number
  comment: string | null
  reason: string | null
  origin: 'RECORDED' | 'CORRECTED'
  /** The version a correction replaces: its value, status and comment are the audit's "before". */
  previous: { value_e4: number; status: string; comment: string | null } | null
}

/**
 * Writes one current version with its status from the thresholds in force (§4), escalates per §7 (measure
 * first, so the version carries `breach_measure_id`; then KRI_BREACH), retires the period's overdue notices
 * and refreshes the KRI's computed columns.
 */
async function writeVersion(ctx: CommandCtx, n: NewVersion) {
  const inForce = setInForce(await liveSets(ctx.db, n.k.id), n.periodStart)
  const thresholds = thresholdsOf(inForce)
  const status = statusOf(thresholds, n.valueE4)
  const version = { id: n.id, period_start: n.periodStart, period_end: n.periodEnd, value_e4: n.valueE4 }
  const breach = isBreach(status, n.previous?.status ?? null)
  const measureId = breach ? await breachMeasure(ctx, n.k, version, thresholds) : null
  const row = {
    id: n.id,
    tenant_id: ctx.meta.tenantId,
    kri_id: n.k.id,
    period_start: n.periodStart,
    period_end: n.periodEnd,
    version_no: n.versionNo,
    value_e4: n.valueE4,
    status,
    threshold_set_id: inForce.id,
    comment: n.comment,
    correction_reason: n.reason,
    origin: n.origin,
    recorded_by: ctx.actor.id,
    recorded_at: ctx.now,
    is_current: 1,
    breach_measure_id: measureId,
  }
  await ctx.db.insertInto('kri_value').values(row).execute()
  ctx.audit.record({
    entityType: 'kri_value',
    entityId: row.id,
    entityRef: n.k.ref,
    changes: [
      ...rowChanges(row).map((c) =>
        n.previous && c.field in n.previous ? { ...c, before: n.previous[c.field as keyof typeof n.previous] } : c,
      ),
      ...(n.previous?.comment && row.comment === null
        ? [{ field: 'comment', before: n.previous.comment, after: null }]
        : []),
    ],
    reason: n.reason,
  })
  const notified = breach ? await notifyBreach(ctx, n.k, version, thresholds) : []
  await deactivateKriNotifications(ctx, n.k.id, 'KRI_OVERDUE', n.periodStart)
  const { kri } = await refreshComputed(ctx, n.k.id)
  return {
    id: row.id,
    kri_id: n.k.id,
    period_start: row.period_start,
    period_end: row.period_end,
    version_no: row.version_no,
    value: formatE4(row.value_e4),
    status,
    threshold_set_id: inForce.id,
    breach_measure_id: measureId,
    notified,
    kri_current_status: kri.current_status,
  }
}

/** kris.md §5.2 `kri.recordValue`: version 1 of a period's value. */
export const recordValue = defineCommand({
  name: 'kri.recordValue',
  summary: 'Record the value of a KRI for one period.',
  input: RecordValueInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['kri_value', 'kri'],
  creates: { prefix: null },
  async handler(ctx, input) {
    const k = await loadForValues(ctx, input.kri_id)
    if (k.is_active !== 1) fail.workflow(INACTIVE)
    if (await currentValue(ctx.db, k.id, input.period_start))
      fail.workflow('A value already exists for this period. Correct it instead.')

    const cal = calendarOf(k)
    const issue =
      periodStartIssue(cal, input.period_start) ??
      (input.period_start < k.first_period_start ? "Period is before the KRI's first period." : null) ??
      (input.period_start > todayOf(ctx.now) ? 'Cannot record a value for a future period.' : null)
    if (issue) fail.field('period_start', issue)

    return writeVersion(ctx, {
      id: ctx.minted.id,
      k,
      periodStart: input.period_start,
      periodEnd: periodEnd(cal, input.period_start),
      versionNo: 1,
      valueE4: input.value,
      comment: input.comment ?? null,
      reason: null,
      origin: 'RECORDED',
      previous: null,
    })
  },
})

/**
 * kris.md §5.2 `kri.correctValue`: version n + 1 against the caller's `expected_version_no`. An omitted comment
 * keeps the current one; a blank one clears it.
 */
export const correctValue = defineCommand({
  name: 'kri.correctValue',
  summary: 'Correct the current value of a KRI period; the previous version is kept.',
  input: CorrectValueInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['kri_value', 'kri'],
  async handler(ctx, input) {
    const k = await loadForValues(ctx, input.kri_id)
    if (k.is_active !== 1) fail.workflow(INACTIVE)
    const current = await currentValue(ctx.db, k.id, input.period_start)
    if (!current) return fail.workflow('No value has been recorded for this period.')
    ctx.touch('kri_value', current.id, current.version_no)
    if (current.version_no !== input.expected_version_no)
      fail.conflict({
        message: 'This value changed after you saw it. Review the changes and try again.',
        entity: 'KRI value',
        id: current.id,
        expectedVersion: input.expected_version_no,
        actualVersion: current.version_no,
      })
    const comment = input.comment === undefined ? current.comment : input.comment
    if (current.value_e4 === input.value && (current.comment ?? null) === (comment ?? null))
      fail.field('value', 'The correction changes nothing.')

    await ctx.db.updateTable('kri_value').set({ is_current: 0 }).where('id', '=', current.id).execute()
    ctx.audit.record({
      entityType: 'kri_value',
      entityId: current.id,
      entityRef: k.ref,
      changes: [{ field: 'is_current', before: 1, after: 0 }],
      reason: input.reason,
    })
    const result = await writeVersion(ctx, {
      id: ctx.newId(),
      k,
      periodStart: current.period_start,
      periodEnd: current.period_end,
      versionNo: current.version_no + 1,
      valueE4: input.value,
      comment: comment ?? null,
      reason: input.reason,
      origin: 'CORRECTED',
      previous: { value_e4: current.value_e4, status: current.status, comment: current.comment },
    })
    return {
      ...result,
      previous: { version_no: current.version_no, value: formatE4(current.value_e4), status: current.status },
    }
  },
})
