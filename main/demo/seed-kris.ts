import { mintReference } from '#shared/catalogue/references'
import type { Trx } from '#shared/db/schema'
import { toE4 } from '#shared/kris/kri.decimal.rules'
import {
  periodContaining,
  periodEnd,
  periodsBefore,
  type Calendar,
  type Frequency,
} from '#shared/kris/kri.period.rules'
import { statusOf, type Direction, type Thresholds } from '#shared/kris/kri.status.rules'
import { getSetting } from '#shared/settings/app-settings'
import org from '../../data/demo-org.json' with { type: 'json' }
import { newId } from '../ids'
import { demoAudit } from './demo-audit'
import type { PendingSnapshot } from './seed-rcsa'

const RANK = { RED: 0, AMBER: 1, GREEN: 2 } as const

/**
 * The demo KRIs (kris.md §14, data/demo-org.json `kris`) with their thresholds, risk links and values. Periods
 * are relative to install: M−k is the k-th calendar month before the current one, W−k the k-th weekday before
 * install day. Statuses come from the shared status rule. Each value is recorded the day after its period
 * ends (never after install). Then the risks' approval snapshots are written with the worst status their
 * linked KRIs had at the approval.
 */
export async function seedKris(
  trx: Trx,
  opts: { now: string; tenantId: string; risks: Map<string, string>; snapshots: PendingSnapshot[] },
) {
  const meta = await trx.selectFrom('db_meta').selectAll().executeTakeFirstOrThrow()
  const { now, tenantId } = opts
  const today = now.slice(0, 10)
  const users = new Map(
    (await trx.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]),
  )
  const units = new Map(
    (await trx.selectFrom('business_unit').select(['id', 'code']).execute()).map((u) => [u.code, u.id]),
  )
  const grace = await getSetting(trx, 'kri_default_grace_days')
  const carol = users.get('carol_orm')!
  const { record, flush } = demoAudit(meta, now)

  // Per linked risk: the statuses its KRIs had, as [recorded_at, period_start, status], to rebuild the snapshot.
  const history = new Map<string, { kri: string; recorded: string; period: string; status: string }[]>()
  for (const k of org.kris) {
    const cal: Calendar = { frequency: k.frequency as Frequency, weekdaysOnly: k.weekdaysOnly }
    const startOf = (label: string) => {
      const n = Number(label.slice(2))
      return label.startsWith('M')
        ? periodsBefore(cal, periodContaining(cal, today)!.start, n)
        : periodsBefore(cal, today, n)
    }
    const values = k.values
      .map((v) => ({ ...v, start: startOf(v.period) }))
      .sort((a, b) => a.start.localeCompare(b.start))
    const owner = users.get(k.owner)!
    const ref = await mintReference(trx, 'KRI', now, meta.device_code)
    const kri = {
      id: newId(),
      tenant_id: tenantId,
      version: 1,
      created_at: now,
      updated_at: now,
      scope_keys: '[]',
      ref,
      name: k.name,
      description: null,
      unit: k.unit,
      frequency: k.frequency,
      weekdays_only: k.weekdaysOnly ? 1 : 0,
      first_period_start: values[0]!.start,
      grace_days: grace[k.frequency as Frequency],
      owner_id: owner,
      business_unit_id: units.get(k.businessUnit)!,
      data_source: null,
      create_measure_on_red: 0,
      measure_due_days: 30,
      is_active: 1,
      activated_on: today,
      deactivated_at: null,
      deactivated_by: null,
      deactivation_reason: null,
      current_status: 'NO_DATA',
      current_period_start: null as string | null,
      current_value_e4: null as number | null,
      overdue_period_start: null,
      created_by: carol,
      updated_by: carol,
      deleted_at: null,
      deleted_by: null,
    }
    const t = k.thresholds as { direction: Direction; target: string; amber?: string; red?: string }
    const thresholds: Thresholds = {
      direction: t.direction,
      amber_e4: t.amber ? toE4(t.amber) : null,
      red_e4: t.red ? toE4(t.red) : null,
      amber_low_e4: null,
      amber_high_e4: null,
      red_low_e4: null,
      red_high_e4: null,
      target_e4: toE4(t.target),
    }
    const last = values.at(-1)!
    kri.current_status = statusOf(thresholds, toE4(last.value))
    kri.current_period_start = last.start
    kri.current_value_e4 = toE4(last.value)
    await trx.insertInto('kri').values(kri).execute()
    record('kri', kri.id, kri, ref)
    const set = {
      id: newId(),
      tenant_id: tenantId,
      kri_id: kri.id,
      seq: 1,
      effective_from: kri.first_period_start,
      ...thresholds,
      reason: null,
      created_by: carol,
      created_at: now,
      superseded_at: null,
      superseded_by_set_id: null,
    }
    await trx.insertInto('kri_threshold_set').values(set).execute()
    record('kri_threshold_set', set.id, set, ref)
    for (const v of values) {
      const end = periodEnd(cal, v.start)
      const dayAfter = new Date(Date.parse(`${end}T09:00:00.000Z`) + 86_400_000).toISOString()
      const value = {
        id: newId(),
        tenant_id: tenantId,
        kri_id: kri.id,
        period_start: v.start,
        period_end: end,
        version_no: 1,
        value_e4: toE4(v.value),
        status: statusOf(thresholds, toE4(v.value)),
        threshold_set_id: set.id,
        comment: null,
        correction_reason: null,
        origin: 'RECORDED',
        recorded_by: owner,
        recorded_at: dayAfter < now ? dayAfter : now,
        is_current: 1,
        breach_measure_id: null,
      }
      await trx.insertInto('kri_value').values(value).execute()
      record('kri_value', value.id, value, ref)
      for (const key of k.linkedRisks) {
        const seen = history.get(key) ?? []
        seen.push({ kri: kri.id, recorded: value.recorded_at, period: v.start, status: value.status })
        history.set(key, seen)
      }
    }
    for (const key of k.linkedRisks) {
      const link = {
        kri_id: kri.id,
        risk_id: opts.risks.get(key)!,
        tenant_id: tenantId,
        created_by_user_id: carol,
        created_at: now,
      }
      await trx.insertInto('kri_risk').values(link).execute()
      record('kri_risk', `${kri.id}:${link.risk_id}`, link, ref)
    }
  }

  // risks.md §2.4: worst current status of the linked KRIs at the approval (their latest period recorded by then).
  const keyOf = new Map([...opts.risks].map(([key, id]) => [id, key]))
  for (const { row, ref } of opts.snapshots) {
    const latest = new Map<string, { period: string; status: string }>()
    for (const r of (history.get(keyOf.get(row.risk_id)!) ?? []).filter((x) => x.recorded <= row.taken_at)) {
      const seen = latest.get(r.kri)
      if (!seen || r.period > seen.period) latest.set(r.kri, r)
    }
    const worst = [...latest.values()].map((r) => r.status as keyof typeof RANK).sort((a, b) => RANK[a] - RANK[b])[0]
    const snapshot = { ...row, worst_kri_status: worst ?? null }
    await trx
      .insertInto('risk_snapshot')
      .values(snapshot as never)
      .execute()
    record('risk_snapshot', snapshot.id, snapshot, ref)
  }
  await flush(trx)
}
