import { expect } from 'vitest'
import { footprint, type TestEnv } from '../support/engines'

// Builders and checks shared by the measures-*.test.ts files (measures.md §17).

export const T0 = '2026-11-23T14:05:09.123Z'
export const TODAY = '2026-11-23'
export const REF = /^MSR-\d{4}-[A-Z]{3,5}-\d{5,}$/

/** The date `n` days after `from` (YYYY-MM-DD, UTC). */
export function day(n: number, from = TODAY): string {
  return new Date(Date.parse(`${from}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10)
}

export type Created = { id: string; ref: string; version: number }

/** `creator` creates a measure for `responsible` (usernames); only what a test names differs. */
export async function aMeasure(
  env: TestEnv,
  opts: {
    creator?: string
    responsible?: string
    description?: string
    deadline?: string | null
    incident?: string
  } = {},
): Promise<Created> {
  const input: Record<string, unknown> = {
    description: opts.description ?? 'Replace the cash drawer locks.',
    responsible_user_id: env.users[opts.responsible ?? 'emp'],
  }
  if (opts.deadline !== undefined) input.deadline = opts.deadline
  if (opts.incident) input.incident_id = opts.incident
  return env.ok(opts.creator ?? 'mgr', 'measure.create', input)
}

export async function row(env: TestEnv, id: string) {
  const r = await env.db.selectFrom('measure').selectAll().where('id', '=', id).executeTakeFirst()
  return r ? { ...r, version: Number(r.version) } : undefined
}

const version = async (env: TestEnv, id: string) => (await row(env, id))!.version

/** Runs one transition with the measure's current version as the caller's base. */
export async function move(
  env: TestEnv,
  user: string,
  command: string,
  id: string,
  extra: Record<string, unknown> = {},
) {
  return env.ok(user, command, { id, expected_version: await version(env, id), ...extra })
}

export async function tryMove(
  env: TestEnv,
  user: string,
  command: string,
  id: string,
  extra: Record<string, unknown> = {},
) {
  return env.call(user, command, { id, expected_version: await version(env, id), ...extra })
}

const EVIDENCE = 'Work finished and verified on site.'
const REASON = 'Not needed any more after the reorganisation.'

/**
 * A measure walked through the real commands into `status`: the doer (responsible) starts and submits,
 * `officer` (not the doer) completes or cancels.
 */
export async function measureIn(
  env: TestEnv,
  status: 'OPEN' | 'IN_PROGRESS' | 'PENDING_REVIEW' | 'COMPLETED' | 'CANCELLED',
  opts: Parameters<typeof aMeasure>[1] & { officer?: string } = {},
): Promise<Created> {
  const m = await aMeasure(env, opts)
  const doer = opts.responsible ?? 'emp'
  const officer = opts.officer ?? 'rog'
  if (status === 'OPEN') return m
  await move(env, doer, 'measure.start', m.id)
  if (status === 'CANCELLED') await move(env, officer, 'measure.cancel', m.id, { reason: REASON })
  if (status === 'PENDING_REVIEW' || status === 'COMPLETED')
    await move(env, doer, 'measure.submitForReview', m.id, { evidence: EVIDENCE })
  if (status === 'COMPLETED')
    await move(env, officer, 'measure.complete', m.id, { closure_comment: 'Verified on site visit.' })
  return { ...m, version: await version(env, m.id) }
}

/** An incident reported by `user` (usernames), in DRAFT. */
export async function anIncident(env: TestEnv, user = 'emp', title = 'Card skimmer at branch') {
  return env.ok<{ id: string; ref: string }>(user, 'incident.create', { title, description: 'Found during audit.' })
}

/** Everything a refused measure command must leave as it was (MEA-28): rows, links, notifications, audit. */
export async function measureFootprint(env: TestEnv) {
  const [measures, links, notifications, editable, counters] = await Promise.all([
    env.db.selectFrom('measure').selectAll().orderBy('id').execute(),
    env.db.selectFrom('incident_measure').selectAll().orderBy('incident_id').orderBy('measure_id').execute(),
    env.db.selectFrom('notification').select(['id', 'active', 'status']).orderBy('id').execute(),
    env.db
      .selectFrom('measure_editable_field')
      .selectAll()
      .orderBy('status')
      .orderBy('party')
      .orderBy('field')
      .execute(),
    env.db.selectFrom('reference_counter').selectAll().orderBy('prefix').execute(),
  ])
  return { counts: await footprint(env.db), measures, links, notifications, editable, counters }
}

/** The call is refused with exactly this error, and nothing changed (MEA-28). */
export async function refuse(
  env: TestEnv,
  user: string,
  name: string,
  input: unknown,
  error: { code: string; message?: string },
) {
  const before = await measureFootprint(env)
  const r = await env.call(user, name, input)
  expect(r).toMatchObject({ ok: false, error })
  expect(await measureFootprint(env)).toEqual(before)
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

type Page = { items: { id: string }[]; next_cursor: string | null; total?: number }

/** Every page of measure.list for the user, in order. */
export async function listAll(env: TestEnv, user: string, filters: Record<string, unknown> = {}) {
  const ids: string[] = []
  let cursor: string | null = null
  do {
    const page: Page = await env.ok(user, 'measure.list', { ...filters, limit: 100, ...(cursor ? { cursor } : {}) })
    ids.push(...page.items.map((i) => i.id))
    cursor = page.next_cursor
  } while (cursor)
  return ids
}
