import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { catalogueOf, defineCommand } from '#shared/catalogue/define'
import { createDispatcher, type DispatcherDeps } from '#shared/catalogue/dispatcher'
import { catalogue } from '#shared/catalogue/index'
import { newId, sha256Hex } from '#main/ids'
import { argon2Passwords } from '#main/passwords'
import { ENGINES, footprint, testEnv, type TestEnv } from '../support/engines'

const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** A command that writes a non-incident row, records an audit entry, then fails with a plain Error. */
const explode = defineCommand({
  name: 'test.explode',
  summary: 'Writes, then throws a plain Error.',
  input: z.strictObject({}),
  sync: 'push',
  concurrency: 'none',
  touches: ['users'],
  async handler(ctx) {
    await ctx.db
      .updateTable('users')
      .set({ full_name: 'Overwritten by a failing command' })
      .where('id', '=', ctx.actor.id)
      .execute()
    ctx.audit.record({
      entityType: 'user',
      entityId: ctx.actor.id,
      changes: [{ field: 'full_name', before: 'x', after: 'y' }],
    })
    throw new Error('db path /secret')
  },
})

type Logged = Record<string, unknown>

describe.each(ENGINES)('dispatcher failures on %s', (engine) => {
  let env: TestEnv
  const logged: Logged[] = []
  const deps = (extra: Partial<DispatcherDeps>): DispatcherDeps => ({
    db: env.db,
    catalogue,
    clock: () => env.clock.now(),
    newId,
    services: { passwords: argon2Passwords, sha256Hex },
    log: { error: (f) => void logged.push(f) },
    rulesVersion: 1,
    ...extra,
  })
  const diagnostics = async () => ({
    counters: await env.db.selectFrom('reference_counter').selectAll().orderBy('prefix').execute(),
    sync: await env.db.selectFrom('sync_state').selectAll().execute(),
    names: await env.db.selectFrom('users').select(['id', 'full_name']).orderBy('id').execute(),
  })
  const errorLog = (correlationId: string) =>
    env.db.selectFrom('error_log').selectAll().where('correlation_id', '=', correlationId).execute()

  beforeAll(async () => {
    env = await testEnv(engine)
    await env.ok('emp', 'incident.create', { title: 'Before the failures', description: 'Baseline record.' })
  })
  afterAll(async () => env?.close())

  it('SEC-27 a plain Error becomes INTERNAL with only the message and a new correlation id', async () => {
    logged.length = 0
    const d = createDispatcher(deps({ catalogue: catalogueOf([explode]) }))
    const before = await footprint(env.db)
    const state = await diagnostics()
    const r = await d.call({ name: 'test.explode', input: {}, session: env.as('emp') })
    expect(r.ok).toBe(false)
    if (r.ok || r.error.code !== 'INTERNAL') throw new Error(`expected INTERNAL, got ${JSON.stringify(r)}`)
    const { correlationId } = r.error
    expect(correlationId).toMatch(UUID7)
    expect(r.error).toEqual({
      code: 'INTERNAL',
      message: `Something went wrong. The error was recorded with reference ${correlationId}.`,
      correlationId,
    })
    expect(JSON.stringify(r)).not.toMatch(/secret|db path|\bat\b.*\.ts/)

    // The main log line with that id holds the stack.
    const line = logged.find((l) => l['correlationId'] === correlationId)
    expect(line).toMatchObject({ event: 'internal_error', command: 'test.explode', message: 'db path /secret' })
    expect(String(line!['stack'])).toMatch(/^Error: db path \/secret\n\s+at /)
    expect(String(line!['stack'])).toContain('dispatcher-errors.test.ts')

    // One error-log row with the id, itself free of the detail.
    const rows = await errorLog(correlationId)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      category: 'INTERNAL',
      code: 'INTERNAL',
      command: 'test.explode',
      user_id: env.users['emp'],
      at: env.clock.now(),
    })
    expect(JSON.stringify(rows[0])).not.toContain('/secret')

    // No business, audit or outbox change: the user's name write was rolled back with everything else.
    expect(await footprint(env.db)).toEqual(before)
    expect(await diagnostics()).toEqual(state)
  })

  it('SEC-27 every INTERNAL gets its own correlation id and error-log row', async () => {
    const d = createDispatcher(deps({ catalogue: catalogueOf([explode]) }))
    const a = await d.call({ name: 'test.explode', input: {}, session: env.as('mgr') })
    const b = await d.call({ name: 'test.explode', input: {}, session: env.as('mgr') })
    if (a.ok || b.ok || a.error.code !== 'INTERNAL' || b.error.code !== 'INTERNAL')
      throw new Error('expected INTERNAL twice')
    expect(a.error.correlationId).not.toBe(b.error.correlationId)
    expect(await errorLog(a.error.correlationId)).toHaveLength(1)
    expect(await errorLog(b.error.correlationId)).toHaveLength(1)
  })

  it('SEC-30 a fault after the business write, before COMMIT, leaves no incident, audit entry, outbox row or reference', async () => {
    const seen: string[] = []
    const d = createDispatcher(
      deps({
        faultInjector: (name) => {
          seen.push(name)
          if (name === 'incident.create') throw new Error('boom')
        },
      }),
    )
    const before = await footprint(env.db)
    const state = await diagnostics()
    const r = await d.call({
      name: 'incident.create',
      input: { title: 'Never committed', description: 'Fault injected.' },
      session: env.as('emp'),
    })
    expect(seen).toEqual(['incident.create'])
    expect(r.ok).toBe(false)
    if (r.ok || r.error.code !== 'INTERNAL') throw new Error(`expected INTERNAL, got ${JSON.stringify(r)}`)
    expect(JSON.stringify(r)).not.toContain('boom')
    expect(await env.db.selectFrom('incident').select('id').where('title', '=', 'Never committed').execute()).toEqual(
      [],
    )
    expect(await footprint(env.db)).toEqual(before)
    expect(await diagnostics()).toEqual(state)
    expect(await errorLog(r.error.correlationId)).toHaveLength(1)
  })

  it('SEC-30 after the fault the next create commits normally and takes the very next reference', async () => {
    const refs = await env.db.selectFrom('incident').select('ref').orderBy('ref').execute()
    const last = Number(refs[refs.length - 1]!.ref.split('-').pop())
    const created = await env.ok('emp', 'incident.create', { title: 'After the fault', description: 'Commits.' })
    expect(Number(created.ref.split('-').pop())).toBe(last + 1)
    const audit = await env.db.selectFrom('audit_entry').select('action').where('entity_id', '=', created.id).execute()
    expect(audit.map((a) => a.action)).toEqual(['incident.create'])
    const outbox = await env.db
      .selectFrom('sync_outbox')
      .select('id')
      .where('command', '=', 'incident.create')
      .execute()
    expect(outbox).toHaveLength(2)
    const v = await env.ok('aud', 'audit.verify', {})
    expect(v).toMatchObject({ ok: true, failureCount: 0 })
  })
})
