import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aMeasure, auditOf, day, listAll, measureIn, move, T0, TODAY } from './measures-support'

describe.each(ENGINES)('measure overdue flag and sweep on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
  })
  afterAll(async () => env?.close())

  const D = day(2)
  const afterD = `${day(1, D)}T08:00:00.000Z`
  const overdueRows = (measureId: string) =>
    env.db
      .selectFrom('notification')
      .selectAll()
      .where('entity_type', '=', 'MEASURE')
      .where('entity_id', '=', measureId)
      .where('event_type', '=', 'MEASURE_OVERDUE')
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  const bell = async (user: string) => (await env.ok(user, 'notification.unreadCount', {})).unread_count as number
  const sweep = async () => {
    const r = await env.dispatcher.runJob('measure.sweepOverdue')
    expect(r.ok).toBe(true)
  }

  it('MEA-18 a working measure past its deadline is overdue; a completed one or one due today is not', async () => {
    env.clock.set(T0)
    const late = await aMeasure(env, { deadline: D })
    const done = await measureIn(env, 'COMPLETED', { deadline: TODAY })
    const noDeadline = await aMeasure(env)
    expect((await env.ok('emp', 'measure.get', { id: late.id })).is_overdue).toBe(false)
    env.clock.set(afterD)
    const dueToday = await aMeasure(env, { deadline: day(1, D) })
    expect((await env.ok('emp', 'measure.get', { id: late.id })).is_overdue).toBe(true)
    expect((await env.ok('emp', 'measure.get', { id: done.id })).is_overdue).toBe(false)
    expect((await env.ok('emp', 'measure.get', { id: dueToday.id })).is_overdue).toBe(false)
    const overdue = await listAll(env, 'mgr', { is_overdue: true })
    expect(overdue).toEqual([late.id])
    const notOverdue = await listAll(env, 'mgr', { is_overdue: false })
    expect(notOverdue.sort()).toEqual([done.id, dueToday.id, noDeadline.id].sort())
    const page = await env.ok('mgr', 'measure.list', { is_overdue: true, ordering: 'deadline' })
    expect(page.items).toMatchObject([{ id: late.id, is_overdue: true, deadline: D }])
  })

  it('MEA-19 the sweep raises one HIGH reminder per overdue spell and retires it when the spell ends', async () => {
    env.clock.set(T0)
    // emp3 holds no other overdue measure in this file, so the bell moves only for this one.
    const m = await aMeasure(env, { responsible: 'emp3', deadline: D })
    const bellBefore = await bell('emp3')
    env.clock.set(afterD)
    await refuse403()
    await sweep()
    const first = await overdueRows(m.id)
    expect(first).toHaveLength(1)
    expect(first[0]).toMatchObject({
      recipient_user_id: env.users['emp3'],
      priority: 'HIGH',
      requires_action: 1,
      active: 1,
      due_at: `${D}T23:59:59.999Z`,
      action_route: `/measures/${m.id}`,
      dedupe_key: `MEASURE:${m.id}:MEASURE_OVERDUE`,
    })
    expect(JSON.parse(first[0]!.payload)).toEqual({
      title: `Overdue: ${m.ref}`,
      message: `Measure ${m.ref} is past its deadline (${D}).`,
      entity_ref: m.ref,
    })
    expect(await bell('emp3')).toBe(bellBefore + 1)
    expect((await auditOf(env, first[0]!.id))[0]).toMatchObject({ actor_label: 'system:measure.sweepOverdue' })

    await sweep()
    expect(await overdueRows(m.id)).toHaveLength(1)
    expect(await bell('emp3')).toBe(bellBefore + 1)

    await move(env, 'emp3', 'measure.start', m.id)
    expect((await overdueRows(m.id)).map((n) => n.active)).toEqual([1])
    await move(env, 'emp3', 'measure.submitForReview', m.id, { evidence: 'Locks replaced at the branch.' })
    expect((await overdueRows(m.id)).map((n) => n.active)).toEqual([0])
    await move(env, 'ro', 'measure.returnToProgress', m.id, { reason: 'Receipt for the locks missing.' })
    await sweep()
    const second = await overdueRows(m.id)
    expect(second.map((n) => [n.id === first[0]!.id, n.active])).toEqual([
      [true, 0],
      [false, 1],
    ])
    expect(await bell('emp3')).toBe(bellBefore + 2)

    const today = day(1, D)
    await env.ok('ro', 'measure.update', { id: m.id, changes: { deadline: { before: D, after: day(5, today) } } })
    expect((await overdueRows(m.id)).map((n) => n.active)).toEqual([0, 0])
    const retired = (await auditOf(env, second[1]!.id)).at(-1)!
    expect(retired).toMatchObject({
      action: 'measure.update',
      changes: [{ field: 'active', before: true, after: false }],
    })
    await sweep()
    expect((await overdueRows(m.id)).map((n) => n.active)).toEqual([0, 0])
  })

  async function refuse403() {
    const r = await env.call('adm', 'measure.sweepOverdue', {})
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'This action runs automatically and cannot be started by a user.' },
    })
  }
})
