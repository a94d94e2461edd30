import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import {
  aKri,
  at,
  auditOf,
  buId,
  changesFor,
  HIGHER,
  KRI_CONFLICT,
  kriInput,
  kriName,
  kriRow,
  kriVersion,
  move,
  record,
  REF,
  refuse,
  T0,
} from './kris-support'

describe.each(ENGINES)('KRI definition on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
  })
  afterAll(async () => env?.close())

  it('KRI-01 only risk officers create; ro creates a monthly Retail KRI (NO_DATA, set 1 from the 1st); Wholesale is outside scope', async () => {
    env.clock.set(T0)
    // "New KRI" follows the list's can_create, the same gate as kri.create.
    for (const [user, offered] of [
      ['ro', true],
      ['mgr', false],
      ['emp', false],
      ['aud', false],
    ] as const)
      expect((await env.ok(user, 'kri.list', {})).can_create, user).toBe(offered)
    await refuse(env, 'mgr', 'kri.create', await kriInput(env), {
      code: 'FORBIDDEN',
      message: 'Only Risk Officers can create KRIs.',
    })
    const created = await aKri(env)
    expect(created.ref).toMatch(REF)
    const k = await kriRow(env, created.id)
    expect(k).toMatchObject({
      current_status: 'NO_DATA',
      frequency: 'MONTHLY',
      weekdays_only: 0,
      first_period_start: '2026-11-01',
      grace_days: 5,
      activated_on: '2026-11-23',
      is_active: 1,
      version: 1,
      create_measure_on_red: 0,
      measure_due_days: 30,
      created_by: env.users['ro'],
    })
    const sets = await env.db.selectFrom('kri_threshold_set').selectAll().where('kri_id', '=', created.id).execute()
    expect(sets).toHaveLength(1)
    expect(sets[0]).toMatchObject({ seq: 1, effective_from: '2026-11-01', direction: 'higher_is_worse' })
    expect(Number(sets[0]!.amber_e4)).toBe(50_000)
    expect(Number(sets[0]!.red_e4)).toBe(100_000)
    expect(Number(sets[0]!.target_e4)).toBe(20_000)
    expect(sets[0]!.amber_low_e4).toBeNull()

    const view = await env.ok('ro', 'kri.get', { id: created.id })
    expect(view).toMatchObject({
      current_status: 'NO_DATA',
      thresholds: { seq: 1, effective_from: '2026-11-01', amber: '5', red: '10', target: '2', amber_low: null },
      permissions: { can_edit: true, can_record: true, can_set_thresholds: true, can_delete: true },
    })
    const audit = await auditOf(env, created.id)
    expect(audit[0]).toMatchObject({ action: 'kri.create', entity_type: 'kri', entity_ref: created.ref })

    await refuse(env, 'ro', 'kri.create', await kriInput(env, { bu: 'WHOLESALE', owner: 'emp2' }), {
      code: 'VALIDATION',
      message: 'Business unit is outside your scope.',
      fields: ['business_unit_id'],
    })
  })

  it('KRI-01 defaults: grace days by frequency, weekdays-only daily starts the next Monday at a weekend', async () => {
    env.clock.set(at('2026-11-21')) // a Saturday
    const daily = await aKri(env, { frequency: 'DAILY' })
    expect(await kriRow(env, daily.id)).toMatchObject({
      weekdays_only: 1,
      first_period_start: '2026-11-23',
      grace_days: 1,
    })
    const weekly = await aKri(env, { frequency: 'WEEKLY' })
    expect(await kriRow(env, weekly.id)).toMatchObject({ first_period_start: '2026-11-16', grace_days: 2 })
    const quarterly = await aKri(env, { frequency: 'QUARTERLY' })
    expect(await kriRow(env, quarterly.id)).toMatchObject({ first_period_start: '2026-10-01', grace_days: 10 })
    const annual = await aKri(env, { frequency: 'ANNUALLY', extra: { grace_days: 0 } })
    expect(await kriRow(env, annual.id)).toMatchObject({ first_period_start: '2026-01-01', grace_days: 0 })
    env.clock.set(T0)
  })

  it('KRI-01 field rules: owner, weekdays only, first period start, unique name', async () => {
    env.clock.set(T0)
    await refuse(env, 'ro', 'kri.create', await kriInput(env, { owner: 'aud' }), {
      code: 'VALIDATION',
      message: 'The owner cannot be an auditor or administrator.',
    })
    await refuse(env, 'ro', 'kri.create', await kriInput(env, { extra: { weekdays_only: true } }), {
      code: 'VALIDATION',
      message: 'Weekdays only applies to daily KRIs.',
    })
    await refuse(env, 'ro', 'kri.create', await kriInput(env, { extra: { first_period_start: '2026-03-02' } }), {
      code: 'VALIDATION',
      message: 'Period start must be the first day of a monthly period.',
    })
    await refuse(
      env,
      'ro',
      'kri.create',
      await kriInput(env, { frequency: 'ANNUALLY', extra: { first_period_start: '2026-03-01' } }),
      { code: 'VALIDATION', message: 'Period start must be the first day of an annual period.' },
    )
    const name = kriName('ATM downtime')
    await aKri(env, { name })
    await refuse(env, 'ro', 'kri.create', await kriInput(env, { name: `  ${name.toUpperCase()} ` }), {
      code: 'VALIDATION',
      message: 'A KRI with this name already exists.',
    })
    await refuse(
      env,
      'ro',
      'kri.create',
      { ...(await kriInput(env)), name: '  ' },
      {
        code: 'VALIDATION',
        message: 'This field is required.',
      },
    )
    await refuse(env, 'aud', 'kri.create', await kriInput(env), {
      code: 'FORBIDDEN',
      message: 'Your role cannot change KRIs.',
    })
  })

  it('KRI-02 threshold validation messages', async () => {
    env.clock.set(T0)
    const cases: [Record<string, string>, string, string][] = [
      [
        { direction: 'higher_is_worse', amber: '10', red: '5', target: '1' },
        'For higher-is-worse KRIs the red threshold must be greater than the amber threshold.',
        'thresholds.red',
      ],
      [
        { direction: 'higher_is_worse', amber: '5', red: '5', target: '1' },
        'For higher-is-worse KRIs the red threshold must be greater than the amber threshold.',
        'thresholds.red',
      ],
      [
        { direction: 'lower_is_worse', amber: '95', red: '98', target: '99' },
        'For lower-is-worse KRIs the red threshold must be less than the amber threshold.',
        'thresholds.red',
      ],
      [
        { direction: 'within_band', red_low: '10', amber_low: '20', amber_high: '20', red_high: '90', target: '15' },
        'For within-band KRIs the thresholds must satisfy red low < amber low < amber high < red high.',
        'thresholds.red_low',
      ],
      [
        { direction: 'higher_is_worse', amber: '5', red: '10', target: '5' },
        'The target must lie in the Green zone (below the amber threshold).',
        'thresholds.target',
      ],
      [
        { direction: 'higher_is_worse', amber: '5', red: '10', target: '2', amber_low: '1' },
        'Field not used for this direction.',
        'thresholds.amber_low',
      ],
    ]
    for (const [thresholds, message, field] of cases) {
      const error = await refuse(env, 'ro', 'kri.create', await kriInput(env, { thresholds }), {
        code: 'VALIDATION',
        message,
      })
      expect(error).toMatchObject({ fields: expect.arrayContaining([field]) })
    }
    // The same rules guard kri.setThresholds.
    const k = await aKri(env)
    await refuse(
      env,
      'ro',
      'kri.setThresholds',
      {
        kri_id: k.id,
        expected_version: 1,
        direction: 'higher_is_worse',
        amber: '5',
        red: '10',
        target: '2',
        red_low: '1',
      },
      { code: 'VALIDATION', message: 'Field not used for this direction.', fields: ['red_low'] },
    )
  })

  it('KRI-24 locks once a value exists; owner and grace days still change; thresholds need their own command', async () => {
    env.clock.set(T0)
    const k = await aKri(env, { extra: { first_period_start: '2026-01-01' } })
    // Before any value the calendar may change.
    await env.ok('ro', 'kri.update', { id: k.id, changes: await changesFor(env, k.id, { unit: 'cases' }) })
    await record(env, 'emp', k.id, '2026-01-01', '3')

    await refuse(
      env,
      'ro',
      'kri.update',
      { id: k.id, changes: await changesFor(env, k.id, { unit: 'hours' }) },
      {
        code: 'WORKFLOW',
        message: 'Fields unit cannot be changed once values are recorded.',
        fields: ['unit'],
      },
    )
    await refuse(
      env,
      'ro',
      'kri.update',
      { id: k.id, changes: await changesFor(env, k.id, { unit: 'hours', frequency: 'QUARTERLY' }) },
      { code: 'WORKFLOW', message: 'Fields unit, frequency cannot be changed once values are recorded.' },
    )
    await refuse(
      env,
      'ro',
      'kri.update',
      { id: k.id, changes: { amber: { before: '5', after: '6' } } },
      { code: 'VALIDATION', message: 'Use Set thresholds to change thresholds.', fields: ['changes.amber'] },
    )
    await refuse(
      env,
      'mgr',
      'kri.update',
      { id: k.id, changes: await changesFor(env, k.id, { grace_days: 3 }) },
      {
        code: 'FORBIDDEN',
        message: 'Only Risk Officers can edit KRIs.',
      },
    )

    const v = await kriVersion(env, k.id)
    const r = await env.ok('ro', 'kri.update', {
      id: k.id,
      changes: await changesFor(env, k.id, { owner_id: env.users['mgr3'], grace_days: 3 }),
    })
    expect(r).toMatchObject({ version: v + 1, changed: ['grace_days', 'owner_id'] })
    expect(await kriRow(env, k.id)).toMatchObject({ owner_id: env.users['mgr3'], grace_days: 3, unit: 'cases' })
    const audit = (await auditOf(env, k.id)).filter((a) => a.action === 'kri.update')
    expect(audit.at(-1)!.changes).toEqual([
      { field: 'grace_days', before: 5, after: 3 },
      { field: 'owner_id', before: env.users['emp'], after: env.users['mgr3'] },
    ])
    // A stale base is a conflict.
    await refuse(
      env,
      'ro',
      'kri.update',
      { id: k.id, changes: { grace_days: { before: 5, after: 7 } } },
      { code: 'CONFLICT', fields: [{ field: 'grace_days', before: 5, mine: 7, theirs: 3 }] },
    )
  })

  it('KRI-26 a KRI without values is deleted and disappears; one with a value cannot be deleted', async () => {
    env.clock.set(T0)
    const empty = await aKri(env)
    await refuse(
      env,
      'ro',
      'kri.delete',
      { id: empty.id, expected_version: 99 },
      {
        code: 'CONFLICT',
        message: KRI_CONFLICT,
      },
    )
    await move(env, 'ro', 'kri.delete', empty.id)
    expect(await env.call('ro', 'kri.get', { id: empty.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'KRI not found.' },
    })
    const listed = await env.ok('ro', 'kri.list', { is_active: null, limit: 100 })
    expect(listed.items.map((i: { id: string }) => i.id)).not.toContain(empty.id)
    expect((await kriRow(env, empty.id)).deleted_by).toBe(env.users['ro'])

    const used = await aKri(env)
    await record(env, 'emp', used.id, '2026-11-01', '1')
    await refuse(
      env,
      'ro',
      'kri.delete',
      { id: used.id, expected_version: await kriVersion(env, used.id) },
      {
        code: 'WORKFLOW',
        message: 'A KRI with recorded values cannot be deleted. Deactivate it instead.',
      },
    )
  })

  it('deactivate and reactivate are version commands with their own rules', async () => {
    env.clock.set(T0)
    const k = await aKri(env)
    await refuse(
      env,
      'ro',
      'kri.deactivate',
      { id: k.id, expected_version: 1, reason: 'short' },
      {
        code: 'VALIDATION',
        message: 'Reason must be at least 10 characters.',
      },
    )
    await refuse(
      env,
      'ro',
      'kri.reactivate',
      { id: k.id, expected_version: 1 },
      {
        code: 'WORKFLOW',
        message: 'KRI is already active.',
      },
    )
    await move(env, 'ro', 'kri.deactivate', k.id, { reason: 'Replaced by a better indicator.' })
    expect(await kriRow(env, k.id)).toMatchObject({
      is_active: 0,
      deactivation_reason: 'Replaced by a better indicator.',
      deactivated_by: env.users['ro'],
      version: 2,
    })
    await refuse(
      env,
      'ro',
      'kri.deactivate',
      { id: k.id, expected_version: 2, reason: 'Replaced by a better indicator.' },
      {
        code: 'WORKFLOW',
        message: 'KRI is already inactive.',
      },
    )
    env.clock.set(at('2026-12-02'))
    await move(env, 'ro', 'kri.reactivate', k.id)
    expect(await kriRow(env, k.id)).toMatchObject({ is_active: 1, activated_on: '2026-12-02', version: 3 })
    env.clock.set(T0)
  })

  it('a deactivated KRI frees its name; the BU of another scope cannot be edited in', async () => {
    env.clock.set(T0)
    const name = kriName('Branch cash differences')
    const k = await aKri(env, { name })
    await move(env, 'ro', 'kri.deactivate', k.id, { reason: 'Replaced by a better indicator.' })
    const again = await env.ok('ro', 'kri.create', { ...(await kriInput(env)), name })
    expect(again.ref).toMatch(REF)
    await refuse(
      env,
      'ro',
      'kri.reactivate',
      { id: k.id, expected_version: await kriVersion(env, k.id) },
      {
        code: 'VALIDATION',
        message: 'A KRI with this name already exists.',
      },
    )
    await refuse(
      env,
      'ro',
      'kri.update',
      { id: again.id, changes: await changesFor(env, again.id, { business_unit_id: await buId(env, 'WHOLESALE') }) },
      { code: 'VALIDATION', message: 'Business unit is outside your scope.' },
    )
    expect(HIGHER.direction).toBe('higher_is_worse')
  })
})
