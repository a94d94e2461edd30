import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aControl, auditOf, bu, controlRow, controlVersion, CTL_REF, processId, refuse, T0 } from './controls-support'

describe.each(ENGINES)('control.create on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const input = async (extra: Record<string, unknown> = {}) => ({
    title: 'Cash count at branch close',
    description: 'Two staff count the cash at close of business and sign the sheet.',
    control_frequency: 'DAILY',
    business_unit_id: await bu(env, 'RETAIL'),
    owner_id: env.users['mgr'],
    ...extra,
  })

  it('CTL-02 effectiveness 0 or 6 and a missing frequency are refused; type and nature default', async () => {
    for (const effectiveness of [0, 6, 2.5])
      await refuse(env, 'ro', 'control.create', await input({ effectiveness }), {
        code: 'VALIDATION',
        message: 'Must be a whole number from 1 to 5.',
      })
    const { control_frequency: _omit, ...noFrequency } = await input()
    const error = await refuse(env, 'ro', 'control.create', noFrequency, {
      code: 'VALIDATION',
      message: 'This field is required.',
    })
    expect(error).toMatchObject({ fields: ['control_frequency'] })
    const c = await env.ok('ro', 'control.create', await input({ effectiveness: 4 }))
    expect(c.ref).toMatch(CTL_REF)
    expect(await controlRow(env, c.id)).toMatchObject({
      control_type: 'PREVENTIVE',
      control_nature: 'MANUAL',
      implementation_status: 'IMPLEMENTED',
      effectiveness: 4,
      group_wide: 0,
      is_active: 1,
      evidence_status: 'NONE',
      version: 1,
      created_by: env.users['ro'],
    })
    const audit = await auditOf(env, c.id)
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ action: 'control.create', entity_type: 'control', entity_ref: c.ref })
  })

  it('create value rules: owner, process BU and code uniqueness, in the table order', async () => {
    await refuse(env, 'ro', 'control.create', await input({ owner_id: env.users['aud'] }), {
      code: 'VALIDATION',
      message: 'The owner cannot be an auditor or administrator.',
    })
    await env.db.updateTable('users').set({ is_active: 0 }).where('id', '=', env.users['gorm2']!).execute()
    await refuse(env, 'ro', 'control.create', await input({ owner_id: env.users['gorm2'] }), {
      code: 'VALIDATION',
      message: 'Owner not found or inactive.',
    })
    await refuse(
      env,
      'ro',
      'control.create',
      await input({ business_process_id: await processId(env, 'TRADE_FINANCE') }),
      { code: 'VALIDATION', message: 'Business process does not belong to the selected Business Unit.' },
    )
    await aControl(env, { code: 'RET.01' })
    await refuse(env, 'ro', 'control.create', await input({ code: 'ret.01' }), {
      code: 'VALIDATION',
      message: 'Control code already in use.',
    })
    const ok = await env.ok(
      'ro',
      'control.create',
      await input({ business_process_id: await processId(env, 'CREDIT_CARDS'), code: ' RET.02 ' }),
    )
    expect(await controlRow(env, ok.id)).toMatchObject({ code: 'RET.02' })
  })

  it('CTL-01 only ro may create, edit and deactivate; mgr and emp see read-only views; aud cannot change controls', async () => {
    // "New control" follows the list's can_create, the same gate as control.create.
    for (const [user, offered] of [
      ['ro', true],
      ['mgr', false],
      ['emp', false],
      ['aud', false],
    ] as const)
      expect((await env.ok(user, 'control.list', {})).can_create, user).toBe(offered)
    await refuse(env, 'mgr', 'control.create', await input(), {
      code: 'FORBIDDEN',
      message: 'Only Risk Officers can create controls.',
    })
    await refuse(env, 'emp', 'control.create', await input(), {
      code: 'FORBIDDEN',
      message: 'Only Risk Officers can create controls.',
    })
    const c = await aControl(env, { group_wide: true })
    const change = { id: c.id, changes: { description: { before: 'x', after: 'A better description.' } } }
    await refuse(env, 'mgr', 'control.update', change, {
      code: 'FORBIDDEN',
      message: 'Only Risk Officers can edit controls.',
    })
    const v = await controlVersion(env, c.id)
    const READ_ONLY = { code: 'FORBIDDEN', message: 'Your role cannot change controls.' }
    await refuse(env, 'aud', 'control.create', await input(), READ_ONLY)
    await refuse(env, 'aud', 'control.update', change, READ_ONLY)
    await refuse(
      env,
      'aud',
      'control.deactivate',
      { id: c.id, expected_version: v, reason: 'No longer needed here.' },
      READ_ONLY,
    )
    await refuse(env, 'aud', 'control.reactivate', { id: c.id, expected_version: v }, READ_ONLY)
    await refuse(env, 'aud', 'control.delete', { id: c.id }, READ_ONLY)
    await refuse(
      env,
      'aud',
      'control.addFrameworkRef',
      { control_id: c.id, framework_id: 'ISO27001_2013', clause_code: 'A.12.4.1' },
      READ_ONLY,
    )
    await refuse(
      env,
      'aud',
      'control.recordTest',
      { control_id: c.id, test_date: '2026-11-20', tester_id: env.users['aud'], result: 'EFFECTIVE' },
      READ_ONLY,
    )
    await refuse(
      env,
      'aud',
      'control.createFromTemplate',
      { template_code: 'A.9.2.1', business_unit_id: await bu(env, 'RETAIL'), owner_id: env.users['mgr'] },
      READ_ONLY,
    )
    // The detail's permissions drive the buttons: only ro gets New/Edit/Deactivate.
    const perms = async (u: string) => (await env.ok(u, 'control.get', { id: c.id })).permissions
    expect(await perms('ro')).toMatchObject({ can_edit: true, can_deactivate: true, can_delete: false })
    for (const u of ['mgr', 'emp', 'aud'])
      expect(await perms(u)).toMatchObject({
        can_edit: false,
        can_deactivate: false,
        can_reactivate: false,
        can_delete: false,
        can_review_evidence: false,
        can_record_test: false,
      })
    expect((await perms('aud')).can_add_evidence).toBe(false)
    // mgr owns it: the owner may add evidence (§6.3), nothing else.
    expect((await perms('mgr')).can_add_evidence).toBe(true)
    expect((await perms('emp')).can_add_evidence).toBe(false)
  })

  it('CTL-03 ro2 sees a group-wide Retail control but cannot edit it, nor create in Retail', async () => {
    const c = await aControl(env, { group_wide: true, title: 'Group-wide Retail control' })
    const detail = await env.ok('ro2', 'control.get', { id: c.id })
    expect(detail).toMatchObject({ id: c.id, group_wide: true, permissions: { can_edit: false } })
    await refuse(
      env,
      'ro2',
      'control.update',
      { id: c.id, changes: { description: { before: detail.description, after: 'Changed by Wholesale.' } } },
      { code: 'FORBIDDEN', message: "Only Risk Officers of the control's Business Unit can edit it." },
    )
    const error = await refuse(env, 'ro2', 'control.create', await input(), {
      code: 'VALIDATION',
      message: 'Business unit is outside your scope.',
    })
    expect(error).toMatchObject({ fields: ['business_unit_id'] })
    // ro2 creates in Wholesale, which is in scope.
    await env.ok('ro2', 'control.create', await input({ business_unit_id: await bu(env, 'WHOLESALE') }))
  })

  it('CTL-05 control.delete is always FORBIDDEN after visibility, and changes nothing', async () => {
    const c = await aControl(env)
    const before = await controlRow(env, c.id)
    await refuse(
      env,
      'ro',
      'control.delete',
      { id: c.id },
      {
        code: 'FORBIDDEN',
        message: 'Controls cannot be deleted. Please deactivate them instead.',
      },
    )
    await refuse(
      env,
      'rog',
      'control.delete',
      { id: c.id, expected_version: 1 },
      {
        code: 'FORBIDDEN',
        message: 'Controls cannot be deleted. Please deactivate them instead.',
      },
    )
    // Outside visibility the control does not exist for the caller.
    await refuse(env, 'ro2', 'control.delete', { id: c.id }, { code: 'NOT_FOUND', message: 'Control not found.' })
    expect(await controlRow(env, c.id)).toEqual(before)
    expect((await env.ok('ro', 'control.get', { id: c.id })).permissions.can_delete).toBe(false)
  })
})
