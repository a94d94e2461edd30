import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aKri, allPages, at, buId, move, record, sweep, T0, type Created } from './kris-support'

describe.each(ENGINES)('KRI register, dashboard and overdue list on %s', (engine) => {
  let env: TestEnv
  const k: Record<string, Created> = {}
  beforeAll(async () => {
    env = await testEnv(engine)
    // Created in September so that September and October are overdue at T0 for the one left without values.
    env.clock.set(at('2026-09-10'))
    const since = { first_period_start: '2026-09-01' }
    k.red = await aKri(env, { name: 'Zeta chargebacks', extra: since })
    k.amber = await aKri(env, {
      name: 'Yankee complaints',
      owner: 'mgr3',
      frequency: 'QUARTERLY',
      extra: { first_period_start: '2026-07-01' },
    })
    k.late = await aKri(env, {
      name: 'Xray late reports',
      extra: { ...since, description: 'Counts overdue regulatory returns.' },
    })
    k.green = await aKri(env, {
      name: 'Alpha ATM uptime',
      unit: '%',
      thresholds: { direction: 'lower_is_worse', target: '99.9', amber: '99', red: '97' },
      extra: since,
    })
    k.inactive = await aKri(env, { name: 'Bravo retired indicator', extra: since })
    env.clock.set(T0)
    k.fresh = await aKri(env, { name: 'Whisky new accounts' })
    for (const m of ['2026-09-01', '2026-10-01', '2026-11-01']) await record(env, 'emp', k.red.id, m, '4')
    await env.ok('emp', 'kri.correctValue', {
      kri_id: k.red.id,
      period_start: '2026-11-01',
      expected_version_no: 1,
      value: '11',
      reason: 'Late chargebacks were added.',
    })
    await record(env, 'mgr3', k.amber.id, '2026-07-01', '7')
    for (const m of ['2026-09-01', '2026-10-01']) await record(env, 'ro', k.green.id, m, '99.5')
    await move(env, 'ro', 'kri.deactivate', k.inactive.id, { reason: 'No longer reported by finance.' })
    await sweep(env)
  })
  afterAll(async () => env?.close())

  const names = (items: { name: string }[]) => items.map((i) => i.name)

  it('lists worst first by default: RED, AMBER, overdue NO_DATA, NO_DATA, GREEN; inactive only on request', async () => {
    const page = await env.ok('ro', 'kri.list', {})
    expect(names(page.items)).toEqual([
      'Zeta chargebacks',
      'Yankee complaints',
      'Xray late reports',
      'Whisky new accounts',
      'Alpha ATM uptime',
    ])
    expect(page.total).toBe(5)
    expect(page.items[0]).toMatchObject({
      ref: k.red!.ref,
      current_status: 'RED',
      current_value: '11',
      current_period_start: '2026-11-01',
      current_period_end: '2026-11-30',
      direction: 'higher_is_worse',
      frequency: 'MONTHLY',
      owner: { id: env.users['emp'] },
      business_unit: { id: await buId(env, 'RETAIL'), name: 'Retail' },
      is_overdue: false,
    })
    expect(page.items[2]).toMatchObject({
      current_status: 'NO_DATA',
      overdue_period_start: '2026-09-01',
      is_overdue: true,
    })
    const inactive = await env.ok('ro', 'kri.list', { is_active: false })
    expect(names(inactive.items)).toEqual(['Bravo retired indicator'])
    expect((await env.ok('ro', 'kri.list', { is_active: null })).total).toBe(6)
  })

  it('pages without repeats in every sort order', async () => {
    for (const sort of ['worst', 'name', '-updated_at', '-current_period_start']) {
      const all = await env.ok('ro', 'kri.list', { sort, is_active: null, limit: 100 })
      const ids: string[] = []
      let cursor: string | null = null
      do {
        const p: { items: { id: string }[]; next_cursor: string | null; total: number } = await env.ok(
          'ro',
          'kri.list',
          {
            sort,
            is_active: null,
            limit: 2,
            ...(cursor ? { cursor } : {}),
          },
        )
        expect(p.total).toBe(6)
        ids.push(...p.items.map((i) => i.id))
        cursor = p.next_cursor
      } while (cursor)
      expect(ids).toEqual(all.items.map((i: { id: string }) => i.id))
    }
    const byName = await env.ok('ro', 'kri.list', { sort: 'name' })
    expect(names(byName.items)).toEqual([...names(byName.items)].sort())
    const byPeriod = await env.ok('ro', 'kri.list', { sort: '-current_period_start', is_active: null })
    expect(byPeriod.items.map((i: { current_period_start: string | null }) => i.current_period_start)).toEqual([
      '2026-11-01',
      '2026-10-01',
      '2026-07-01',
      null,
      null,
      null,
    ])
  })

  it('filters combine: status, overdue, frequency, owner me, business unit, search', async () => {
    expect(names((await env.ok('ro', 'kri.list', { current_status: ['RED', 'AMBER'] })).items)).toEqual([
      'Zeta chargebacks',
      'Yankee complaints',
    ])
    expect(names((await env.ok('ro', 'kri.list', { overdue: true })).items)).toEqual(['Xray late reports'])
    expect((await env.ok('ro', 'kri.list', { overdue: false })).total).toBe(4)
    expect(names((await env.ok('ro', 'kri.list', { frequency: ['QUARTERLY'] })).items)).toEqual(['Yankee complaints'])
    expect(names((await env.ok('mgr3', 'kri.list', { owner_id: 'me' })).items)).toEqual(['Yankee complaints'])
    expect((await env.ok('ro', 'kri.list', { business_unit_id: [await buId(env, 'WHOLESALE')] })).total).toBe(0)
    expect(names((await env.ok('ro', 'kri.list', { search: 'REGULATORY' })).items)).toEqual(['Xray late reports'])
    expect(names((await env.ok('ro', 'kri.list', { search: 'chargeb' })).items)).toEqual(['Zeta chargebacks'])
    expect(names((await env.ok('ro', 'kri.list', { search: k.green!.ref })).items)).toEqual(['Alpha ATM uptime'])
    expect(names((await env.ok('ro', 'kri.list', { search: 'TM' })).items)).toEqual(['Alpha ATM uptime'])
  })

  it('the dashboard counts visible active KRIs, recent breaches and lists the worst first with sparklines', async () => {
    const d = await env.ok('ro', 'kri.dashboard', {})
    expect(d.counts).toEqual({ RED: 1, AMBER: 1, GREEN: 1, NO_DATA: 2 })
    expect(d.overdue_count).toBe(1)
    // Zeta's November (RED, ends 30 Nov) counts; Yankee's Q3 (AMBER, ended 30 Sep) is within 90 days.
    expect(d.breaches_last_90_days).toEqual({ AMBER: 1, RED: 1 })
    expect(names(d.worst)).toEqual([
      'Zeta chargebacks',
      'Yankee complaints',
      'Xray late reports',
      'Whisky new accounts',
      'Alpha ATM uptime',
    ])
    expect(d.worst[0].sparkline.map((p: { value: string; status: string }) => [p.value, p.status])).toEqual([
      ['4', 'GREEN'],
      ['4', 'GREEN'],
      ['11', 'RED'],
    ])
    expect(d.worst[0].thresholds).toMatchObject({ amber: '5', red: '10' })
    const other = await env.ok('ro2', 'kri.dashboard', {})
    expect(other.counts).toEqual({ RED: 0, AMBER: 0, GREEN: 0, NO_DATA: 0 })
    const scoped = await env.ok('rog', 'kri.dashboard', { business_unit_ids: [await buId(env, 'IT')] })
    expect(scoped.worst).toEqual([])
  })

  it('the overdue list is oldest overdue first and follows recorded values', async () => {
    expect(await allPages(env, 'ro', 'kri.overdue')).toEqual([k.late!.id])
    await record(env, 'emp', k.late!.id, '2026-09-01', '1')
    const page = await env.ok('ro', 'kri.overdue', {})
    expect(page.items).toMatchObject([{ id: k.late!.id, overdue_period_start: '2026-10-01' }])
    await record(env, 'emp', k.late!.id, '2026-10-01', '1')
    expect(await allPages(env, 'ro', 'kri.overdue')).toEqual([])
  })
})
