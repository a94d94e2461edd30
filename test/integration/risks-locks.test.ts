import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { activeRisk, aRisk, assessedRisk, auditOf, edit, move, refuseEdit, row, T0 } from './risks-support'

const RETIRE = 'Business line closed for good.'

describe.each(ENGINES)('risk field locks on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  it('RSK-18 a manager edits a DRAFT title; one locked field refuses the whole update', async () => {
    const r = await aRisk(env)
    expect(await edit(env, 'mgr', r.id, { title: 'Core banking outage in all branches' })).toMatchObject({
      version: 2,
      changed: ['title'],
    })
    expect((await row(env, r.id))?.title).toBe('Core banking outage in all branches')
    const error = await refuseEdit(
      env,
      'mgr',
      r.id,
      { title: 'Another title', residual_likelihood: 2 },
      {
        code: 'WORKFLOW',
        message: "Fields residual_likelihood cannot be edited in DRAFT by role 'Manager'.",
      },
    )
    expect(error).toMatchObject({ fields: ['residual_likelihood'] })
    expect((await row(env, r.id))?.title).toBe('Core banking outage in all branches')
  })

  it('RSK-18 a manager edits nothing in ASSESSED', async () => {
    const r = await assessedRisk(env)
    await refuseEdit(
      env,
      'mgr',
      r.id,
      { description: 'A new description.' },
      {
        code: 'WORKFLOW',
        message: "Fields description cannot be edited in ASSESSED by role 'Manager'.",
      },
    )
  })

  it('RSK-18 every field of ACTIVE and RETIRED risks is read-only for every role', async () => {
    const active = await activeRisk(env)
    for (const user of ['mgr', 'ro', 'rog'])
      await refuseEdit(
        env,
        user,
        active.id,
        { title: 'Renamed', residual_likelihood: 1 },
        {
          code: 'WORKFLOW',
          message: `Fields title, residual_likelihood cannot be edited in ACTIVE by role '${user === 'mgr' ? 'Manager' : 'Risk Officer'}'.`,
        },
      )
    await move(env, 'ro', 'risk.retire', active.id, { reason: RETIRE })
    await refuseEdit(
      env,
      'ro',
      active.id,
      { next_review_date: '2027-01-01' },
      {
        code: 'WORKFLOW',
        message: "Fields next_review_date cannot be edited in RETIRED by role 'Risk Officer'.",
      },
    )
  })

  it('RSK-18 re-sending a field with its current value is no change, even on an ACTIVE risk', async () => {
    const r = await activeRisk(env)
    const stored = (await row(env, r.id))!
    const saved = await env.ok('mgr', 'risk.update', {
      id: r.id,
      changes: { title: { before: 'An older title', after: stored.title } },
    })
    expect(saved).toMatchObject({ changed: [], version: stored.version + 1 })
    expect(await row(env, r.id)).toMatchObject({ title: stored.title, status: 'ACTIVE' })
    expect((await auditOf(env, r.id)).at(-1)).toMatchObject({ action: 'risk.update', changes: [] })
  })

  it('RSK-18 an update recomputes scores and bands on the pinned matrix', async () => {
    const r = await aRisk(env, { creator: 'ro', inherent: [2, 2] })
    expect(await row(env, r.id)).toMatchObject({ inherent_score: 4, inherent_band: 'LOW' })
    await edit(env, 'mgr', r.id, { inherent_likelihood: 5, inherent_impact: 4 })
    expect(await row(env, r.id)).toMatchObject({ inherent_score: 20, inherent_band: 'CRITICAL' })
    await edit(env, 'mgr', r.id, { inherent_impact: null })
    expect(await row(env, r.id)).toMatchObject({ inherent_score: null, inherent_band: null })
    const audit = (await auditOf(env, r.id)).at(-1)!
    expect(audit.changes).toHaveLength(3)
    expect(audit.changes).toEqual(
      expect.arrayContaining([
        { field: 'inherent_impact', before: 4, after: null },
        { field: 'inherent_score', before: 20, after: null },
        { field: 'inherent_band', before: 'CRITICAL', after: null },
      ]),
    )
  })

  it('RSK-18 update value rules: owner in the BU, Basel allowed by the category', async () => {
    const r = await aRisk(env)
    await refuseEdit(
      env,
      'mgr',
      r.id,
      { owner_id: env.users.mgr2 },
      {
        code: 'VALIDATION',
        message: 'Owner must belong to the selected Business Unit.',
      },
    )
    await refuseEdit(
      env,
      'mgr',
      r.id,
      { risk_category_id: 'FRAUD_RISK' },
      {
        code: 'VALIDATION',
        message: 'Basel event type is not valid for risk category.',
      },
    )
    await edit(env, 'mgr', r.id, { risk_category_id: 'FRAUD_RISK', basel_event_type_id: 'EL2.1' })
    expect(await row(env, r.id)).toMatchObject({ risk_category_id: 'FRAUD_RISK', basel_event_type_id: 'EL2.1' })
  })
})
