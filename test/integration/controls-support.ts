import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { importFile } from '#main/evidence/evidence-store'
import { footprint, type TestEnv } from '../support/engines'

// Builders and checks shared by the controls-*.test.ts files (controls.md §14).

export const T0 = '2026-11-23T14:05:09.123Z'
export const TODAY = '2026-11-23'
export const CTL_REF = /^CTL-\d{4}-[A-Z]{3,5}-\d{5,}$/

/** The date `n` days after `from` (YYYY-MM-DD, UTC). */
export function day(n: number, from = TODAY): string {
  return new Date(Date.parse(`${from}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10)
}

const buCache = new WeakMap<TestEnv, Record<string, string>>()
/** Business unit id by code (RETAIL, WHOLESALE, OPERATIONS, RISK_MGMT, IT, INFOSEC …). */
export async function bu(env: TestEnv, code: string): Promise<string> {
  let map = buCache.get(env)
  if (!map) {
    const rows = await env.db.selectFrom('business_unit').select(['id', 'code']).execute()
    map = Object.fromEntries(rows.map((r) => [r.code ?? r.id, r.id]))
    buCache.set(env, map)
  }
  const id = map[code]
  if (!id) throw new Error(`no business unit ${code}`)
  return id
}

export async function processId(env: TestEnv, code: string): Promise<string> {
  const r = await env.db.selectFrom('business_process').select('id').where('code', '=', code).executeTakeFirstOrThrow()
  return r.id
}

export type Created = { id: string; ref: string; version: number }

let seq = 0
/** `creator` (default `ro`) creates a control; only what a test names differs from the defaults. */
export async function aControl(
  env: TestEnv,
  opts: {
    creator?: string
    bu?: string | undefined
    owner?: string
    title?: string
    description?: string
    code?: string
    control_type?: string
    control_nature?: string
    control_frequency?: string
    effectiveness?: number | null
    group_wide?: boolean
  } = {},
): Promise<Created> {
  seq += 1
  const input: Record<string, unknown> = {
    title: opts.title ?? `Dual authorisation of payments ${seq}`,
    description: opts.description ?? 'Every outgoing payment above the limit needs a second approver.',
    control_frequency: opts.control_frequency ?? 'DAILY',
    business_unit_id: await bu(env, opts.bu ?? 'RETAIL'),
    owner_id: env.users[opts.owner ?? 'mgr'],
  }
  for (const k of ['code', 'control_type', 'control_nature', 'effectiveness', 'group_wide'] as const)
    if (opts[k] !== undefined) input[k] = opts[k]
  return env.ok(opts.creator ?? 'ro', 'control.create', input)
}

export async function controlRow(env: TestEnv, id: string) {
  const r = await env.db.selectFrom('control').selectAll().where('id', '=', id).executeTakeFirst()
  return r ? { ...r, version: Number(r.version) } : undefined
}

export async function controlVersion(env: TestEnv, id: string): Promise<number> {
  return (await controlRow(env, id))!.version
}

/** Everything a refused control command must leave as it was. */
export async function controlFootprint(env: TestEnv) {
  const [controls, refs, evidence, revisions, tests, notifications] = await Promise.all([
    env.db.selectFrom('control').selectAll().orderBy('id').execute(),
    env.db.selectFrom('control_framework_ref').selectAll().orderBy('id').execute(),
    env.db.selectFrom('evidence').selectAll().orderBy('id').execute(),
    env.db.selectFrom('evidence_revision').selectAll().orderBy('id').execute(),
    env.db.selectFrom('control_test').selectAll().orderBy('id').execute(),
    env.db.selectFrom('notification').select(['id', 'active', 'status']).orderBy('id').execute(),
  ])
  return { counts: await footprint(env.db), controls, refs, evidence, revisions, tests, notifications }
}

/** The call is refused with exactly this error, and nothing changed. */
export async function refuse(
  env: TestEnv,
  user: string,
  name: string,
  input: unknown,
  error: { code: string; message?: string },
) {
  const before = await controlFootprint(env)
  const r = await env.call(user, name, input)
  expect(r).toMatchObject({ ok: false, error })
  expect(await controlFootprint(env)).toEqual(before)
  return r.ok ? undefined : r.error
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

// ---- evidence (controls.md §6) ----

export const MB = 1024 * 1024

/** Writes `bytes` to a temporary file outside the store, as a user's document would be. */
export function userFile(bytes: Uint8Array | string, name = 'report.pdf'): string {
  const dir = mkdtempSync(join(tmpdir(), 'riskdesk-user-'))
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}

/** The SHA-256 of the bytes, computed independently of the store. */
export const sha256Of = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex')

/** Streams a user's file into the env's evidence store through the real store, as "Attach file" does. */
export async function attach(env: TestEnv, bytes: Uint8Array | string, name = 'report.pdf') {
  return importFile(env.dataDir, userFile(bytes, name), 50 * MB)
}

export type EvidenceOpts = {
  user?: string
  title?: string
  kind?: string
  collected_at?: string
  valid_until?: string | null
  bytes?: string
  name?: string
}

/** A file revision payload for `bytes`, stored in the env's store. */
export async function fileRevision(env: TestEnv, opts: EvidenceOpts = {}) {
  const file = await attach(env, opts.bytes ?? `Evidence body ${Math.random()}`, opts.name ?? 'report.pdf')
  return {
    ...file,
    collected_at: opts.collected_at ?? env.clock.now(),
    ...(opts.valid_until !== undefined ? { valid_until: opts.valid_until } : {}),
  }
}

/** `user` (default ro) adds a DOCUMENT evidence record with a stored file to the control. */
export async function anEvidence(env: TestEnv, controlId: string, opts: EvidenceOpts = {}) {
  return env.ok<{ id: string; revision_id: string; version: number }>(opts.user ?? 'ro', 'evidence.create', {
    control_id: controlId,
    title: opts.title ?? 'Quarterly access review',
    kind: opts.kind ?? 'DOCUMENT',
    revision: await fileRevision(env, opts),
  })
}

export async function evidenceVersion(env: TestEnv, id: string): Promise<number> {
  const r = await env.db.selectFrom('evidence').select('version').where('id', '=', id).executeTakeFirstOrThrow()
  return Number(r.version)
}

/** Reviews a revision with the record's current version as the base. */
export async function review(
  env: TestEnv,
  user: string,
  revisionId: string,
  decision: 'ACCEPTED' | 'REJECTED',
  note?: string,
) {
  return env.call(user, 'evidence.reviewRevision', await reviewInput(env, revisionId, decision, note))
}

export async function reviewInput(env: TestEnv, revisionId: string, decision: string, note?: string) {
  const rev = await env.db
    .selectFrom('evidence_revision')
    .select('evidence_id')
    .where('id', '=', revisionId)
    .executeTakeFirstOrThrow()
  return {
    revision_id: revisionId,
    decision,
    expected_version: await evidenceVersion(env, rev.evidence_id),
    ...(note !== undefined ? { note } : {}),
  }
}

export async function revisionsOf(env: TestEnv, evidenceId: string) {
  const rows = await env.db
    .selectFrom('evidence_revision')
    .selectAll()
    .where('evidence_id', '=', evidenceId)
    .orderBy('version_no')
    .execute()
  return rows.map((r) => ({
    ...r,
    version_no: Number(r.version_no),
    file_size: r.file_size === null ? null : Number(r.file_size),
  }))
}

/** The CONTROL notifications of one event, with their recipients' usernames. */
export async function controlNotices(env: TestEnv, controlId: string, event: string) {
  const rows = await env.db
    .selectFrom('notification')
    .innerJoin('user_notification', 'user_notification.notification_id', 'notification.id')
    .select(['notification.id', 'notification.dedupe_key', 'notification.payload', 'user_notification.user_id'])
    .where('notification.entity_type', '=', 'CONTROL')
    .where('notification.entity_id', '=', controlId)
    .where('notification.event_type', '=', event)
    .orderBy('notification.id')
    .execute()
  const byId = Object.fromEntries(Object.entries(env.users).map(([name, id]) => [id, name]))
  return rows.map((r) => ({ ...r, user: byId[r.user_id] ?? r.user_id, payload: JSON.parse(r.payload) }))
}
