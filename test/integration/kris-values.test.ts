import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aKri, at, auditOf, BAND, correct, currentVersionNo, LOWER, record, refuse, T0, valuesOf } from './kris-support'

const MONTHS = Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-01`)

describe.each(ENGINES)('KRI values on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  /** Records `values` on successive months from January and answers the statuses. */
  async function statuses(kriId: string, values: string[]) {
    const out: string[] = []
    for (const [i, v] of values.entries()) out.push((await record(env, 'ro', kriId, MONTHS[i]!, v)).status)
    return out
  }
  const sinceJanuary = { extra: { first_period_start: '2026-01-01' } }

  it('KRI-03 higher_is_worse 2/5/10: 4 → GREEN, 6 → AMBER, 10 → RED', async () => {
    const k = await aKri(env, sinceJanuary)
    expect(await statuses(k.id, ['4', '6', '10'])).toEqual(['GREEN', 'AMBER', 'RED'])
    const stored = await valuesOf(env, k.id)
    expect(
      stored.map((v) => [v.period_start, v.period_end, v.status, Number(v.value_e4), v.version_no, v.origin]),
    ).toEqual([
      ['2026-01-01', '2026-01-31', 'GREEN', 40_000, 1, 'RECORDED'],
      ['2026-02-01', '2026-02-28', 'AMBER', 60_000, 1, 'RECORDED'],
      ['2026-03-01', '2026-03-31', 'RED', 100_000, 1, 'RECORDED'],
    ])
    const view = await env.ok('ro', 'kri.get', { id: k.id })
    expect(view).toMatchObject({
      current_status: 'RED',
      current_period_start: '2026-03-01',
      current_value: '10',
      latest_value: { period_start: '2026-03-01', value: '10', status: 'RED', version_no: 1 },
    })
  })

  it('KRI-04 boundary values on successive periods', async () => {
    const k = await aKri(env, sinceJanuary)
    expect(await statuses(k.id, ['4.9999', '5', '9.9999', '10', '-1'])).toEqual([
      'GREEN',
      'AMBER',
      'AMBER',
      'RED',
      'GREEN',
    ])
  })

  it('KRI-05 lower_is_worse 99.5/98/95 boundaries', async () => {
    const k = await aKri(env, { ...sinceJanuary, thresholds: LOWER })
    expect(await statuses(k.id, ['98.0001', '98', '95.0001', '95', '0', '100'])).toEqual([
      'GREEN',
      'AMBER',
      'AMBER',
      'RED',
      'RED',
      'GREEN',
    ])
  })

  it('KRI-06 within_band 10/20/80/90 boundaries', async () => {
    const k = await aKri(env, { ...sinceJanuary, thresholds: BAND })
    expect(await statuses(k.id, ['20.0001', '20', '10.0001', '10', '79.9999', '80', '89.9999', '90'])).toEqual([
      'GREEN',
      'AMBER',
      'AMBER',
      'RED',
      'GREEN',
      'AMBER',
      'AMBER',
      'RED',
    ])
  })

  it('KRI-07 number format: 4 decimals at most, no exponent; 0.1 and 0.2 are stored exactly', async () => {
    const k = await aKri(env, sinceJanuary)
    const message = 'Must be a number with at most 4 decimal places.'
    for (const value of ['5.00001', '1e3', 12.5])
      await refuse(
        env,
        'emp',
        'kri.recordValue',
        { kri_id: k.id, period_start: '2026-01-01', value },
        {
          code: 'VALIDATION',
          message,
          fields: ['value'],
        },
      )
    await refuse(
      env,
      'emp',
      'kri.recordValue',
      { kri_id: k.id, period_start: '2026-01-01', value: '1234567890123' },
      {
        code: 'VALIDATION',
        message: 'Number out of range.',
      },
    )
    await record(env, 'emp', k.id, '2026-01-01', '0.1')
    await record(env, 'emp', k.id, '2026-02-01', '0.2')
    const stored = await valuesOf(env, k.id)
    expect(stored.map((v) => Number(v.value_e4))).toEqual([1000, 2000])
    const values = await env.ok('emp', 'kri.values', { kri_id: k.id })
    expect(values.items.map((v: { value: string }) => v.value)).toEqual(['0.2', '0.1'])
    // The largest exact value round-trips on both engines.
    const big = await record(env, 'emp', k.id, '2026-03-01', '900719925474.0991')
    expect(big).toMatchObject({ value: '900719925474.0991', status: 'RED' })
    expect((await env.ok('emp', 'kri.get', { id: k.id })).current_value).toBe('900719925474.0991')
  })

  it('KRI-08 periods: starts, ends, future and pre-first periods, weekends', async () => {
    const monthly = await aKri(env, sinceJanuary)
    await refuse(
      env,
      'ro',
      'kri.recordValue',
      { kri_id: monthly.id, period_start: '2026-03-02', value: '1' },
      {
        code: 'VALIDATION',
        message: 'Period start must be the first day of a monthly period.',
        fields: ['period_start'],
      },
    )
    expect(await record(env, 'ro', monthly.id, '2026-03-01', '1')).toMatchObject({ period_end: '2026-03-31' })
    await refuse(
      env,
      'ro',
      'kri.recordValue',
      { kri_id: monthly.id, period_start: '2026-12-01', value: '1' },
      {
        code: 'VALIDATION',
        message: 'Cannot record a value for a future period.',
      },
    )
    // The current period may be recorded before it ends.
    expect(await record(env, 'ro', monthly.id, '2026-11-01', '1')).toMatchObject({ period_end: '2026-11-30' })
    await refuse(
      env,
      'ro',
      'kri.recordValue',
      { kri_id: monthly.id, period_start: '2025-12-01', value: '1' },
      {
        code: 'VALIDATION',
        message: "Period is before the KRI's first period.",
      },
    )

    const weekly = await aKri(env, { frequency: 'WEEKLY', extra: { first_period_start: '2026-11-02' } })
    await refuse(
      env,
      'ro',
      'kri.recordValue',
      { kri_id: weekly.id, period_start: '2026-11-10', value: '1' },
      {
        code: 'VALIDATION',
        message: 'Period start must be the first day of a weekly period.',
      },
    )
    expect(await record(env, 'ro', weekly.id, '2026-11-09', '1')).toMatchObject({ period_end: '2026-11-15' })

    const quarterly = await aKri(env, { frequency: 'QUARTERLY', extra: { first_period_start: '2026-01-01' } })
    expect(await record(env, 'ro', quarterly.id, '2026-04-01', '1')).toMatchObject({ period_end: '2026-06-30' })

    const daily = await aKri(env, { frequency: 'DAILY', extra: { first_period_start: '2026-11-02' } })
    await refuse(
      env,
      'ro',
      'kri.recordValue',
      { kri_id: daily.id, period_start: '2026-11-21', value: '1' },
      {
        code: 'VALIDATION',
        message: 'Saturdays and Sundays are not periods for this KRI.',
      },
    )
    expect(await record(env, 'ro', daily.id, '2026-11-20', '1')).toMatchObject({ period_end: '2026-11-20' })
  })

  it('KRI-09 one value per period; corrections keep every version, need a reason and the current version', async () => {
    const k = await aKri(env, sinceJanuary)
    const first = await record(env, 'emp', k.id, '2026-02-01', '6', { comment: 'From the card report.' })
    await refuse(
      env,
      'emp',
      'kri.recordValue',
      { kri_id: k.id, period_start: '2026-02-01', value: '7' },
      {
        code: 'WORKFLOW',
        message: 'A value already exists for this period. Correct it instead.',
      },
    )
    const base = { kri_id: k.id, period_start: '2026-02-01', expected_version_no: 1, value: '7' }
    await refuse(env, 'emp', 'kri.correctValue', base, {
      code: 'VALIDATION',
      message: 'A correction needs a reason of at least 10 characters.',
      fields: ['reason'],
    })
    await refuse(
      env,
      'emp',
      'kri.correctValue',
      { ...base, reason: 'typo' },
      {
        code: 'VALIDATION',
        message: 'A correction needs a reason of at least 10 characters.',
      },
    )
    await refuse(
      env,
      'emp',
      'kri.correctValue',
      { ...base, value: '6', reason: 'Checked again, same.' },
      {
        code: 'VALIDATION',
        message: 'The correction changes nothing.',
      },
    )
    await refuse(
      env,
      'emp',
      'kri.correctValue',
      { ...base, period_start: '2026-03-01', reason: 'Source was restated.' },
      {
        code: 'WORKFLOW',
        message: 'No value has been recorded for this period.',
      },
    )
    const second = await env.ok('emp', 'kri.correctValue', { ...base, reason: 'Source was restated.' })
    expect(second).toMatchObject({
      version_no: 2,
      value: '7',
      status: 'AMBER',
      previous: { version_no: 1, value: '6' },
    })

    const versions = await valuesOf(env, k.id)
    expect(versions.map((v) => [v.version_no, v.is_current, v.origin, Number(v.value_e4)])).toEqual([
      [1, 0, 'RECORDED', 60_000],
      [2, 1, 'CORRECTED', 70_000],
    ])
    const history = await env.ok('emp', 'kri.valueHistory', { kri_id: k.id, period_start: '2026-02-01' })
    expect(history.items).toMatchObject([
      {
        version_no: 2,
        is_current: true,
        value: '7',
        origin: 'CORRECTED',
        correction_reason: 'Source was restated.',
        comment: 'From the card report.',
      },
      { version_no: 1, is_current: false, value: '6', origin: 'RECORDED', correction_reason: null },
    ])
    const audit = await auditOf(env, second.id)
    expect(audit[0]).toMatchObject({
      action: 'kri.correctValue',
      entity_type: 'kri_value',
      reason: 'Source was restated.',
    })
    expect(audit[0]!.changes).toContainEqual({ field: 'value_e4', before: 60_000, after: 70_000 })
    expect((await auditOf(env, first.id)).at(-1)!.changes).toEqual([{ field: 'is_current', before: 1, after: 0 }])
    // Both audit entries belong to one command.
    expect(audit[0]!.correlation_id).toBe((await auditOf(env, first.id)).at(-1)!.correlation_id)

    await refuse(
      env,
      'emp',
      'kri.correctValue',
      { ...base, value: '8', reason: 'Another restatement.' },
      {
        code: 'CONFLICT',
        message: 'This value changed after you saw it. Review the changes and try again.',
        expectedVersion: 1,
        actualVersion: 2,
      },
    )
    expect(await currentVersionNo(env, k.id, '2026-02-01')).toBe(2)
    // A comment-only correction is a change; an omitted comment keeps the current one.
    await correct(env, 'emp', k.id, '2026-02-01', '7', 'Clarified the comment.', { comment: 'Card report v2.' })
    const third = await correct(env, 'emp', k.id, '2026-02-01', '7.5', 'Late card reversals.')
    expect(third.version_no).toBe(4)
    const latest = await env.ok('emp', 'kri.valueHistory', { kri_id: k.id, period_start: '2026-02-01' })
    expect(latest.items[0]).toMatchObject({ version_no: 4, comment: 'Card report v2.' })
  })

  it('KRI-22 the owner records; mgr (not owner) is refused; ro records for any Retail KRI', async () => {
    const k = await aKri(env, { ...sinceJanuary, owner: 'mgr3' })
    expect(await record(env, 'mgr3', k.id, '2026-01-01', '1')).toMatchObject({ version_no: 1 })
    await refuse(
      env,
      'mgr',
      'kri.recordValue',
      { kri_id: k.id, period_start: '2026-02-01', value: '1' },
      {
        code: 'FORBIDDEN',
        message: 'Only the KRI owner or a Risk Officer can record values.',
      },
    )
    await refuse(
      env,
      'mgr',
      'kri.correctValue',
      { kri_id: k.id, period_start: '2026-01-01', expected_version_no: 1, value: '2', reason: 'Restated by finance.' },
      { code: 'FORBIDDEN', message: 'Only the KRI owner or a Risk Officer can record values.' },
    )
    expect(await record(env, 'ro', k.id, '2026-02-01', '1')).toMatchObject({ version_no: 1 })
    expect((await env.ok('mgr', 'kri.get', { id: k.id })).permissions).toEqual({
      can_edit: false,
      can_record: false,
      can_set_thresholds: false,
      can_delete: false,
    })
    expect((await env.ok('mgr3', 'kri.get', { id: k.id })).permissions).toMatchObject({
      can_record: true,
      can_edit: false,
    })
    // Another unit's risk officer does not see it at all.
    await refuse(
      env,
      'ro2',
      'kri.recordValue',
      { kri_id: k.id, period_start: '2026-03-01', value: '1' },
      {
        code: 'NOT_FOUND',
        message: 'KRI not found.',
      },
    )
  })

  it('KRI-28 (server side) two recordings of the same period: the second is refused, one value stays current', async () => {
    const k = await aKri(env, sinceJanuary)
    env.clock.set(at('2026-11-23'))
    const first = await env.call('emp', 'kri.recordValue', { kri_id: k.id, period_start: '2026-10-01', value: '3' })
    const second = await env.call('ro', 'kri.recordValue', { kri_id: k.id, period_start: '2026-10-01', value: '4' })
    expect(first.ok).toBe(true)
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'WORKFLOW', message: 'A value already exists for this period. Correct it instead.' },
    })
    const rows = await valuesOf(env, k.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ is_current: 1, version_no: 1, recorded_by: env.users['emp'] })
    expect(Number(rows[0]!.value_e4)).toBe(30_000)
    env.clock.set(T0)
  })
})
