import { expect } from 'vitest'
import type { TestEnv } from './engines'

export const EUR = (major: number) => Math.round(major * 100)

/** The Retail process and product the test organisation loads (data/demo-org.json). */
export async function retailRefs(env: TestEnv) {
  const process = await env.db
    .selectFrom('business_process')
    .select('id')
    .where('name', '=', 'Credit Cards')
    .executeTakeFirstOrThrow()
  const product = await env.db
    .selectFrom('product')
    .select('id')
    .where('name', '=', 'Credit Card')
    .executeTakeFirstOrThrow()
  return { business_process_id: process.id, product_id: product.id }
}

export async function row(env: TestEnv, id: string) {
  return env.db.selectFrom('incident').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

export async function version(env: TestEnv, id: string): Promise<number> {
  return Number((await row(env, id)).version)
}

type Flow = { id: string; ref: string }

/** A draft by `creator` with what submit needs; `extra` fields go into the create. */
export async function draft(env: TestEnv, creator = 'emp', extra: Record<string, unknown> = {}): Promise<Flow> {
  return env.ok(creator, 'incident.create', {
    title: 'Card skimming at branch 12',
    description: 'Two customers reported skimmed cards.',
    simplified_event_type_id: 'FRAUD',
    gross_loss_amount: EUR(100),
    currency_code: 'EUR',
    ...extra,
  })
}

export async function submit(env: TestEnv, f: Flow, creator = 'emp') {
  return env.ok(creator, 'incident.submit', { id: f.id, expected_version: await version(env, f.id) })
}

/** The manager fills what review needs (process, product) and approves. */
export async function review(env: TestEnv, f: Flow, manager = 'mgr') {
  const refs = await retailRefs(env)
  const r = await row(env, f.id)
  const changes: Record<string, { before: unknown; after: unknown }> = {}
  if (!r.business_process_id) changes.business_process_id = { before: null, after: refs.business_process_id }
  if (!r.product_id) changes.product_id = { before: null, after: refs.product_id }
  if (Object.keys(changes).length > 0) await env.ok(manager, 'incident.update', { id: f.id, changes })
  return env.ok(manager, 'incident.review', { id: f.id, expected_version: await version(env, f.id) })
}

export async function classify(env: TestEnv, f: Flow, officer = 'ro', basel = 'EL2') {
  return env.ok(officer, 'incident.update', {
    id: f.id,
    changes: { basel_event_type_id: { before: null, after: basel } },
  })
}

export async function validate(env: TestEnv, f: Flow, officer = 'ro') {
  return env.ok(officer, 'incident.validate', { id: f.id, expected_version: await version(env, f.id) })
}

/** DRAFT → PENDING_REVIEW → PENDING_VALIDATION by emp and mgr. */
export async function pendingValidation(env: TestEnv, extra: Record<string, unknown> = {}, creator = 'emp') {
  const f = await draft(env, creator, extra)
  await submit(env, f, creator)
  await review(env, f)
  return f
}

export async function validated(env: TestEnv, extra: Record<string, unknown> = {}) {
  const f = await pendingValidation(env, extra)
  await classify(env, f)
  await validate(env, f)
  return f
}

export function expectError(r: { ok: boolean; error?: unknown }, error: Record<string, unknown>) {
  expect(r.ok).toBe(false)
  expect((r as { error: unknown }).error).toMatchObject(error)
}
