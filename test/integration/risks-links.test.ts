import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aMeasure, measureIn } from './measures-support'
import { activeRisk, aControl, aRisk, auditOf, move, refuse, row, T0 } from './risks-support'

// risks.md §8: incident, measure and control links seen from the risk (RSK-24, RSK-25, RSK-28).

const RETIRE = { reason: 'The branch network was sold to another bank.' }

describe.each(ENGINES)('risk links on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const anIncident = (user = 'emp') =>
    env.ok<{ id: string; ref: string }>(user, 'incident.create', {
      title: 'Card skimmer at branch',
      description: 'Found during the evening cash count.',
    })
  const detail = (user: string, id: string) => env.ok(user, 'risk.get', { id })
  const retiredRisk = async () => {
    const r = await activeRisk(env)
    await move(env, 'ro', 'risk.retire', r.id, RETIRE)
    return r
  }

  it('RSK-24 mgr links an incident (+1 on the detail); duplicates, unlink rights and missing links are refused', async () => {
    const risk = await aRisk(env)
    const incident = await anIncident()
    const before = await detail('mgr', risk.id)
    expect(before.incident_count).toBe(0)

    await env.ok('mgr', 'risk.linkIncident', { risk_id: risk.id, incident_id: incident.id })
    const after = await detail('mgr', risk.id)
    expect(after.incident_count).toBe(1)
    expect(after.linked.incidents).toMatchObject([{ id: incident.id, ref: incident.ref, linked_by_id: env.users.mgr }])
    // A link changes neither the risk's version nor the incident's (risks.md §1 "Versions").
    expect(after.version).toBe(before.version)
    expect((await auditOf(env, `${incident.id}:${risk.id}`)).map((a) => [a.action, a.entity_type])).toEqual([
      ['risk.linkIncident', 'incident_risk'],
    ])

    const link = { risk_id: risk.id, incident_id: incident.id }
    await refuse(env, 'mgr', 'risk.linkIncident', link, { code: 'WORKFLOW', message: 'Incident already linked.' })
    await refuse(env, 'mgr', 'risk.unlinkIncident', link, {
      code: 'FORBIDDEN',
      message: 'Only Risk Officers can unlink incidents from risks.',
    })
    await env.ok('ro', 'risk.unlinkIncident', link)
    expect((await detail('mgr', risk.id)).incident_count).toBe(0)
    await refuse(env, 'ro', 'risk.unlinkIncident', link, { code: 'WORKFLOW', message: 'Incident is not linked.' })
    expect((await auditOf(env, `${incident.id}:${risk.id}`)).map((a) => a.action)).toEqual([
      'risk.linkIncident',
      'risk.unlinkIncident',
    ])
  })

  it('RSK-24 the check order: invisible risk or incident NOT_FOUND, auditor and employee FORBIDDEN', async () => {
    const risk = await aRisk(env)
    const incident = await anIncident()
    const wholesale = await anIncident('emp2')
    await refuse(
      env,
      'mgr',
      'risk.linkIncident',
      { risk_id: risk.id, incident_id: wholesale.id },
      { code: 'NOT_FOUND', message: 'Incident not found.' },
    )
    await refuse(
      env,
      'ro2',
      'risk.linkIncident',
      { risk_id: risk.id, incident_id: wholesale.id },
      { code: 'NOT_FOUND', message: 'Risk not found.' },
    )
    await refuse(
      env,
      'aud',
      'risk.linkIncident',
      { risk_id: risk.id, incident_id: incident.id },
      { code: 'FORBIDDEN', message: 'Your role cannot change risks.' },
    )
    await refuse(
      env,
      'emp',
      'risk.linkIncident',
      { risk_id: risk.id, incident_id: incident.id },
      { code: 'FORBIDDEN', message: 'Only users with the Manager or Risk Officer role can link items to risks.' },
    )
  })

  it('RSK-25 linking an incident, a measure or a control to a RETIRED risk: "Cannot link retired risks."', async () => {
    const risk = await retiredRisk()
    expect((await row(env, risk.id))!.status).toBe('RETIRED')
    const incident = await anIncident()
    const measure = await aMeasure(env, { creator: 'ro' })
    const control = await aControl(env, { title: 'Dual control over the vault' })
    const error = { code: 'WORKFLOW', message: 'Cannot link retired risks.' }
    await refuse(env, 'ro', 'risk.linkIncident', { risk_id: risk.id, incident_id: incident.id }, error)
    await refuse(env, 'ro', 'measure.linkRisk', { id: measure.id, risk_id: risk.id }, error)
    await refuse(env, 'ro', 'risk.linkControl', { risk_id: risk.id, control_id: control.id }, error)
    // Unlinking from a retired risk is refused too: its links are kept as history.
    await refuse(
      env,
      'ro',
      'risk.unlinkIncident',
      { risk_id: risk.id, incident_id: incident.id },
      { code: 'WORKFLOW', message: 'Retired risk cannot be modified.' },
    )
  })

  it('RSK-28 measures: a cancelled measure, a duplicate and mgr unlinking are refused; the link shows on the measure', async () => {
    const risk = await aRisk(env)
    const cancelled = await measureIn(env, 'CANCELLED')
    await refuse(
      env,
      'mgr',
      'measure.linkRisk',
      { id: cancelled.id, risk_id: risk.id },
      { code: 'WORKFLOW', message: 'Cannot link a cancelled measure.' },
    )

    const measure = await aMeasure(env)
    await env.ok('mgr', 'measure.linkRisk', { id: measure.id, risk_id: risk.id })
    const { ref: riskRef } = (await row(env, risk.id))!
    const dup = await refuse(
      env,
      'mgr',
      'measure.linkRisk',
      { id: measure.id, risk_id: risk.id },
      { code: 'VALIDATION', message: `Measure ${measure.ref} is already linked to Risk ${riskRef}.` },
    )
    expect(dup).toMatchObject({ fields: ['risk_id'] })
    await refuse(
      env,
      'mgr',
      'measure.unlinkRisk',
      { id: measure.id, risk_id: risk.id },
      { code: 'FORBIDDEN', message: 'Only Risk Officers can unlink measures.' },
    )

    const onMeasure = await env.ok('mgr', 'measure.get', { id: measure.id })
    expect(onMeasure.linked_risks).toEqual([{ id: risk.id, ref: riskRef, title: expect.any(String), status: 'DRAFT' }])
    expect(onMeasure.linked_risk_count).toBe(1)
    const onRisk = await detail('mgr', risk.id)
    expect(onRisk.measure_count).toBe(1)
    expect(onRisk.linked.measures).toMatchObject([{ id: measure.id, ref: measure.ref, status: 'OPEN' }])
    // The register's reverse view: measure.list filtered by the risk.
    const listed = await env.ok('mgr', 'measure.list', { risk_id: risk.id })
    expect(listed.items.map((m: { id: string }) => m.id)).toEqual([measure.id])
    expect(listed.items[0].linked_risk_count).toBe(1)
    // A link never changes the risk's version.
    expect(onRisk.version).toBe(1)

    await refuse(
      env,
      'ro',
      'measure.unlinkRisk',
      { id: cancelled.id, risk_id: risk.id },
      { code: 'VALIDATION', message: `Measure ${cancelled.ref} is not linked to Risk ${riskRef}.` },
    )
  })
})
