import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import {
  activeRisk,
  aControl,
  aRisk,
  assessedRisk,
  auditOf,
  deactivateControl,
  edit,
  link,
  refuse,
  refuseMove,
  row,
  T0,
} from './risks-support'

describe.each(ENGINES)('risk–control links on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const linkRow = (riskId: string, controlId: string) =>
    env.db
      .selectFrom('risk_control')
      .selectAll()
      .where('risk_id', '=', riskId)
      .where('control_id', '=', controlId)
      .executeTakeFirst()

  it('RSK-14 an inactive linked control does not satisfy approval', async () => {
    const r = await assessedRisk(env)
    const c = await aControl(env)
    await link(env, 'ro', r.id, c.id)
    await deactivateControl(env, c.id)
    await edit(env, 'ro', r.id, { residual_likelihood: 2, residual_impact: 2 })
    await refuseMove(
      env,
      'ro',
      'risk.approve',
      r.id,
      {},
      {
        code: 'WORKFLOW',
        message: 'At least one control must be linked before approval.',
        details: {
          violations: [{ code: 'P6', message: 'At least one control must be linked before approval.', fields: [] }],
        },
      },
    )
  })

  it('RSK-26 inactive and duplicate links are refused; the link keeps who linked it and its notes', async () => {
    const r = await aRisk(env)
    const inactive = await aControl(env, { title: 'Old manual check' })
    await deactivateControl(env, inactive.id)
    await refuse(
      env,
      'ro',
      'risk.linkControl',
      { risk_id: r.id, control_id: inactive.id },
      {
        code: 'WORKFLOW',
        message: 'Cannot link inactive controls.',
      },
    )
    const c = await aControl(env)
    env.clock.set('2026-11-23T15:10:00.000Z')
    const done = await link(env, 'mgr', r.id, c.id, 'Covers the branch systems only.')
    expect(done).toMatchObject({ version: 2 })
    expect(await row(env, r.id)).toMatchObject({ version: 2 })
    expect(await linkRow(r.id, c.id)).toMatchObject({
      created_by_user_id: env.users.mgr,
      created_at: '2026-11-23T15:10:00.000Z',
      notes: 'Covers the branch systems only.',
    })
    await refuse(
      env,
      'ro',
      'risk.linkControl',
      { risk_id: r.id, control_id: c.id },
      {
        code: 'WORKFLOW',
        message: 'Control already linked.',
      },
    )
    const detail = await env.ok('mgr', 'risk.get', { id: r.id })
    expect(detail.linked.controls).toEqual([
      expect.objectContaining({ id: c.id, notes: 'Covers the branch systems only.' }),
    ])
    await env.ok('mgr', 'risk.updateControlLinkNotes', { risk_id: r.id, control_id: c.id, notes: 'All systems.' })
    expect((await linkRow(r.id, c.id))?.notes).toBe('All systems.')
    expect((await row(env, r.id))?.version).toBe(3)
    expect((await auditOf(env, `${r.id}:${c.id}`)).map((a) => a.action)).toEqual([
      'risk.linkControl',
      'risk.updateControlLinkNotes',
    ])
    await refuse(env, 'emp', 'risk.linkControl', { risk_id: r.id, control_id: inactive.id }, { code: 'NOT_FOUND' })
    await refuse(
      env,
      'aud',
      'risk.linkControl',
      { risk_id: r.id, control_id: c.id },
      {
        code: 'FORBIDDEN',
        message: 'Your role cannot change risks.',
      },
    )
    env.clock.set(T0)
  })

  it('RSK-26 the last active control of an ACTIVE risk stays; unlinking one of two warns', async () => {
    const r = await activeRisk(env)
    await refuse(
      env,
      'ro',
      'risk.unlinkControl',
      { risk_id: r.id, control_id: r.controlId },
      {
        code: 'WORKFLOW',
        message: 'Cannot unlink last control from ACTIVE risk. At least one control must remain.',
      },
    )
    const second = await aControl(env, { title: 'Second check' })
    await link(env, 'ro', r.id, second.id)
    const version = (await row(env, r.id))!.version
    const done = await env.ok('ro', 'risk.unlinkControl', { risk_id: r.id, control_id: r.controlId })
    expect(done).toMatchObject({
      version: version + 1,
      warnings: ['This may affect residual risk. Consider reassessment.'],
    })
    expect(await linkRow(r.id, r.controlId)).toBeUndefined()
    await refuse(
      env,
      'ro',
      'risk.unlinkControl',
      { risk_id: r.id, control_id: r.controlId },
      {
        code: 'WORKFLOW',
        message: 'Control is not linked.',
      },
    )
    const audit = await auditOf(env, `${r.id}:${r.controlId}`)
    expect(audit.at(-1)).toMatchObject({
      action: 'risk.unlinkControl',
      changes: expect.arrayContaining([{ field: 'created_by_user_id', before: env.users.ro, after: null }]),
    })
  })

  it('RSK-27 a manager changes a risk’s controls only in DRAFT', async () => {
    const r = await assessedRisk(env)
    const c = await aControl(env)
    const message = "Managers can change a risk's controls only while it is in DRAFT."
    await refuse(env, 'mgr', 'risk.linkControl', { risk_id: r.id, control_id: c.id }, { code: 'WORKFLOW', message })
    await link(env, 'ro', r.id, c.id)
    await refuse(env, 'mgr', 'risk.unlinkControl', { risk_id: r.id, control_id: c.id }, { code: 'WORKFLOW', message })
    await refuse(
      env,
      'mgr',
      'risk.updateControlLinkNotes',
      { risk_id: r.id, control_id: c.id, notes: 'x' },
      {
        code: 'WORKFLOW',
        message,
      },
    )
    const retired = await activeRisk(env)
    await env.ok('ro', 'risk.retire', {
      id: retired.id,
      expected_version: (await row(env, retired.id))!.version,
      reason: 'Business line closed for good.',
    })
    await refuse(
      env,
      'ro',
      'risk.linkControl',
      { risk_id: retired.id, control_id: c.id },
      {
        code: 'WORKFLOW',
        message: 'Cannot link retired risks.',
      },
    )
    await refuse(
      env,
      'ro',
      'risk.unlinkControl',
      { risk_id: retired.id, control_id: retired.controlId },
      {
        code: 'WORKFLOW',
        message: 'Retired risk cannot be modified.',
      },
    )
  })
})
