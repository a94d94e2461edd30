import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, footprint, testEnv, type TestEnv } from '../support/engines'
import { validated, version as incidentVersion } from '../support/incident-flow'
import { aMeasure, auditOf, refuse as refuseMeasure, REF, TODAY } from './measures-support'
import { activeRisk, aRisk, move, refuse, row } from './risks-support'

// The measure and incident side of the risk links: measures.md §5.3 and §7 (MEA-05, MEA-22) and the incident
// detail's linked risks (incidents.md §14.2, INC-44).

const RETIRE = { reason: 'The branch network was sold to another bank.' }

describe.each(ENGINES)('measure and incident links to risks on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set('2026-11-23T14:05:09.123Z')
  })
  afterAll(async () => env?.close())

  const create = (user: string, riskId: string) =>
    env.call(user, 'measure.create', {
      description: 'Add a second reviewer to the batch release.',
      responsible_user_id: env.users.emp,
      deadline: TODAY,
      risk_id: riskId,
    })

  it('MEA-05 ro creates a measure from an ACTIVE risk: it is linked; from a RETIRED risk nothing is created', async () => {
    const risk = await activeRisk(env)
    const r = await create('ro', risk.id)
    expect(r.ok).toBe(true)
    const m = (r as { value: { id: string; ref: string; status: string; version: number } }).value
    expect(m).toMatchObject({ status: 'OPEN', version: 1 })
    expect(m.ref).toMatch(REF)
    const detail = await env.ok('ro', 'measure.get', { id: m.id })
    expect(detail.linked_risks).toMatchObject([{ id: risk.id, ref: risk.ref, status: 'ACTIVE' }])
    const onRisk = await env.ok('ro', 'risk.get', { id: risk.id })
    expect(onRisk.linked.measures.map((x: { id: string }) => x.id)).toEqual([m.id])
    expect(onRisk.measure_count).toBe(1)
    // One command: the measure and its link, each with its audit entry, sharing a correlation id.
    const [created] = await auditOf(env, m.id)
    const [linked] = await auditOf(env, `${risk.id}:${m.id}`)
    expect(linked).toMatchObject({ action: 'measure.create', entity_type: 'risk_measure' })
    expect(linked!.correlation_id).toBe(created!.correlation_id)
    // Linking a measure never changes the risk's version.
    expect((await row(env, risk.id))!.version).toBe(risk.version)

    await move(env, 'ro', 'risk.retire', risk.id, RETIRE)
    const before = await footprint(env.db)
    expect(await create('ro', risk.id)).toMatchObject({
      ok: false,
      error: { code: 'WORKFLOW', message: 'Cannot link retired risks.' },
    })
    expect(await footprint(env.db)).toEqual(before)
  })

  it('MEA-05 the create checks the risk before the gate: invisible → NOT_FOUND, employee → FORBIDDEN', async () => {
    const risk = await aRisk(env)
    const before = await footprint(env.db)
    expect(await create('ro2', risk.id)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Risk not found.' },
    })
    expect(await create('emp', risk.id)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only users with the Manager or Risk Officer role can create measures.' },
    })
    expect(await footprint(env.db)).toEqual(before)
  })

  it('MEA-22 (risks) mgr cannot unlink a risk; ro can, and the link leaves both details; linking a RETIRED risk is refused', async () => {
    const risk = await activeRisk(env)
    const m = await aMeasure(env)
    await env.ok('mgr', 'measure.linkRisk', { id: m.id, risk_id: risk.id })
    const pair = { id: m.id, risk_id: risk.id }
    await refuseMeasure(env, 'mgr', 'measure.unlinkRisk', pair, {
      code: 'FORBIDDEN',
      message: 'Only Risk Officers can unlink measures.',
    })
    await refuseMeasure(env, 'aud', 'measure.unlinkRisk', pair, {
      code: 'FORBIDDEN',
      message: 'Your role cannot change measures.',
    })
    await env.ok('ro', 'measure.unlinkRisk', pair)
    expect((await env.ok('ro', 'measure.get', { id: m.id })).linked_risks).toEqual([])
    const onRisk = await env.ok('ro', 'risk.get', { id: risk.id })
    expect(onRisk.linked.measures).toEqual([])
    expect(onRisk.measure_count).toBe(0)
    expect((await auditOf(env, `${risk.id}:${m.id}`)).map((a) => a.action)).toEqual([
      'measure.linkRisk',
      'measure.unlinkRisk',
    ])

    await move(env, 'ro', 'risk.retire', risk.id, RETIRE)
    await refuse(env, 'ro', 'measure.linkRisk', pair, { code: 'WORKFLOW', message: 'Cannot link retired risks.' })
  })

  it('MEA-22 (risks) the measure detail lists only the risks the caller can see, and counts them all', async () => {
    const retail = await aRisk(env)
    const wholesale = await aRisk(env, { creator: 'mgr2', owner: 'mgr2', bu: 'WHOLESALE' })
    const m = await aMeasure(env, { creator: 'rog', responsible: 'emp' })
    await env.ok('rog', 'measure.linkRisk', { id: m.id, risk_id: retail.id })
    await env.ok('rog', 'measure.linkRisk', { id: m.id, risk_id: wholesale.id })
    const asRo = await env.ok('ro', 'measure.get', { id: m.id })
    expect(asRo.linked_risks.map((r: { id: string }) => r.id)).toEqual([retail.id])
    expect(asRo.linked_risk_count).toBe(2)
    expect((await env.ok('rog', 'measure.get', { id: m.id })).linked_risks).toHaveLength(2)
    // ro2 cannot see the Retail risk: the filtered list is empty rather than a hint that it exists.
    expect((await env.ok('ro2', 'measure.list', { risk_id: retail.id })).items).toEqual([])
  })

  it('INC-44 ro links a risk to a CLOSED incident: the incident is unchanged and lists the risk; a deleted incident is NOT_FOUND', async () => {
    const incident = await validated(env)
    await env.ok('ro', 'incident.close', { id: incident.id, expected_version: await incidentVersion(env, incident.id) })
    const closed = await env.db
      .selectFrom('incident')
      .selectAll()
      .where('id', '=', incident.id)
      .executeTakeFirstOrThrow()
    expect(closed.status).toBe('CLOSED')
    const risk = await aRisk(env)
    const before = await env.ok('ro', 'incident.get', { id: incident.id })
    expect(before.permissions.can_link_risk).toBe(true)
    expect(before.linked_risks).toEqual([])

    await env.ok('ro', 'risk.linkIncident', { risk_id: risk.id, incident_id: incident.id })
    const after = await env.db
      .selectFrom('incident')
      .selectAll()
      .where('id', '=', incident.id)
      .executeTakeFirstOrThrow()
    expect(after).toEqual(closed)
    const detail = await env.ok('ro', 'incident.get', { id: incident.id })
    expect(detail.version).toBe(before.version)
    expect(detail.linked_risks).toEqual([{ id: risk.id, ref: risk.ref, title: expect.any(String), status: 'DRAFT' }])
    // rog (group scope) sees the incident and its risk; an auditor may read it but not link.
    expect((await env.ok('rog', 'incident.get', { id: incident.id })).linked_risks).toHaveLength(1)
    expect((await env.ok('aud', 'incident.get', { id: incident.id })).permissions.can_link_risk).toBe(false)

    const draft = await env.ok<{ id: string }>('emp', 'incident.create', {
      title: 'Wrong fee charged',
      description: 'Entered twice by mistake.',
    })
    await env.ok('emp', 'incident.delete', { id: draft.id, expected_version: 1 })
    await refuse(
      env,
      'ro',
      'risk.linkIncident',
      { risk_id: risk.id, incident_id: draft.id },
      { code: 'NOT_FOUND', message: 'Incident not found.' },
    )
  })
})
