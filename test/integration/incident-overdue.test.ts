import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { snapshot } from '../support/snapshot'
import { draft, expectError, row, submit, version } from '../support/incident-flow'

const T = '2026-11-23T14:05:09.123Z'
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString()
const DAY = 86_400_000

describe.each(ENGINES)('incident overdue sweep and soft delete on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
  })
  afterAll(async () => env?.close())

  const sweep = async () => {
    const r = await env.dispatcher.runJob('incident.sweepOverdue')
    expect(r.ok).toBe(true)
  }
  const overdue = (id: string) =>
    env.db
      .selectFrom('notification')
      .selectAll()
      .where('entity_id', '=', id)
      .where('event_type', '=', 'INCIDENT_OVERDUE')
      .orderBy('created_at')
      .execute()

  it('INC-24 INC-25 one reminder per late stage; leaving the stage retires it; a later late visit notifies again', async () => {
    env.clock.set(T)
    const f = await draft(env)
    env.clock.set(plus(T, 8 * DAY))
    const list = await env.ok('emp', 'incident.list', { overdue_stage: 'DRAFT' })
    expect(list.items.map((i: { id: string }) => i.id)).toContain(f.id)
    expect(list.items.find((i: { id: string }) => i.id === f.id).overdue_stage).toBe('DRAFT')
    await sweep()
    let rows = await overdue(f.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      sla_stage: 'DRAFT',
      due_at: plus(T, 7 * DAY),
      priority: 'HIGH',
      recipient_user_id: env.users['emp'],
      active: 1,
    })
    expect(JSON.parse(rows[0]!.payload).message).toBe(
      `Incident ${f.ref} 'Card skimming at branch 12' passed its draft due date (2026-11-30 14:05 UTC).`,
    )
    const inbox = await env.ok('emp', 'notification.inbox', {})
    expect(inbox.items.filter((i: { entity_id: string }) => i.entity_id === f.id)).toHaveLength(1)
    await sweep()
    expect(await overdue(f.id)).toHaveLength(1)

    await submit(env, f)
    rows = await overdue(f.id)
    expect(rows[0]!.active).toBe(0)
    const submitted = await row(env, f.id)
    env.clock.set(plus(submitted.review_due_at!, 60_000))
    await sweep()
    rows = await overdue(f.id)
    expect(rows).toHaveLength(2)
    expect(rows[1]).toMatchObject({ sla_stage: 'REVIEW', recipient_user_id: env.users['mgr'], active: 1 })

    await env.ok('mgr', 'incident.returnToDraft', {
      id: f.id,
      expected_version: await version(env, f.id),
      reason: 'Add the fees.',
    })
    env.clock.set(plus(env.clock.now(), 8 * DAY))
    await sweep()
    rows = await overdue(f.id)
    expect(rows.filter((r) => r.active === 1).map((r) => r.sla_stage)).toEqual(['DRAFT'])
    expect(rows.filter((r) => r.sla_stage === 'DRAFT')).toHaveLength(2)
  })

  it('INC-33 inbox: unread count, markRead keeps the first read time, markUnread, markAllRead, others’ rows NOT_FOUND', async () => {
    const items = (await env.ok('emp', 'notification.inbox', { unread_only: true })).items as { id: string }[]
    expect(items.length).toBeGreaterThan(0)
    const count = (await env.ok('emp', 'notification.unreadCount', {})).unread_count
    expect(count).toBe(items.length)
    const first = items[0]!.id
    const at = env.clock.now()
    await env.ok('emp', 'notification.markRead', { id: first })
    env.clock.set(plus(at, 60_000))
    await env.ok('emp', 'notification.markRead', { id: first })
    const un = await env.db
      .selectFrom('user_notification')
      .selectAll()
      .where('id', '=', first)
      .executeTakeFirstOrThrow()
    expect([un.is_read, un.read_at]).toEqual([1, at])
    expect((await env.ok('emp', 'notification.unreadCount', {})).unread_count).toBe(count - 1)
    expectError(await env.call('mgr', 'notification.markRead', { id: first }), {
      code: 'NOT_FOUND',
      message: 'Notification not found.',
    })
    await env.ok('emp', 'notification.markUnread', { id: first })
    expect((await env.ok('emp', 'notification.unreadCount', {})).unread_count).toBe(count)
    await env.ok('emp', 'notification.markAllRead', {})
    expect((await env.ok('emp', 'notification.unreadCount', {})).unread_count).toBe(0)
  })

  it('INC-43 soft delete: gone from lists and detail, overdue retired, history kept; gates and state rules', async () => {
    env.clock.set(T)
    const f = await draft(env)
    await env.ok('emp', 'incident.update', {
      id: f.id,
      changes: { title: { before: 'Card skimming at branch 12', after: 'Card skimming at branch 15' } },
    })
    env.clock.set(plus(T, 8 * DAY))
    await sweep()
    const before = await snapshot(env.db)
    expectError(await env.call('mgr', 'incident.delete', { id: f.id, expected_version: 2 }), {
      code: 'FORBIDDEN',
      message: 'Only the incident creator can delete an incident.',
    })
    expect(await snapshot(env.db)).toBe(before)
    await env.ok('emp', 'incident.delete', { id: f.id, expected_version: 2 })
    expectError(await env.call('emp', 'incident.get', { id: f.id }), {
      code: 'NOT_FOUND',
      message: 'Incident not found.',
    })
    const mine = await env.ok('emp', 'incident.list', {})
    expect(mine.items.map((i: { id: string }) => i.id)).not.toContain(f.id)
    const r = await row(env, f.id)
    expect([r.deleted_at, r.deleted_by_user_id]).toEqual([plus(T, 8 * DAY), env.users['emp']])
    expect((await overdue(f.id)).every((n) => n.active === 0)).toBe(true)
    const history = await env.ok('aud', 'audit.forEntity', { entityType: 'incident', entityId: f.id })
    expect(history.items.map((e: { action: string }) => e.action).sort()).toEqual(
      ['incident.create', 'incident.delete', 'incident.update'].sort(),
    )
    const deleted = await env.ok('aud', 'incident.list', { deleted: 'only' })
    expect(deleted.items.map((i: { id: string }) => i.id)).toContain(f.id)
    expectError(await env.call('ro', 'incident.list', { deleted: 'include' }), {
      code: 'FORBIDDEN',
      message: 'Only auditors can list deleted incidents.',
    })

    const g = await draft(env)
    await submit(env, g)
    expectError(await env.call('emp', 'incident.delete', { id: g.id, expected_version: await version(env, g.id) }), {
      code: 'WORKFLOW',
      message: 'Only DRAFT incidents can be deleted.',
    })
  })
})
