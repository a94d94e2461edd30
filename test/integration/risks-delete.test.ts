import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { activeRisk, aControl, aRisk, auditOf, link, move, refuse, refuseMove, row, T0 } from './risks-support'

const REASON = 'Scores need another look by the business.'

describe.each(ENGINES)('risk.delete on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const listIds = async (user: string) =>
    (await env.ok(user, 'risk.list', { limit: 100 })).items.map((i: { id: string }) => i.id) as string[]

  it('RSK-22 the creator deletes a DRAFT: gone everywhere, the delete and every removed link audited', async () => {
    const r = await aRisk(env)
    const c = await aControl(env)
    await link(env, 'mgr', r.id, c.id)
    const incident = await env.ok('emp', 'incident.create', {
      title: 'Core system down at branch 12',
      description: 'No transactions for three hours.',
    })
    await env.ok('mgr', 'risk.linkIncident', { risk_id: r.id, incident_id: incident.id })
    const measure = await env.ok('mgr', 'measure.create', {
      description: 'Add a second data line to branch 12.',
      responsible_user_id: env.users.emp,
    })
    await env.ok('mgr', 'measure.linkRisk', { id: measure.id, risk_id: r.id })
    expect(await listIds('mgr')).toContain(r.id)

    const done = await move(env, 'mgr', 'risk.delete', r.id)
    expect(done).toMatchObject({ id: r.id, deleted: true })
    expect(await row(env, r.id)).toMatchObject({ deleted_by: env.users.mgr, deleted_at: T0 })
    expect(await listIds('mgr')).not.toContain(r.id)
    expect(await listIds('ro')).not.toContain(r.id)
    await refuse(env, 'mgr', 'risk.get', { id: r.id }, { code: 'NOT_FOUND', message: 'Risk not found.' })
    await refuse(env, 'rog', 'risk.get', { id: r.id }, { code: 'NOT_FOUND', message: 'Risk not found.' })

    const riskAudit = await auditOf(env, r.id)
    expect(riskAudit.at(-1)).toMatchObject({ action: 'risk.delete', entity_type: 'risk' })
    const correlation = riskAudit.at(-1)!.correlation_id
    const linkAudit = await env.db
      .selectFrom('audit_entry')
      .select(['entity_type', 'entity_id'])
      .where('correlation_id', '=', correlation)
      .where('entity_type', 'in', ['risk_control', 'incident_risk', 'risk_measure'])
      .orderBy('seq')
      .execute()
    expect(linkAudit).toEqual([
      { entity_type: 'risk_control', entity_id: `${r.id}:${c.id}` },
      { entity_type: 'incident_risk', entity_id: `${incident.id}:${r.id}` },
      { entity_type: 'risk_measure', entity_id: `${r.id}:${measure.id}` },
    ])
    for (const table of ['risk_control', 'incident_risk', 'risk_measure'] as const) {
      const left = await env.db.selectFrom(table).selectAll().where('risk_id', '=', r.id).execute()
      expect(left).toEqual([])
    }
  })

  it('RSK-22 a risk officer may delete a manager’s DRAFT; another manager may not', async () => {
    const r = await aRisk(env)
    await refuseMove(
      env,
      'mgr3',
      'risk.delete',
      r.id,
      {},
      {
        code: 'FORBIDDEN',
        message: 'You do not have permission to delete this risk.',
      },
    )
    await refuseMove(
      env,
      'aud',
      'risk.delete',
      r.id,
      {},
      { code: 'FORBIDDEN', message: 'Your role cannot change risks.' },
    )
    await refuse(
      env,
      'ro',
      'risk.delete',
      { id: r.id, expected_version: 7 },
      {
        code: 'CONFLICT',
        message: 'This risk changed after you saw it. Review the changes and try again.',
      },
    )
    await move(env, 'ro', 'risk.delete', r.id)
    expect((await row(env, r.id))?.deleted_by).toBe(env.users.ro)
  })

  it('RSK-22 only never-approved DRAFT risks can be deleted', async () => {
    const r = await activeRisk(env)
    await refuseMove(
      env,
      'ro',
      'risk.delete',
      r.id,
      {},
      {
        code: 'WORKFLOW',
        message: 'Only DRAFT risks can be deleted.',
      },
    )
    await move(env, 'ro', 'risk.requestReassessment', r.id)
    await move(env, 'ro', 'risk.sendBack', r.id, { reason: REASON })
    expect((await row(env, r.id))?.status).toBe('DRAFT')
    await refuseMove(
      env,
      'mgr',
      'risk.delete',
      r.id,
      {},
      {
        code: 'WORKFLOW',
        message: 'A risk that has been approved cannot be deleted. Retire it instead.',
      },
    )
  })
})
