import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import {
  aRisk,
  assessedRisk,
  auditOf,
  edit,
  move,
  refuse,
  refuseEdit,
  refuseMove,
  riskInput,
  row,
  T0,
} from './risks-support'

const IT_TYPES = ['EL2.2', 'EL6']

describe.each(ENGINES)('risk workflow configuration on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const category = async (id: string) =>
    (await env.ok('mgr', 'riskCategory.list', {})).items.find((c: { id: string }) => c.id === id)

  it('RSK-42 the Basel picker of Fraud Risk offers only internal and external fraud with their level-2 types', async () => {
    const fraud = await category('FRAUD_RISK')
    expect(fraud.event_type_ids).toEqual(['EL1', 'EL2'])
    expect([...fraud.allowed_event_type_ids].sort()).toEqual(['EL1', 'EL1.1', 'EL1.2', 'EL2', 'EL2.1', 'EL2.2'])
    const options = await env.ok('mgr', 'risk.formOptions', {})
    const inForm = options.categories.find((c: { id: string }) => c.id === 'FRAUD_RISK')
    expect(inForm.allowed_event_types.map((t: { id: string }) => t.id)).toEqual(fraud.allowed_event_type_ids)
    const it = await category('IT_RISK')
    expect([...it.allowed_event_type_ids].sort()).toEqual(['EL2.2', 'EL6', 'EL6.1'])
    const r = await aRisk(env, { category: 'FRAUD_RISK', basel: 'EL2.2' })
    expect(await row(env, r.id)).toMatchObject({ risk_category_id: 'FRAUD_RISK', basel_event_type_id: 'EL2.2' })
  })

  it('RSK-07 a Basel type the category does not allow is refused; removing a mapping blocks submission', async () => {
    await refuse(env, 'mgr', 'risk.create', await riskInput(env, { basel: 'EL2' }), {
      code: 'VALIDATION',
      message: 'Basel event type is not valid for risk category.',
      fields: ['basel_event_type_id'],
    })
    const r = await aRisk(env, { basel: 'EL6.1' })
    await refuseEdit(
      env,
      'mgr',
      r.id,
      { basel_event_type_id: 'EL2' },
      {
        code: 'VALIDATION',
        message: 'Basel event type is not valid for risk category.',
      },
    )
    await edit(env, 'mgr', r.id, { basel_event_type_id: 'EL2.2' })
    expect((await row(env, r.id))?.basel_event_type_id).toBe('EL2.2')

    await refuse(
      env,
      'mgr',
      'riskCategory.update',
      { id: 'IT_RISK', event_type_ids: ['EL6'] },
      {
        code: 'FORBIDDEN',
        message: 'Only administrators can change the risk workflow settings.',
      },
    )
    await refuse(
      env,
      'adm',
      'riskCategory.update',
      { id: 'IT_RISK', event_type_ids: [] },
      {
        code: 'VALIDATION',
        message: 'A risk category must allow at least one Basel event type.',
      },
    )
    await env.ok('adm', 'riskCategory.update', { id: 'IT_RISK', event_type_ids: ['EL6'] })
    const removed = await auditOf(env, 'IT_RISK:EL2.2')
    expect(removed.at(-1)).toMatchObject({ action: 'riskCategory.update', entity_type: 'risk_category_event_type' })
    await refuseMove(
      env,
      'mgr',
      'risk.submitForReview',
      r.id,
      {},
      {
        code: 'WORKFLOW',
        message: 'Basel event type is not valid for risk category.',
      },
    )
    await env.ok('adm', 'riskCategory.update', { id: 'IT_RISK', event_type_ids: IT_TYPES })
    await move(env, 'mgr', 'risk.submitForReview', r.id)
  })

  it('RSK-19 locks are data: with (ASSESSED, manager, description) a manager edits an ASSESSED description', async () => {
    const r = await assessedRisk(env)
    await refuseEdit(
      env,
      'mgr',
      r.id,
      { description: 'Outage of the core system for a full day.' },
      {
        code: 'WORKFLOW',
        message: "Fields description cannot be edited in ASSESSED by role 'Manager'.",
      },
    )
    await env.ok('adm', 'riskConfig.setEditableFields', {
      status: 'ASSESSED',
      role: 'manager',
      fields: ['description'],
    })
    await edit(env, 'mgr', r.id, { description: 'Outage of the core system for a full day.' })
    expect((await row(env, r.id))?.description).toBe('Outage of the core system for a full day.')
    await env.ok('adm', 'riskConfig.setEditableFields', { status: 'ASSESSED', role: 'manager', fields: [] })
  })

  it('RSK-20 required fields are data: (ASSESSED, inherent_justification) blocks a submission without it', async () => {
    await env.ok('adm', 'riskConfig.setRequiredFields', {
      target_status: 'ASSESSED',
      fields: ['inherent_justification'],
    })
    const r = await aRisk(env)
    await refuseMove(
      env,
      'mgr',
      'risk.submitForReview',
      r.id,
      {},
      {
        code: 'WORKFLOW',
        message: 'Fields inherent_justification are required for ASSESSED.',
      },
    )
    await edit(env, 'mgr', r.id, { inherent_justification: 'Two outages last year.' })
    await move(env, 'mgr', 'risk.submitForReview', r.id)
    await env.ok('adm', 'riskConfig.setRequiredFields', { target_status: 'ASSESSED', fields: [] })
  })

  it('RSK-21 transitions are data: without (DRAFT, ASSESSED, manager) a manager cannot submit', async () => {
    await env.ok('adm', 'riskConfig.setTransitionRoles', {
      from_status: 'DRAFT',
      to_status: 'ASSESSED',
      roles: ['risk_officer'],
    })
    const r = await aRisk(env)
    await refuseMove(
      env,
      'mgr',
      'risk.submitForReview',
      r.id,
      {},
      {
        code: 'WORKFLOW',
        message: "Role 'Manager' is not authorized to move from 'DRAFT' to 'ASSESSED'.",
      },
    )
    const audit = await auditOf(env, 'DRAFT:ASSESSED:manager')
    expect(audit.at(-1)).toMatchObject({
      action: 'riskConfig.setTransitionRoles',
      changes: expect.arrayContaining([{ field: 'role', before: 'manager', after: null }]),
    })
    await env.ok('adm', 'riskConfig.setTransitionRoles', {
      from_status: 'DRAFT',
      to_status: 'ASSESSED',
      roles: ['manager', 'risk_officer'],
    })
    await move(env, 'mgr', 'risk.submitForReview', r.id)
  })

  it('RSK-19 the lock and required-field tables reject unknown or protected fields; only admins configure', async () => {
    for (const name of ['status', 'inherent_score', 'version', 'nickname'])
      await refuse(
        env,
        'adm',
        'riskConfig.setEditableFields',
        { status: 'DRAFT', role: 'manager', fields: [name] },
        {
          code: 'VALIDATION',
          message: `Unknown or protected field: ${name}.`,
        },
      )
    await refuse(
      env,
      'adm',
      'riskConfig.setRequiredFields',
      { target_status: 'ACTIVE', fields: ['matrix_version_id'] },
      {
        code: 'VALIDATION',
        message: 'Unknown or protected field: matrix_version_id.',
      },
    )
    await refuse(
      env,
      'ro',
      'riskConfig.setEditableFields',
      { status: 'DRAFT', role: 'manager', fields: [] },
      {
        code: 'FORBIDDEN',
        message: 'Only administrators can change the risk workflow settings.',
      },
    )
    await refuse(env, 'ro', 'riskConfig.get', {}, { code: 'FORBIDDEN' })
    const config = await env.ok('adm', 'riskConfig.get', {})
    expect(config.transitions).toHaveLength(8)
    expect(config.settings).toEqual({
      risk_review_interval_days: 365,
      risk_acceptance_max_days: 365,
      risk_acceptance_warning_days: 30,
    })
    expect(config.categories.map((c: { name: string }) => c.name)).toContain('IT Risk')
  })

  it('RSK-11 the review interval is an admin setting used at approval', async () => {
    await env.ok('adm', 'riskConfig.setSettings', { risk_review_interval_days: 180 })
    expect((await auditOf(env, 'risk_review_interval_days')).at(-1)).toMatchObject({
      changes: [{ field: 'value', before: 365, after: 180 }],
    })
    const r = await aRisk(env, { creator: 'ro', residual: [2, 2] })
    const control = await env.ok('ro', 'control.create', {
      title: 'Failover test',
      description: 'Quarterly failover of the core system.',
      control_frequency: 'QUARTERLY',
      business_unit_id: (await row(env, r.id))!.business_unit_id,
      owner_id: env.users.ro,
    })
    await env.ok('ro', 'risk.linkControl', { risk_id: r.id, control_id: control.id })
    await move(env, 'ro', 'risk.approve', r.id)
    expect((await row(env, r.id))?.next_review_date).toBe('2027-05-22')
    await env.ok('adm', 'riskConfig.setSettings', { risk_review_interval_days: 365 })
  })
})
