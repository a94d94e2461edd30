import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aRisk, auditOf, buId, REF, refuse, riskInput, row, T0 } from './risks-support'

describe.each(ENGINES)('risk.create on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const published = async () =>
    (
      await env.db
        .selectFrom('risk_matrix_version')
        .select('id')
        .where('status', '=', 'PUBLISHED')
        .executeTakeFirstOrThrow()
    ).id

  it('RSK-01 employees and auditors cannot create risks and are offered no "New risk"', async () => {
    const input = await riskInput(env)
    await refuse(env, 'emp', 'risk.create', input, {
      code: 'FORBIDDEN',
      message: 'Only users with the Manager or Risk Officer role can create risks.',
    })
    await refuse(env, 'aud', 'risk.create', input, { code: 'FORBIDDEN', message: 'Your role cannot change risks.' })
    await refuse(env, 'adm', 'risk.create', input, { code: 'FORBIDDEN', message: 'Your role cannot change risks.' })
    expect((await env.ok('emp', 'risk.formOptions', {})).can_create).toBe(false)
    expect((await env.ok('aud', 'risk.formOptions', {})).can_create).toBe(false)
    expect((await env.ok('mgr', 'risk.formOptions', {})).can_create).toBe(true)
  })

  it('RSK-02 the owner must belong to the risk’s BU; a valid draft pins the published matrix', async () => {
    await refuse(env, 'mgr', 'risk.create', await riskInput(env, { owner: 'mgr2' }), {
      code: 'VALIDATION',
      message: 'Owner must belong to the selected Business Unit.',
      fields: ['owner_id'],
    })
    const created = await aRisk(env, { owner: 'mgr' })
    expect(created.ref).toMatch(REF)
    const r = (await row(env, created.id))!
    expect(r).toMatchObject({
      status: 'DRAFT',
      version: 1,
      ref: created.ref,
      matrix_version_id: await published(),
      owner_id: env.users.mgr,
      created_by: env.users.mgr,
      created_at: T0,
    })
    const audit = await auditOf(env, created.id)
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ action: 'risk.create', entity_type: 'risk', entity_ref: created.ref })
    expect(audit[0]!.changes).toContainEqual({ field: 'title', before: null, after: r.title })
  })

  it('RSK-03 a manager creates only in their own BU; a group-scope officer in any BU', async () => {
    await refuse(env, 'mgr', 'risk.create', await riskInput(env, { bu: 'WHOLESALE', owner: 'mgr2' }), {
      code: 'VALIDATION',
      message: 'Business unit is outside your scope.',
      fields: ['business_unit_id'],
    })
    const w = await aRisk(env, { creator: 'rog', bu: 'WHOLESALE', owner: 'mgr2' })
    expect(await row(env, w.id)).toMatchObject({ business_unit_id: await buId(env, 'WHOLESALE'), status: 'DRAFT' })
  })

  it('RSK-04 scores and bands are computed; likelihood outside 1–5 is refused', async () => {
    const r = await aRisk(env, { creator: 'ro', inherent: [4, 5], residual: [3, 3] })
    expect(await row(env, r.id)).toMatchObject({
      inherent_score: 20,
      inherent_band: 'CRITICAL',
      residual_score: 9,
      residual_band: 'MEDIUM',
    })
    const matrix = await env.ok('ro', 'risk.formOptions', {})
    const band = (code: string) => matrix.matrix.bands.find((b: { code: string }) => b.code === code)
    expect(band('CRITICAL')).toMatchObject({ label: 'Critical', colour: '#C62828' })
    expect(band('MEDIUM')).toMatchObject({ label: 'Medium', colour: '#F9A825' })
    for (const bad of [6, 0, 2.5])
      await refuse(env, 'mgr', 'risk.create', await riskInput(env, { inherent: [bad, 3] }), {
        code: 'VALIDATION',
        message: 'Must be a whole number from 1 to 5.',
        fields: ['inherent_likelihood'],
      })
  })

  it('RSK-05 band boundaries of matrix version 1', async () => {
    const cases: [number, number, number, string][] = [
      [2, 2, 4, 'LOW'],
      [1, 5, 5, 'MEDIUM'],
      [3, 3, 9, 'MEDIUM'],
      [2, 5, 10, 'HIGH'],
      [3, 4, 12, 'HIGH'],
      [3, 5, 15, 'CRITICAL'],
      [5, 5, 25, 'CRITICAL'],
    ]
    for (const [l, i, score, band] of cases) {
      const r = await aRisk(env, { inherent: [l, i] })
      expect(await row(env, r.id)).toMatchObject({ inherent_score: score, inherent_band: band })
    }
  })

  it('RSK-02 create refuses fields locked in DRAFT for the role and references outside the BU', async () => {
    await refuse(env, 'mgr', 'risk.create', await riskInput(env, { residual: [2, 2] }), {
      code: 'WORKFLOW',
      message: "Fields residual_likelihood, residual_impact cannot be edited in DRAFT by role 'Manager'.",
    })
    const trade = await env.db
      .selectFrom('business_process')
      .select('id')
      .where('code', '=', 'TRADE_FINANCE')
      .executeTakeFirstOrThrow()
    await refuse(env, 'mgr', 'risk.create', await riskInput(env, { extra: { business_process_id: trade.id } }), {
      code: 'VALIDATION',
      message: 'Business process does not belong to the selected Business Unit.',
    })
    await refuse(env, 'mgr', 'risk.create', await riskInput(env, { category: 'NO_SUCH' }), {
      code: 'VALIDATION',
      message: 'Risk category not found or inactive.',
    })
    await refuse(env, 'mgr', 'risk.create', { ...(await riskInput(env)), status: 'ACTIVE' }, { code: 'VALIDATION' })
    await refuse(
      env,
      'mgr',
      'risk.create',
      { ...(await riskInput(env)), title: '   ' },
      {
        code: 'VALIDATION',
        message: 'This field is required.',
      },
    )
  })
})
