import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import {
  aKri,
  at,
  auditOf,
  KRI_CONFLICT,
  kriNotifications,
  kriRow,
  kriVersion,
  record,
  refuse,
  T0,
  valuesOf,
} from './kris-support'

describe.each(ENGINES)('KRI thresholds and trend on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  /** A monthly KRI from January with 4 (GREEN), 6 (AMBER), 8 (AMBER) recorded for January to March. */
  async function withThreeValues() {
    const k = await aKri(env, { extra: { first_period_start: '2026-01-01' } })
    await record(env, 'emp', k.id, '2026-01-01', '4')
    await record(env, 'emp', k.id, '2026-02-01', '6')
    await record(env, 'emp', k.id, '2026-03-01', '8')
    return k
  }
  const setInput = async (kriId: string, extra: Record<string, unknown> = {}) => ({
    kri_id: kriId,
    expected_version: await kriVersion(env, kriId),
    direction: 'higher_is_worse',
    target: '1',
    amber: '3',
    red: '6',
    ...extra,
  })

  it('KRI-17 the default effective date is the next period: recorded values keep their status and version', async () => {
    const k = await withThreeValues()
    const before = await valuesOf(env, k.id)
    const r = await env.ok('ro', 'kri.setThresholds', await setInput(k.id))
    expect(r).toMatchObject({
      seq: 2,
      effective_from: '2026-04-01',
      changed_periods: [],
      revalued_periods: 0,
      version: 2,
    })
    expect(await valuesOf(env, k.id)).toEqual(before)
    expect(before.map((v) => v.status)).toEqual(['GREEN', 'AMBER', 'AMBER'])
    expect((await kriRow(env, k.id)).current_status).toBe('AMBER')

    const trend = await env.ok('ro', 'kri.trend', { kri_id: k.id, from: '2026-01-01', to: '2026-06-30' })
    expect(
      trend.points.map((p: { period_start: string; thresholds: Record<string, unknown> }) => [
        p.period_start,
        p.thresholds.set_seq,
        p.thresholds.amber,
        p.thresholds.red,
      ]),
    ).toEqual([
      ['2026-01-01', 1, '5', '10'],
      ['2026-02-01', 1, '5', '10'],
      ['2026-03-01', 1, '5', '10'],
      ['2026-04-01', 2, '3', '6'],
      ['2026-05-01', 2, '3', '6'],
      ['2026-06-01', 2, '3', '6'],
    ])
    // A value recorded for April is rated by the new set.
    expect(await record(env, 'emp', k.id, '2026-04-01', '4')).toMatchObject({ status: 'AMBER' })
    const history = await env.ok('ro', 'kri.thresholdHistory', { kri_id: k.id })
    expect(
      history.items.map((s: Record<string, unknown>) => [s.seq, s.effective_from, s.superseded, s.in_force_today]),
    ).toEqual([
      [2, '2026-04-01', false, true],
      [1, '2026-01-01', false, false],
    ])
  })

  it('KRI-18 a back-dated change needs a reason, re-rates every recorded period and never escalates', async () => {
    const k = await withThreeValues()
    await refuse(env, 'ro', 'kri.setThresholds', await setInput(k.id, { effective_from: '2026-01-01' }), {
      code: 'VALIDATION',
      message: 'A threshold change that affects recorded values needs a reason of at least 10 characters.',
      fields: ['reason'],
    })
    await refuse(
      env,
      'ro',
      'kri.setThresholds',
      await setInput(k.id, { effective_from: '2025-12-01', reason: 'Appetite lowered by the board.' }),
      {
        code: 'VALIDATION',
        message: "Thresholds cannot take effect before the KRI's first period.",
      },
    )
    await refuse(env, 'ro', 'kri.setThresholds', await setInput(k.id, { effective_from: '2026-02-02' }), {
      code: 'VALIDATION',
      message: 'Period start must be the first day of a monthly period.',
    })
    await refuse(
      env,
      'ro',
      'kri.setThresholds',
      { ...(await setInput(k.id)), expected_version: 9 },
      {
        code: 'CONFLICT',
        message: KRI_CONFLICT,
      },
    )
    await refuse(env, 'emp', 'kri.setThresholds', await setInput(k.id), {
      code: 'FORBIDDEN',
      message: 'Only Risk Officers can change KRI thresholds.',
    })

    const reason = 'Appetite lowered by the board.'
    const r = await env.ok('ro', 'kri.setThresholds', await setInput(k.id, { effective_from: '2026-01-01', reason }))
    expect(r).toMatchObject({
      seq: 2,
      effective_from: '2026-01-01',
      revalued_periods: 3,
      current_status: 'RED',
      changed_periods: [
        { period_start: '2026-01-01', from_status: 'GREEN', to_status: 'AMBER' },
        { period_start: '2026-02-01', from_status: 'AMBER', to_status: 'RED' },
        { period_start: '2026-03-01', from_status: 'AMBER', to_status: 'RED' },
      ],
    })
    const versions = await valuesOf(env, k.id)
    expect(
      versions.map((v) => [v.period_start, v.version_no, v.is_current, v.origin, v.status, v.correction_reason]),
    ).toEqual([
      ['2026-01-01', 1, 0, 'RECORDED', 'GREEN', null],
      ['2026-01-01', 2, 1, 'THRESHOLD_CHANGE', 'AMBER', reason],
      ['2026-02-01', 1, 0, 'RECORDED', 'AMBER', null],
      ['2026-02-01', 2, 1, 'THRESHOLD_CHANGE', 'RED', reason],
      ['2026-03-01', 1, 0, 'RECORDED', 'AMBER', null],
      ['2026-03-01', 2, 1, 'THRESHOLD_CHANGE', 'RED', reason],
    ])
    expect(versions.filter((v) => v.is_current === 1).every((v) => v.threshold_set_id === r.threshold_set_id)).toBe(
      true,
    )
    expect(await kriNotifications(env, k.id, 'KRI_BREACH')).toEqual([])
    expect((await kriRow(env, k.id)).current_status).toBe('RED')
    const sets = await env.db
      .selectFrom('kri_threshold_set')
      .selectAll()
      .where('kri_id', '=', k.id)
      .orderBy('seq')
      .execute()
    expect(sets.map((s) => [s.seq, s.superseded_by_set_id])).toEqual([
      [1, r.threshold_set_id],
      [2, null],
    ])
    const audit = await auditOf(env, r.threshold_set_id)
    expect(audit[0]).toMatchObject({ action: 'kri.setThresholds', reason })
    // A value corrected later is rated by the new set too.
    const dashboard = await env.ok('ro', 'kri.dashboard', {})
    expect(dashboard.worst.map((w: { id: string }) => w.id)).toContain(k.id)
  })

  it('KRI-19 trend: 24 monthly points by default, missing and overdue months, thresholds per point', async () => {
    env.clock.set(at('2025-12-02'))
    const k = await aKri(env)
    expect((await kriRow(env, k.id)).first_period_start).toBe('2025-12-01')
    env.clock.set(T0)
    const months = [
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
    ]
    for (const [i, m] of months.entries()) await record(env, 'emp', k.id, m, `${i}.5`)
    const trend = await env.ok('emp', 'kri.trend', { kri_id: k.id })
    expect(trend.kri).toMatchObject({
      id: k.id,
      ref: k.ref,
      unit: 'count',
      direction: 'higher_is_worse',
      frequency: 'MONTHLY',
    })
    expect(trend.points).toHaveLength(24)
    expect(trend.points[0].period_start).toBe('2024-12-01')
    expect(trend.points[23]).toMatchObject({ period_start: '2026-11-01', period_end: '2026-11-30' })
    const byStart = Object.fromEntries(trend.points.map((p: { period_start: string }) => [p.period_start, p]))
    expect(byStart['2025-11-01']).toMatchObject({ value: null, missing: false, overdue: false })
    expect(byStart['2025-12-01']).toMatchObject({ value: '0.5', status: 'GREEN', version_no: 1, missing: false })
    expect(byStart['2026-10-01']).toMatchObject({ value: '9.5', status: 'AMBER', missing: false, overdue: false })
    expect(byStart['2026-03-01']).toMatchObject({
      value: null,
      status: null,
      version_no: null,
      missing: true,
      overdue: true,
    })
    expect(byStart['2026-11-01']).toMatchObject({ value: null, missing: true, overdue: false })
    expect(trend.points.filter((p: { value: string | null }) => p.value !== null)).toHaveLength(10)
    for (const p of trend.points)
      expect(p.thresholds).toEqual({
        set_seq: 1,
        direction: 'higher_is_worse',
        amber: '5',
        red: '10',
        amber_low: null,
        amber_high: null,
        red_low: null,
        red_high: null,
        target: '2',
      })

    const daily = await aKri(env, { frequency: 'DAILY', extra: { weekdays_only: false } })
    await refuse(
      env,
      'ro',
      'kri.trend',
      { kri_id: daily.id, from: '2020-01-01' },
      {
        code: 'VALIDATION',
        message: 'Range too long: at most 1000 periods.',
      },
    )
    expect((await env.ok('ro', 'kri.trend', { kri_id: daily.id })).points).toHaveLength(90)
    await refuse(env, 'ro2', 'kri.trend', { kri_id: k.id }, { code: 'NOT_FOUND', message: 'KRI not found.' })
  })
})
