import { expect } from 'vitest'
import { footprint, type TestEnv } from '../support/engines'

// Builders and checks shared by the kris-*.test.ts files (kris.md §15). Everything goes through the real
// catalogue commands, as a user would.

export const T0 = '2026-11-23T14:05:09.123Z' // a Monday
export const TODAY = '2026-11-23'
export const REF = /^KRI-\d{4}-[A-Z]{3,5}-\d{5,}$/
export const KRI_CONFLICT = 'This KRI changed after you saw it. Review the changes and try again.'

/** Noon UTC of a date, as a clock value. */
export const at = (date: string) => `${date}T12:00:00.000Z`

/** The id of a business unit by code (RETAIL, WHOLESALE, OPERATIONS, RISK_MGMT, IT, …). */
export async function buId(env: TestEnv, code: string): Promise<string> {
  const r = await env.db.selectFrom('business_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()
  return r.id
}

export type Thresholds = Record<string, string>
export const HIGHER: Thresholds = { direction: 'higher_is_worse', target: '2', amber: '5', red: '10' }
export const LOWER: Thresholds = { direction: 'lower_is_worse', target: '99.5', amber: '98', red: '95' }
export const BAND: Thresholds = {
  direction: 'within_band',
  target: '50',
  red_low: '10',
  amber_low: '20',
  amber_high: '80',
  red_high: '90',
}

export type KriOpts = {
  creator?: string
  owner?: string
  bu?: string
  name?: string
  unit?: string
  frequency?: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'ANNUALLY'
  thresholds?: Thresholds
  extra?: Record<string, unknown>
}

let counter = 0
/** A unique KRI name per call (names are unique among active KRIs). */
export const kriName = (base = 'Failed card payments') => `${base} ${++counter}`

export async function kriInput(env: TestEnv, opts: KriOpts = {}): Promise<Record<string, unknown>> {
  return {
    name: opts.name ?? kriName(),
    unit: opts.unit ?? 'count',
    frequency: opts.frequency ?? 'MONTHLY',
    owner_id: env.users[opts.owner ?? 'emp'],
    business_unit_id: await buId(env, opts.bu ?? 'RETAIL'),
    thresholds: opts.thresholds ?? HIGHER,
    ...opts.extra,
  }
}

export type Created = { id: string; ref: string; version: number }

/** A KRI created by `ro` (unless told): monthly, Retail, owned by emp, higher_is_worse 2/5/10. */
export async function aKri(env: TestEnv, opts: KriOpts = {}): Promise<Created> {
  return env.ok(opts.creator ?? 'ro', 'kri.create', await kriInput(env, opts))
}

export async function kriRow(env: TestEnv, id: string) {
  const r = await env.db.selectFrom('kri').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  return {
    ...r,
    version: Number(r.version),
    current_value_e4: r.current_value_e4 === null ? null : Number(r.current_value_e4),
  }
}

export const kriVersion = async (env: TestEnv, id: string) => (await kriRow(env, id)).version

export async function record(env: TestEnv, user: string, kriId: string, period: string, value: string, extra = {}) {
  return env.ok(user, 'kri.recordValue', { kri_id: kriId, period_start: period, value, ...extra })
}

/** The current version number of a period, for a correction's base. */
export async function currentVersionNo(env: TestEnv, kriId: string, period: string) {
  const r = await env.db
    .selectFrom('kri_value')
    .select('version_no')
    .where('kri_id', '=', kriId)
    .where('period_start', '=', period)
    .where('is_current', '=', 1)
    .executeTakeFirstOrThrow()
  return Number(r.version_no)
}

export async function correct(
  env: TestEnv,
  user: string,
  kriId: string,
  period: string,
  value: string,
  reason = 'Source report was restated.',
  extra = {},
) {
  return env.ok(user, 'kri.correctValue', {
    kri_id: kriId,
    period_start: period,
    expected_version_no: await currentVersionNo(env, kriId, period),
    value,
    reason,
    ...extra,
  })
}

/** Runs one `version` command with the KRI's current version as the caller's base. */
export async function move(env: TestEnv, user: string, command: string, id: string, extra: object = {}) {
  return env.ok(user, command, { id, expected_version: await kriVersion(env, id), ...extra })
}

/** A `kri.update` whose bases are the stored values: `{field: after}` → `{field: {before, after}}`. */
export async function changesFor(env: TestEnv, id: string, after: Record<string, unknown>) {
  const r = (await kriRow(env, id)) as Record<string, unknown>
  const stored = (k: string) => (k === 'weekdays_only' || k === 'create_measure_on_red' ? r[k] === 1 : (r[k] ?? null))
  return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, { before: stored(k), after: v }]))
}

export async function valuesOf(env: TestEnv, kriId: string) {
  return env.db
    .selectFrom('kri_value')
    .selectAll()
    .where('kri_id', '=', kriId)
    .orderBy('period_start')
    .orderBy('version_no')
    .execute()
}

/** Everything a refused KRI command must leave as it was: rows, links, notifications, counters, audit. */
export async function kriFootprint(env: TestEnv) {
  const [kris, sets, values, links, notifications, counters] = await Promise.all([
    env.db.selectFrom('kri').selectAll().orderBy('id').execute(),
    env.db.selectFrom('kri_threshold_set').selectAll().orderBy('id').execute(),
    env.db.selectFrom('kri_value').selectAll().orderBy('id').execute(),
    env.db.selectFrom('kri_risk').selectAll().orderBy('kri_id').orderBy('risk_id').execute(),
    env.db.selectFrom('notification').select(['id', 'active', 'status']).orderBy('id').execute(),
    env.db.selectFrom('reference_counter').selectAll().orderBy('prefix').execute(),
  ])
  return { counts: await footprint(env.db), kris, sets, values, links, notifications, counters }
}

/** The call is refused with exactly this error, and nothing changed. Returns the error. */
export async function refuse(
  env: TestEnv,
  user: string,
  name: string,
  input: unknown,
  error: { code: string; message?: string; [k: string]: unknown },
) {
  const before = await kriFootprint(env)
  const r = await env.call(user, name, input)
  expect(r).toMatchObject({ ok: false, error })
  expect(await kriFootprint(env)).toEqual(before)
  return r.ok ? (undefined as never) : r.error
}

export async function auditOf(env: TestEnv, entityId: string) {
  const rows = await env.db
    .selectFrom('audit_entry')
    .selectAll()
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute()
  return rows.map((r) => ({
    ...r,
    changes: JSON.parse(r.changes) as { field: string; before: unknown; after: unknown }[],
  }))
}

/** The KRI notifications of one event for a KRI, with their recipients' usernames, oldest first. */
export async function kriNotifications(env: TestEnv, kriId: string, event: string) {
  const rows = await env.db
    .selectFrom('notification')
    .leftJoin('user_notification', 'user_notification.notification_id', 'notification.id')
    .select([
      'notification.id',
      'notification.dedupe_key',
      'notification.payload',
      'notification.priority',
      'notification.requires_action',
      'notification.active',
      'notification.recipient_user_id',
      'user_notification.user_id',
    ])
    .where('notification.entity_type', '=', 'KRI')
    .where('notification.entity_id', '=', kriId)
    .where('notification.event_type', '=', event)
    .orderBy('notification.created_at')
    .orderBy('notification.id')
    .execute()
  const names = Object.fromEntries(Object.entries(env.users).map(([name, id]) => [id, name]))
  return rows.map((r) => ({
    ...r,
    user: r.user_id ? names[r.user_id] : null,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
  }))
}

export async function sweep(env: TestEnv) {
  const r = await env.dispatcher.runJob('kri.sweepOverdue')
  expect(r.ok).toBe(true)
  return r.ok ? (r.value as { created: number }) : (undefined as never)
}

type Page = { items: { id: string }[]; next_cursor: string | null; total: number }

/** Every page of a paged query for the user, in order. */
export async function allPages(env: TestEnv, user: string, name: string, input: Record<string, unknown> = {}) {
  const ids: string[] = []
  let cursor: string | null = null
  do {
    const page: Page = await env.ok(user, name, { ...input, limit: 100, ...(cursor ? { cursor } : {}) })
    ids.push(...page.items.map((i) => i.id))
    cursor = page.next_cursor
  } while (cursor)
  return ids
}
