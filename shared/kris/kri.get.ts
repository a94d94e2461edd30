import { defineQuery } from '../catalogue/define'
import type { QueryCtx } from '../catalogue/context'
import { decodeCursor, encodeCursor } from '../core/cursor'
import { fail } from '../core/errors'
import { riskVisible } from '../risks/risk.visibility'
import { formatE4, formatE4OrNull } from './kri.decimal.rules'
import { linkedRisksOf } from './kri.list'
import { FREQUENCY_LABELS, latestStartedPeriod, periodEnd, type Frequency } from './kri.period.rules'
import { IdInput, KriIdInput, LOCKED_WITH_VALUES, RiskIdInput, ValueHistoryInput, ValuesInput } from './kri.schema'
import {
  DIRECTION_LABELS,
  thresholdsAsDecimals,
  type Direction,
  type KriStatus,
  type ValueStatus,
} from './kri.status.rules'
import {
  calendarOf,
  hasAnyValue,
  liveSets,
  loadKri,
  mayManage,
  mayRecord,
  overdueOf,
  setInForce,
  thresholdsOf,
  todayOf,
  type ThresholdSetRow,
} from './kri.store'
import { kriVisible } from './kri.visibility'

type Ctx = Pick<QueryCtx, 'db' | 'actor' | 'meta'>

/** A threshold set as the answers show it: seq, dates and decimal strings. */
export function setView(s: ThresholdSetRow) {
  return {
    id: s.id,
    seq: s.seq,
    effective_from: s.effective_from,
    ...thresholdsAsDecimals(thresholdsOf(s)),
    direction_label: DIRECTION_LABELS[s.direction as Direction],
  }
}

async function userNames(ctx: Ctx, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))]
  if (wanted.length === 0) return new Map<string, string>()
  const rows = await ctx.db.selectFrom('users').select(['id', 'full_name']).where('id', 'in', wanted).execute()
  return new Map(rows.map((r) => [r.id, r.full_name]))
}

async function measuresById(ctx: Ctx, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))]
  if (wanted.length === 0) return new Map<string, { id: string; ref: string; status: string }>()
  const rows = await ctx.db.selectFrom('measure').select(['id', 'ref', 'status']).where('id', 'in', wanted).execute()
  return new Map(rows.map((r) => [r.id, r]))
}

/** kris.md §13 `kri.get`: the KRI, thresholds in force today, linked risks, latest value, permissions, overdue. */
export const getKri = defineQuery({
  name: 'kri.get',
  summary: 'One visible KRI with its thresholds in force, linked risks, latest value, permissions and overdue periods.',
  input: IdInput,
  async handler(ctx, input) {
    const k = await loadKri(ctx, input.id)
    const today = todayOf(ctx.now)
    const cal = calendarOf(k)
    const [sets, risks, overdue, anyValue, latest] = await Promise.all([
      liveSets(ctx.db, k.id),
      linkedRisksOf(ctx, [k.id]),
      overdueOf(ctx.db, k, today),
      hasAnyValue(ctx.db, k.id),
      k.current_period_start
        ? ctx.db
            .selectFrom('kri_value')
            .selectAll()
            .where('kri_id', '=', k.id)
            .where('period_start', '=', k.current_period_start)
            .where('is_current', '=', 1)
            .executeTakeFirst()
        : Promise.resolve(undefined),
    ])
    const names = await userNames(ctx, [
      k.owner_id,
      k.created_by,
      k.updated_by,
      k.deactivated_by,
      latest?.recorded_by ?? null,
    ])
    const bu = await ctx.db
      .selectFrom('business_unit')
      .select(['id', 'name'])
      .where('id', '=', k.business_unit_id)
      .executeTakeFirst()
    const inForce = setInForce(sets, latestStartedPeriod(cal, today).start)
    const links = risks.get(k.id)
    const manage = mayManage(ctx.actor, k)
    const person = (id: string | null) => (id ? { id, full_name: names.get(id) ?? '' } : null)
    return {
      id: k.id,
      ref: k.ref,
      name: k.name,
      description: k.description,
      unit: k.unit,
      frequency: k.frequency as Frequency,
      frequency_label: FREQUENCY_LABELS[k.frequency as Frequency],
      weekdays_only: k.weekdays_only === 1,
      first_period_start: k.first_period_start,
      grace_days: k.grace_days,
      owner: person(k.owner_id),
      business_unit: { id: k.business_unit_id, name: bu?.name ?? '' },
      data_source: k.data_source,
      create_measure_on_red: k.create_measure_on_red === 1,
      measure_due_days: k.measure_due_days,
      is_active: k.is_active === 1,
      activated_on: k.activated_on,
      deactivated_at: k.deactivated_at,
      deactivated_by: person(k.deactivated_by),
      deactivation_reason: k.deactivation_reason,
      current_status: k.current_status as KriStatus,
      current_period_start: k.current_period_start,
      current_value: formatE4OrNull(k.current_value_e4),
      overdue_period_start: k.overdue_period_start,
      direction: inForce.direction as Direction,
      direction_label: DIRECTION_LABELS[inForce.direction as Direction],
      thresholds: setView(inForce),
      latest_value: latest
        ? {
            period_start: latest.period_start,
            period_end: latest.period_end,
            value: formatE4(latest.value_e4),
            status: latest.status as ValueStatus,
            version_no: latest.version_no,
            origin: latest.origin,
            comment: latest.comment,
            recorded_by: person(latest.recorded_by),
            recorded_at: latest.recorded_at,
          }
        : null,
      linked_risks: (links?.visible ?? []).map((r) => ({ ...r, retired: r.status === 'RETIRED' })),
      linked_risk_count: links?.total ?? 0,
      hidden_risk_count: (links?.total ?? 0) - (links?.visible.length ?? 0),
      overdue_periods: overdue
        .slice(0, 20)
        .map((p) => ({ period_start: p.start, period_end: p.end, deadline: p.deadline })),
      overdue_count: overdue.length,
      // §5.1: the definition fields `kri.update` refuses once any value exists.
      locked_fields: anyValue ? [...LOCKED_WITH_VALUES] : [],
      permissions: {
        can_edit: manage,
        can_record: mayRecord(ctx.actor, k) && k.is_active === 1,
        can_set_thresholds: manage,
        can_delete: manage && !anyValue,
      },
      created_at: k.created_at,
      created_by: person(k.created_by),
      updated_at: k.updated_at,
      updated_by: person(k.updated_by),
      version: k.version,
    }
  },
})

/** kris.md §13 `kri.values`: the current version of each period, newest period first, keyset paged. */
export const listValues = defineQuery({
  name: 'kri.values',
  summary: 'The current value of each recorded period of a KRI, newest first.',
  input: ValuesInput,
  async handler(ctx, input) {
    const k = await loadKri(ctx, input.kri_id)
    let q = ctx.db.selectFrom('kri_value').where('kri_id', '=', k.id).where('is_current', '=', 1)
    if (input.period_from) q = q.where('period_start', '>=', input.period_from)
    if (input.period_to) q = q.where('period_start', '<=', input.period_to)
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    const after = decodeCursor(input.cursor)
    if (after) q = q.where('period_start', '<', String(after[0]))
    const rows = await q
      .selectAll()
      .orderBy('period_start', 'desc')
      .limit(input.limit + 1)
      .execute()
    const page = rows.slice(0, input.limit)
    const [names, measures, sets] = await Promise.all([
      userNames(
        ctx,
        page.map((r) => r.recorded_by),
      ),
      measuresById(
        ctx,
        page.map((r) => r.breach_measure_id),
      ),
      ctx.db.selectFrom('kri_threshold_set').select(['id', 'seq']).where('kri_id', '=', k.id).execute(),
    ])
    const seqOf = new Map(sets.map((s) => [s.id, s.seq]))
    const items = page.map((v) => ({
      id: v.id,
      period_start: v.period_start,
      period_end: v.period_end,
      value: formatE4(v.value_e4),
      status: v.status as ValueStatus,
      version_no: v.version_no,
      corrected: v.version_no > 1,
      origin: v.origin,
      comment: v.comment,
      recorded_by: { id: v.recorded_by, full_name: names.get(v.recorded_by) ?? '' },
      recorded_at: v.recorded_at,
      threshold_set_seq: seqOf.get(v.threshold_set_id) ?? null,
      breach_measure: v.breach_measure_id ? (measures.get(v.breach_measure_id) ?? null) : null,
    }))
    const last = items[items.length - 1]
    return {
      unit: k.unit,
      items,
      next_cursor: rows.length > input.limit && last ? encodeCursor([last.period_start]) : null,
      total,
    }
  },
})

/** kris.md §13 `kri.valueHistory`: every version of one period, newest first. */
export const valueHistory = defineQuery({
  name: 'kri.valueHistory',
  summary: 'Every version of one KRI period, with reasons and origins.',
  input: ValueHistoryInput,
  async handler(ctx, input) {
    const k = await loadKri(ctx, input.kri_id)
    const rows = await ctx.db
      .selectFrom('kri_value')
      .selectAll()
      .where('kri_id', '=', k.id)
      .where('period_start', '=', input.period_start)
      .orderBy('version_no', 'desc')
      .execute()
    const [names, measures, sets] = await Promise.all([
      userNames(
        ctx,
        rows.map((r) => r.recorded_by),
      ),
      measuresById(
        ctx,
        rows.map((r) => r.breach_measure_id),
      ),
      ctx.db.selectFrom('kri_threshold_set').select(['id', 'seq']).where('kri_id', '=', k.id).execute(),
    ])
    const seqOf = new Map(sets.map((s) => [s.id, s.seq]))
    return {
      kri_id: k.id,
      unit: k.unit,
      period_start: input.period_start,
      period_end: rows[0]?.period_end ?? periodEnd(calendarOf(k), input.period_start),
      items: rows.map((v) => ({
        id: v.id,
        version_no: v.version_no,
        is_current: v.is_current === 1,
        value: formatE4(v.value_e4),
        status: v.status as ValueStatus,
        origin: v.origin,
        comment: v.comment,
        correction_reason: v.correction_reason,
        recorded_by: { id: v.recorded_by, full_name: names.get(v.recorded_by) ?? '' },
        recorded_at: v.recorded_at,
        threshold_set_seq: seqOf.get(v.threshold_set_id) ?? null,
        breach_measure: v.breach_measure_id ? (measures.get(v.breach_measure_id) ?? null) : null,
      })),
    }
  },
})

/** kris.md §13 `kri.thresholdHistory`: every threshold set, newest seq first; superseded ones flagged. */
export const thresholdHistory = defineQuery({
  name: 'kri.thresholdHistory',
  summary: 'The history of a KRI’s threshold sets.',
  input: KriIdInput,
  async handler(ctx, input) {
    const k = await loadKri(ctx, input.kri_id)
    const rows = await ctx.db
      .selectFrom('kri_threshold_set')
      .selectAll()
      .where('kri_id', '=', k.id)
      .orderBy('seq', 'desc')
      .execute()
    const live = rows
      .filter((r) => r.superseded_at === null)
      .sort((a, b) => (a.effective_from < b.effective_from ? -1 : 1))
    const today = latestStartedPeriod(calendarOf(k), todayOf(ctx.now)).start
    const todaySet = live.length > 0 ? setInForce(live, today) : undefined
    const names = await userNames(
      ctx,
      rows.map((r) => r.created_by),
    )
    const seqOf = new Map(rows.map((r) => [r.id, r.seq]))
    return {
      kri_id: k.id,
      unit: k.unit,
      items: rows.map((s) => ({
        ...setView(s),
        reason: s.reason,
        created_by: { id: s.created_by, full_name: names.get(s.created_by) ?? '' },
        created_at: s.created_at,
        superseded: s.superseded_at !== null,
        superseded_at: s.superseded_at,
        superseded_by_seq: s.superseded_by_set_id ? (seqOf.get(s.superseded_by_set_id) ?? null) : null,
        in_force_today: s.id === todaySet?.id,
      })),
    }
  },
})

/**
 * The risk detail's KRI list (kris.md §8, risks.md §4): the visible KRIs linked to a visible risk with their
 * status chip data; the ones outside the caller's visibility are only counted ("+N outside your scope").
 */
export const listKrisForRisk = defineQuery({
  name: 'kri.listForRisk',
  summary: 'The KRIs linked to a risk, as its detail shows them.',
  input: RiskIdInput,
  async handler(ctx, input) {
    const risk = await ctx.db
      .selectFrom('risk')
      .select(['risk.id'])
      .where('risk.tenant_id', '=', ctx.meta.tenantId)
      .where('risk.id', '=', input.risk_id)
      .where(riskVisible(ctx.actor))
      .executeTakeFirst()
    if (!risk) return fail.notFound('Risk')
    const linked = ctx.db
      .selectFrom('kri_risk')
      .innerJoin('kri', 'kri.id', 'kri_risk.kri_id')
      .where('kri_risk.risk_id', '=', risk.id)
      .where('kri.deleted_at', 'is', null)
    const total = Number((await linked.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    const rows = await linked
      .where(kriVisible(ctx.actor))
      .select([
        'kri.id',
        'kri.ref',
        'kri.name',
        'kri.unit',
        'kri.frequency',
        'kri.weekdays_only',
        'kri.is_active',
        'kri.current_status',
        'kri.current_period_start',
        'kri.current_value_e4',
        'kri.overdue_period_start',
        'kri_risk.created_at as linked_at',
      ])
      .orderBy('kri.name')
      .orderBy('kri.id')
      .execute()
    return {
      risk_id: risk.id,
      items: rows.map((r) => ({
        id: r.id,
        ref: r.ref,
        name: r.name,
        unit: r.unit,
        is_active: r.is_active === 1,
        current_status: r.current_status as KriStatus,
        current_value: formatE4OrNull(r.current_value_e4),
        current_period_start: r.current_period_start,
        current_period_end: r.current_period_start ? periodEnd(calendarOf(r), r.current_period_start) : null,
        is_overdue: r.overdue_period_start !== null,
        linked_at: r.linked_at,
      })),
      total,
      hidden_count: total - rows.length,
    }
  },
})
