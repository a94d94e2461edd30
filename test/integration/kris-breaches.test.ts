import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aKri, buId, correct, kriName, record, T0 } from './kris-support'

/** The date `n` days after `from` (YYYY-MM-DD, UTC). */
const day = (n: number, from = '2026-11-23') =>
  new Date(Date.parse(`${from}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10)

describe.each(ENGINES)('KRI breaches list on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  it('KRI-10 lists only Amber and Red current values, newest first; a correction to Green removes the period', async () => {
    const k = await aKri(env, { extra: { first_period_start: '2026-01-01' } })
    await record(env, 'emp', k.id, '2026-01-01', '3')
    await record(env, 'emp', k.id, '2026-02-01', '6')
    await record(env, 'emp', k.id, '2026-03-01', '12')
    const list = await env.ok('ro', 'kri.breaches', { kri_id: k.id })
    expect(list.total).toBe(2)
    expect(list.items.map((i: Record<string, unknown>) => [i.period_end, i.status, i.value])).toEqual([
      ['2026-03-31', 'RED', '12'],
      ['2026-02-28', 'AMBER', '6'],
    ])
    expect(list.items[0]).toMatchObject({
      kri: { id: k.id, ref: k.ref },
      unit: 'count',
      version_no: 1,
      corrected: false,
      thresholds: { seq: 1, amber: '5', red: '10', target: '2' },
      recorded_by: { id: env.users['emp'] },
      breach_measure: null,
    })
    expect((await env.ok('ro', 'kri.breaches', { kri_id: k.id, status: ['RED'] })).total).toBe(1)
    expect((await env.ok('ro', 'kri.breaches', { kri_id: k.id, period_from: '2026-03-01' })).total).toBe(1)

    await correct(env, 'emp', k.id, '2026-03-01', '4')
    const after = await env.ok('ro', 'kri.breaches', { kri_id: k.id })
    expect(after.items.map((i: { period_start: string }) => i.period_start)).toEqual(['2026-02-01'])
    const history = await env.ok('ro', 'kri.valueHistory', { kri_id: k.id, period_start: '2026-03-01' })
    expect(history.items.map((v: Record<string, unknown>) => [v.version_no, v.status, v.is_current])).toEqual([
      [2, 'GREEN', true],
      [1, 'RED', false],
    ])
    // Another unit's officer sees none of them.
    expect((await env.ok('ro2', 'kri.breaches', { kri_id: k.id })).total).toBe(0)
  })

  it('KRI-29 120 breaches page as 50/50/20 with the same total and no repeats, period end descending', async () => {
    const it = await buId(env, 'IT')
    for (const base of ['Batch failures', 'Batch delays', 'Access reviews late']) {
      const k = await aKri(env, {
        creator: 'rog',
        bu: 'IT',
        owner: 'mgr2',
        frequency: 'DAILY',
        name: kriName(base),
        extra: { weekdays_only: false, first_period_start: day(-39) },
      })
      for (let d = -39; d <= 0; d += 1) await record(env, 'rog', k.id, day(d), '7')
    }
    const seen: string[] = []
    const ends: string[] = []
    const sizes: number[] = []
    let cursor: string | null = null
    do {
      const page: { items: { id: string; period_end: string }[]; next_cursor: string | null; total: number } =
        await env.ok('rog', 'kri.breaches', { business_unit_id: [it], ...(cursor ? { cursor } : {}) })
      expect(page.total).toBe(120)
      sizes.push(page.items.length)
      seen.push(...page.items.map((i) => i.id))
      ends.push(...page.items.map((i) => i.period_end))
      cursor = page.next_cursor
    } while (cursor)
    expect(sizes).toEqual([50, 50, 20])
    expect(new Set(seen).size).toBe(120)
    expect(ends).toEqual([...ends].sort().reverse())
  })
})
