import { expect } from 'vitest'
import { footprint, type TestEnv } from '../support/engines'

// Builders and checks shared by the risks-*.test.ts files (risks.md §18). Everything goes through the real
// catalogue commands, as a user would.

export const T0 = '2026-11-23T14:05:09.123Z'
export const TODAY = '2026-11-23'
export const REF = /^RSK-\d{4}-[A-Z]{3,5}-\d{5,}$/
export const CONFLICT_MESSAGE = 'This risk changed after you saw it. Review the changes and try again.'
export const REASON = 'Scores need another look by the business.'

/** The date `n` days after `from` (YYYY-MM-DD, UTC). */
export function day(n: number, from = TODAY): string {
  return new Date(Date.parse(`${from}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10)
}

/** The id of a business unit by code (RETAIL, WHOLESALE, OPERATIONS, RISK_MGMT, IT, …). */
export async function buId(env: TestEnv, code: string): Promise<string> {
  const r = await env.db.selectFrom('business_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()
  return r.id
}

export type Created = { id: string; ref: string; version: number }

export type RiskOpts = {
  /** Username that runs risk.create (default mgr). */
  creator?: string
  /** Username of the owner (default mgr). */
  owner?: string
  /** Business unit code (default RETAIL). */
  bu?: string
  category?: string
  /** Basel type id; null leaves it empty (default EL6.1). */
  basel?: string | null
  /** [likelihood, impact]; null leaves them empty (default [3, 5]). */
  inherent?: [number, number] | null
  /** [likelihood, impact]; only a risk officer may set them at create (default none). */
  residual?: [number, number] | null
  title?: string
  description?: string
  /** Any other create input, sent as is. */
  extra?: Record<string, unknown>
}

/** The create input `aRisk` sends: a Retail IT risk owned by mgr, inherent 3×5 (Critical), Basel EL6.1. */
export async function riskInput(env: TestEnv, opts: RiskOpts = {}): Promise<Record<string, unknown>> {
  const input: Record<string, unknown> = {
    title: opts.title ?? 'Core banking outage in branches',
    description: opts.description ?? 'Branches lose access to the core banking system for several hours.',
    risk_category_id: opts.category ?? 'IT_RISK',
    business_unit_id: await buId(env, opts.bu ?? 'RETAIL'),
    owner_id: env.users[opts.owner ?? 'mgr'],
  }
  const basel = opts.basel === undefined ? 'EL6.1' : opts.basel
  if (basel !== null) input.basel_event_type_id = basel
  const inherent = opts.inherent === undefined ? [3, 5] : opts.inherent
  if (inherent) [input.inherent_likelihood, input.inherent_impact] = inherent
  if (opts.residual) [input.residual_likelihood, input.residual_impact] = opts.residual
  return { ...input, ...opts.extra }
}

/** A DRAFT risk created through `risk.create` (see `riskInput` for the defaults). */
export async function aRisk(env: TestEnv, opts: RiskOpts = {}): Promise<Created> {
  return env.ok(opts.creator ?? 'mgr', 'risk.create', await riskInput(env, opts))
}

/** An active Retail control created by `ro` through `control.create`. */
export async function aControl(
  env: TestEnv,
  opts: {
    creator?: string
    owner?: string
    bu?: string | undefined
    title?: string
    effectiveness?: number | null
  } = {},
): Promise<Created> {
  const input: Record<string, unknown> = {
    title: opts.title ?? 'Daily reconciliation of branch cash',
    description: 'Branch cash is counted and reconciled every evening.',
    control_frequency: 'DAILY',
    business_unit_id: await buId(env, opts.bu ?? 'RETAIL'),
    owner_id: env.users[opts.owner ?? 'ro'],
  }
  if (opts.effectiveness != null) input.effectiveness = opts.effectiveness
  return env.ok(opts.creator ?? 'ro', 'control.create', input)
}

export async function row(env: TestEnv, id: string) {
  const r = await env.db.selectFrom('risk').selectAll().where('id', '=', id).executeTakeFirst()
  return r ? { ...r, version: Number(r.version) } : undefined
}

export const version = async (env: TestEnv, id: string) => (await row(env, id))!.version

/** Runs one `version` command with the risk's current version as the caller's base. */
export async function move(env: TestEnv, user: string, command: string, id: string, extra: object = {}) {
  return env.ok(user, command, { id, expected_version: await version(env, id), ...extra })
}

export async function tryMove(env: TestEnv, user: string, command: string, id: string, extra: object = {}) {
  return env.call(user, command, { id, expected_version: await version(env, id), ...extra })
}

/** A `risk.update` whose bases are the stored values: `{field: after}` → `{field: {before, after}}`. */
export async function changesFor(env: TestEnv, id: string, after: Record<string, unknown>) {
  const r = (await row(env, id)) as Record<string, unknown>
  return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, { before: r[k] ?? null, after: v }]))
}

export async function edit(env: TestEnv, user: string, id: string, after: Record<string, unknown>) {
  return env.ok(user, 'risk.update', { id, changes: await changesFor(env, id, after) })
}

export async function tryEdit(env: TestEnv, user: string, id: string, after: Record<string, unknown>) {
  return env.call(user, 'risk.update', { id, changes: await changesFor(env, id, after) })
}

export async function link(env: TestEnv, user: string, riskId: string, controlId: string, notes?: string) {
  return env.ok(user, 'risk.linkControl', { risk_id: riskId, control_id: controlId, ...(notes ? { notes } : {}) })
}

/**
 * An ACTIVE risk through the real workflow: `aRisk` (by mgr unless told), an active control linked by `ro`,
 * submitted by the creator, residual (`opts.residual`, default 3×3, Medium) set and approved by `approver` (default ro).
 */
export async function activeRisk(
  env: TestEnv,
  opts: RiskOpts & { approver?: string; control?: string } = {},
): Promise<Created & { controlId: string }> {
  const r = await aRisk(env, { ...opts, residual: null })
  const officer = opts.approver ?? 'ro'
  const controlId = opts.control ?? (await aControl(env, { bu: opts.bu })).id
  await link(env, officer, r.id, controlId)
  await move(env, opts.creator ?? 'mgr', 'risk.submitForReview', r.id)
  const [l, i] = opts.residual ?? [3, 3]
  await edit(env, officer, r.id, { residual_likelihood: l, residual_impact: i })
  await move(env, officer, 'risk.approve', r.id)
  return { ...r, version: await version(env, r.id), controlId }
}

/** A risk in ASSESSED: `aRisk` by the creator (mgr), submitted by them. */
export async function assessedRisk(env: TestEnv, opts: RiskOpts = {}): Promise<Created> {
  const r = await aRisk(env, opts)
  await move(env, opts.creator ?? 'mgr', 'risk.submitForReview', r.id)
  return { ...r, version: await version(env, r.id) }
}

/** Everything a refused risk command must leave as it was: rows, links, notes, snapshots, notifications, audit. */
export async function riskFootprint(env: TestEnv) {
  const [risks, links, notes, snapshots, notifications, config] = await Promise.all([
    env.db.selectFrom('risk').selectAll().orderBy('id').execute(),
    env.db.selectFrom('risk_control').selectAll().orderBy('risk_id').orderBy('control_id').execute(),
    env.db.selectFrom('risk_note').selectAll().orderBy('id').execute(),
    env.db.selectFrom('risk_snapshot').selectAll().orderBy('id').execute(),
    env.db.selectFrom('notification').select(['id', 'active', 'status']).orderBy('id').execute(),
    env.db.selectFrom('risk_allowed_transition').selectAll().orderBy('from_status').orderBy('to_status').execute(),
  ])
  const counters = await env.db.selectFrom('reference_counter').selectAll().orderBy('prefix').execute()
  return { counts: await footprint(env.db), risks, links, notes, snapshots, notifications, config, counters }
}

/** The call is refused with exactly this error, and nothing changed. Returns the error. */
export async function refuse(
  env: TestEnv,
  user: string,
  name: string,
  input: unknown,
  error: { code: string; message?: string; [k: string]: unknown },
) {
  const before = await riskFootprint(env)
  const r = await env.call(user, name, input)
  expect(r).toMatchObject({ ok: false, error })
  expect(await riskFootprint(env)).toEqual(before)
  return r.ok ? (undefined as never) : r.error
}

/** `refuse` for a `version` command, with the risk's current version as the base. */
export async function refuseMove(
  env: TestEnv,
  user: string,
  command: string,
  id: string,
  extra: object,
  error: { code: string; message?: string; [k: string]: unknown },
) {
  return refuse(env, user, command, { id, expected_version: await version(env, id), ...extra }, error)
}

/** `refuse` for a `risk.update` built by `changesFor`. */
export async function refuseEdit(
  env: TestEnv,
  user: string,
  id: string,
  after: Record<string, unknown>,
  error: { code: string; message?: string; [k: string]: unknown },
) {
  return refuse(env, user, 'risk.update', { id, changes: await changesFor(env, id, after) }, error)
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

/** The RISK notifications of one event for a risk, with their recipients' usernames. */
export async function notificationsOf(env: TestEnv, riskId: string, event: string) {
  const rows = await env.db
    .selectFrom('notification')
    .innerJoin('user_notification', 'user_notification.notification_id', 'notification.id')
    .select(['notification.id', 'notification.dedupe_key', 'notification.payload', 'user_notification.user_id'])
    .where('notification.entity_type', '=', 'RISK')
    .where('notification.entity_id', '=', riskId)
    .where('notification.event_type', '=', event)
    .orderBy('notification.id')
    .execute()
  const byId = Object.fromEntries(Object.entries(env.users).map(([name, id]) => [id, name]))
  return rows.map((r) => ({ ...r, user: byId[r.user_id] ?? r.user_id, payload: JSON.parse(r.payload) }))
}

export const recipientsOf = async (env: TestEnv, riskId: string, event: string) =>
  (await notificationsOf(env, riskId, event)).map((n) => n.user).sort()

export async function snapshotsOf(env: TestEnv, riskId: string) {
  return env.db
    .selectFrom('risk_snapshot')
    .selectAll()
    .where('risk_id', '=', riskId)
    .orderBy('taken_at')
    .orderBy('id')
    .execute()
}

/** `ro` deactivates a control through `control.deactivate` (it must not be linked to an ACTIVE risk). */
export async function deactivateControl(env: TestEnv, controlId: string, user = 'ro') {
  const c = await env.db.selectFrom('control').select('version').where('id', '=', controlId).executeTakeFirstOrThrow()
  return env.ok(user, 'control.deactivate', {
    id: controlId,
    expected_version: Number(c.version),
    reason: 'Replaced by the new automated check.',
  })
}
