import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { catalogue } from '#shared/catalogue/index'
import { createDispatcher } from '#shared/catalogue/dispatcher'
import { catalogueOf, defineCommand } from '#shared/catalogue/define'
import { enqueueNotification } from '#shared/notifications/queue'
import { newId, sha256Hex } from '#main/ids'
import { argon2Passwords } from '#main/passwords'
import { startScheduler } from '#main/jobs'
import { verifyChain } from '#shared/audit/verify'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'

describe.each(ENGINES)('scheduled jobs and the notification queue on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
  })
  afterAll(async () => env?.close())

  it('a user cannot start a system job, even an administrator', async () => {
    const r = await env.call('adm', 'housekeeping.prune', {})
    expect(r).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'This action runs automatically and cannot be started by a user.' },
    })
  })

  it('housekeeping removes error-log rows older than 180 days as system:housekeeping.prune; a re-run removes nothing', async () => {
    const row = (at: string) => ({
      id: newId(),
      at,
      category: 'INTERNAL',
      source: 't',
      code: 'INTERNAL',
      message: 'm',
      correlation_id: newId(),
      user_id: null,
      command: null,
      detail: null,
    })
    await env.db
      .insertInto('error_log')
      .values([row('2026-01-01T00:00:00.000Z'), row('2026-11-01T00:00:00.000Z')])
      .execute()
    const first = await env.dispatcher.runJob('housekeeping.prune')
    expect(first).toEqual({ ok: true, value: { error_log: 1, sync_outbox: 0 } })
    const left = await env.db.selectFrom('error_log').select('at').execute()
    expect(left.map((r) => r.at)).toEqual(['2026-11-01T00:00:00.000Z'])
    const entry = await env.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('action', '=', 'housekeeping.prune')
      .execute()
    expect(entry).toHaveLength(1)
    expect(entry[0]!.actor_label).toBe('system:housekeeping.prune')
    expect(entry[0]!.actor_id).toBeNull()
    expect(await env.dispatcher.runJob('housekeeping.prune')).toEqual({
      ok: true,
      value: { error_log: 0, sync_outbox: 0 },
    })
    expect(
      await env.db.selectFrom('audit_entry').select('id').where('action', '=', 'housekeeping.prune').execute(),
    ).toHaveLength(1)
    const run = await env.db
      .selectFrom('job_run')
      .selectAll()
      .where('job', '=', 'housekeeping.prune')
      .executeTakeFirstOrThrow()
    expect(run.last_run_at).toBe(env.clock.now())
  })

  it('the scheduler runs every system job at start and again on its interval', async () => {
    const timers: { fn: () => void; ms: number }[] = []
    const ran: string[] = []
    const scheduler = startScheduler(
      { catalogue, runJob: async (name) => (ran.push(name), { ok: true, value: null }) },
      {
        log: { error: () => {} },
        timers: { setInterval: (fn, ms) => timers.push({ fn, ms }), clearInterval: () => {} },
      },
    )
    const jobs = Object.values(catalogue).filter((d) => d.kind === 'command' && d.auth === 'system')
    expect(scheduler.jobs).toEqual(jobs.map((j) => j.name))
    expect(scheduler.jobs).toEqual(
      expect.arrayContaining(['housekeeping.prune', 'incident.sweepOverdue', 'measure.sweepOverdue']),
    )
    expect(ran).toEqual(scheduler.jobs)
    const interval = Object.fromEntries(scheduler.jobs.map((name, i) => [name, timers[i]!.ms]))
    expect(interval).toMatchObject({
      'housekeeping.prune': 24 * 60 * 60_000,
      'incident.sweepOverdue': 15 * 60_000,
      'measure.sweepOverdue': 15 * 60_000,
    })
    // The first run must finish before the interval fires, else the no-overlap rule skips it.
    await new Promise((r) => setTimeout(r, 0))
    timers[0]!.fn()
    await new Promise((r) => setTimeout(r, 0))
    expect(ran).toEqual([...scheduler.jobs, scheduler.jobs[0]])
  })

  it('the queue fans a role-and-unit notification out to each recipient once, skips the actor, and de-duplicates', async () => {
    const retail = await env.db
      .selectFrom('business_unit')
      .select('id')
      .where('code', '=', 'RETAIL')
      .executeTakeFirstOrThrow()
    const notify = defineCommand({
      name: 'test.notify',
      summary: 'test only',
      input: z.strictObject({}),
      sync: 'local',
      concurrency: 'none',
      touches: [],
      async handler(ctx) {
        return enqueueNotification(ctx, {
          entityType: 'INCIDENT',
          entityId: '01936f5e-2222-7222-8222-222222222222',
          eventType: 'ROUTING_NOTIFY',
          dedupeKey: 'INCIDENT:01936f5e-2222-7222-8222-222222222222:ROUTING_NOTIFY:rule-d',
          priority: 'MEDIUM',
          requiresAction: false,
          payload: { title: 'Routed', message: 'An incident concerns your team.', entity_ref: null },
          actionRoute: '/incidents/01936f5e-2222-7222-8222-222222222222',
          recipientRole: 'manager',
          recipientBuId: retail.id,
        })
      },
    })
    const d = createDispatcher({
      db: env.db,
      catalogue: catalogueOf([notify, ...Object.values(catalogue)]),
      clock: env.clock.now,
      newId,
      services: { passwords: argon2Passwords, sha256Hex },
      log: { error: () => {} },
      rulesVersion: 1,
    })
    const first = await d.call({ name: 'test.notify', input: {}, session: env.as('mgr3') })
    expect(first.ok && typeof first.value).toBe('string')
    const inbox = await env.db.selectFrom('user_notification').select('user_id').execute()
    expect(inbox.map((r) => r.user_id)).toEqual([env.users['mgr']])
    const again = await d.call({ name: 'test.notify', input: {}, session: env.as('mgr3') })
    expect(again).toEqual({ ok: true, value: null })
    expect(await env.db.selectFrom('notification').select('id').execute()).toHaveLength(1)

    const mine = await env.ok('mgr', 'notification.inbox', {})
    expect(mine.unread_count).toBe(1)
    const item = mine.items[0]
    const read = await env.ok('mgr', 'notification.markRead', { id: item.id })
    env.clock.advance(60_000)
    const reread = await env.ok('mgr', 'notification.markRead', { id: item.id })
    expect(reread.read_at).toBe(read.read_at)
    expect((await env.ok('mgr', 'notification.inbox', {})).unread_count).toBe(0)
    const other = await env.call('mgr3', 'notification.markRead', { id: item.id })
    expect(other).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Notification not found.', entity: 'Notification' },
    })
    const meta = await env.db.selectFrom('db_meta').select('database_id').executeTakeFirstOrThrow()
    expect((await verifyChain(env.db, { chainId: meta.database_id, sha256Hex, now: env.clock.now() })).ok).toBe(true)
  })
})
