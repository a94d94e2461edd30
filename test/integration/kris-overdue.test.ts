import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aKri, allPages, at, kriNotifications, kriRow, move, record, refuse, sweep, T0 } from './kris-support'

describe.each(ENGINES)('KRI overdue periods on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
  })
  afterAll(async () => env?.close())

  const overdueIds = (user = 'ro') => allPages(env, user, 'kri.overdue')

  it('KRI-11 monthly, grace 5: overdue the day after the deadline, one notice, cleared by the value', async () => {
    env.clock.set(at('2026-01-10'))
    const k = await aKri(env, { owner: 'emp3' })
    expect(await kriRow(env, k.id)).toMatchObject({ first_period_start: '2026-01-01', grace_days: 5 })

    env.clock.set(at('2026-02-05'))
    await sweep(env)
    expect(await overdueIds()).not.toContain(k.id)
    expect((await env.ok('ro', 'kri.get', { id: k.id })).overdue_periods).toEqual([])
    expect(await kriNotifications(env, k.id, 'KRI_OVERDUE')).toEqual([])

    env.clock.set(at('2026-02-06'))
    await sweep(env)
    await sweep(env)
    expect(await overdueIds()).toContain(k.id)
    expect((await kriRow(env, k.id)).overdue_period_start).toBe('2026-01-01')
    const page = await env.ok('emp3', 'kri.overdue', { owner_id: 'me' })
    expect(page.items).toMatchObject([
      { id: k.id, overdue_period_start: '2026-01-01', overdue_period_end: '2026-01-31' },
    ])
    expect((await env.ok('emp3', 'kri.get', { id: k.id })).overdue_periods).toEqual([
      { period_start: '2026-01-01', period_end: '2026-01-31', deadline: '2026-02-05' },
    ])
    const notices = await kriNotifications(env, k.id, 'KRI_OVERDUE')
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({
      user: 'emp3',
      priority: 'HIGH',
      requires_action: 1,
      active: 1,
      dedupe_key: `KRI:${k.id}:KRI_OVERDUE:2026-01-01:${env.users['emp3']}`,
      payload: {
        message: `KRI ${k.ref} '${(await kriRow(env, k.id)).name}' has no value for 2026-01-01 to 2026-01-31; it was due on 2026-02-05.`,
      },
    })
    const listed = await env.ok('ro', 'kri.list', { overdue: true, limit: 100 })
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(k.id)

    await record(env, 'emp3', k.id, '2026-01-01', '1')
    expect(await overdueIds()).not.toContain(k.id)
    expect((await kriRow(env, k.id)).overdue_period_start).toBeNull()
    const after = await kriNotifications(env, k.id, 'KRI_OVERDUE')
    expect(after).toHaveLength(1)
    expect(after[0]).toMatchObject({ active: 0, user: 'emp3' }) // stays in the inbox as "no longer current"
    await sweep(env)
    expect(await kriNotifications(env, k.id, 'KRI_OVERDUE')).toHaveLength(1)
  })

  it('KRI-12 weekdays-only daily, grace 1: Friday is not overdue on Saturday, Sunday or Monday, but on Tuesday', async () => {
    env.clock.set(at('2026-03-02')) // Monday
    const k = await aKri(env, { frequency: 'DAILY', extra: { grace_days: 1 } })
    for (const d of ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']) {
      env.clock.set(at(d))
      await record(env, 'emp', k.id, d, '1')
    }
    for (const d of ['2026-03-07', '2026-03-08', '2026-03-09']) {
      env.clock.set(at(d))
      await sweep(env)
      expect((await env.ok('emp', 'kri.get', { id: k.id })).overdue_periods).toEqual([])
      expect((await kriRow(env, k.id)).overdue_period_start).toBeNull()
    }
    env.clock.set(at('2026-03-10'))
    await sweep(env)
    expect((await env.ok('emp', 'kri.get', { id: k.id })).overdue_periods).toEqual([
      { period_start: '2026-03-06', period_end: '2026-03-06', deadline: '2026-03-09' },
    ])
    expect((await kriRow(env, k.id)).overdue_period_start).toBe('2026-03-06')
    expect(await kriNotifications(env, k.id, 'KRI_OVERDUE')).toHaveLength(1)
  })

  it('KRI-13 back-filled start: earlier months are missing, not overdue, and raise nothing; March is overdue on 6 Apr', async () => {
    env.clock.set(at('2026-03-15'))
    const k = await aKri(env, { extra: { first_period_start: '2026-01-01' } })
    env.clock.set(at('2026-03-16'))
    await sweep(env)
    const trend = await env.ok('ro', 'kri.trend', { kri_id: k.id, from: '2026-01-01', to: '2026-03-16' })
    expect(trend.points.map((p: Record<string, unknown>) => [p.period_start, p.value, p.missing, p.overdue])).toEqual([
      ['2026-01-01', null, true, false],
      ['2026-02-01', null, true, false],
      ['2026-03-01', null, true, false],
    ])
    expect(await kriNotifications(env, k.id, 'KRI_OVERDUE')).toEqual([])
    expect((await kriRow(env, k.id)).overdue_period_start).toBeNull()

    env.clock.set(at('2026-04-05'))
    await sweep(env)
    expect(await kriNotifications(env, k.id, 'KRI_OVERDUE')).toEqual([])
    env.clock.set(at('2026-04-06'))
    await sweep(env)
    const notices = await kriNotifications(env, k.id, 'KRI_OVERDUE')
    expect(notices.map((n) => n.dedupe_key)).toEqual([`KRI:${k.id}:KRI_OVERDUE:2026-03-01:${env.users['emp']}`])
    expect((await kriRow(env, k.id)).overdue_period_start).toBe('2026-03-01')
    const later = await env.ok('ro', 'kri.trend', { kri_id: k.id, from: '2026-01-01', to: '2026-03-31' })
    expect(later.points.map((p: { overdue: boolean }) => p.overdue)).toEqual([false, false, true])
  })

  it('KRI-23 inactive KRI: no values, no overdue notices; after reactivation only later deadlines count', async () => {
    env.clock.set(at('2026-01-10'))
    const k = await aKri(env)
    env.clock.set(at('2026-01-20'))
    await move(env, 'ro', 'kri.deactivate', k.id, { reason: 'Data source is being replaced.' })
    await refuse(
      env,
      'emp',
      'kri.recordValue',
      { kri_id: k.id, period_start: '2026-01-01', value: '1' },
      {
        code: 'WORKFLOW',
        message: 'Values cannot be recorded for an inactive KRI.',
      },
    )
    await refuse(
      env,
      'emp',
      'kri.correctValue',
      { kri_id: k.id, period_start: '2026-01-01', expected_version_no: 1, value: '1', reason: 'Restated by finance.' },
      { code: 'WORKFLOW', message: 'Values cannot be recorded for an inactive KRI.' },
    )
    env.clock.set(at('2026-03-10'))
    await sweep(env)
    expect(await kriNotifications(env, k.id, 'KRI_OVERDUE')).toEqual([])
    expect((await kriRow(env, k.id)).overdue_period_start).toBeNull()
    expect((await env.ok('ro', 'kri.get', { id: k.id })).permissions.can_record).toBe(false)

    await move(env, 'ro', 'kri.reactivate', k.id)
    await sweep(env)
    // January (due 5 Feb) and February (due 5 Mar) fell due before the reactivation on 10 Mar.
    expect(await kriNotifications(env, k.id, 'KRI_OVERDUE')).toEqual([])
    expect((await env.ok('ro', 'kri.get', { id: k.id })).overdue_periods).toEqual([])
    env.clock.set(at('2026-04-06'))
    await sweep(env)
    expect((await kriNotifications(env, k.id, 'KRI_OVERDUE')).map((n) => n.dedupe_key)).toEqual([
      `KRI:${k.id}:KRI_OVERDUE:2026-03-01:${env.users['emp']}`,
    ])
    // Back-filling a period that was never overdue is still allowed.
    await record(env, 'emp', k.id, '2026-01-01', '2')
    env.clock.set(T0)
  })

  it('deactivation retires the open overdue notice and clears the overdue period', async () => {
    env.clock.set(at('2026-05-02'))
    const k = await aKri(env, { owner: 'mgr3' })
    env.clock.set(at('2026-06-06'))
    await sweep(env)
    expect(await kriNotifications(env, k.id, 'KRI_OVERDUE')).toMatchObject([{ active: 1 }])
    await move(env, 'ro', 'kri.deactivate', k.id, { reason: 'Indicator retired with the product.' })
    expect(await kriNotifications(env, k.id, 'KRI_OVERDUE')).toMatchObject([{ active: 0 }])
    expect((await kriRow(env, k.id)).overdue_period_start).toBeNull()
    expect(await overdueIds()).not.toContain(k.id)
    env.clock.set(T0)
  })
})
