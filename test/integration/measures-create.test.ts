import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { linkedMeasuresForIncident } from '#shared/measures/measure.links-view'
import { loadActor } from '#shared/users/actor'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aMeasure, anIncident, auditOf, day, listAll, REF, refuse, row, T0, TODAY } from './measures-support'

describe.each(ENGINES)('measure.create on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const input = (extra: Record<string, unknown> = {}) => ({
    description: 'Install a second lock on the vault door.',
    responsible_user_id: env.users['emp'],
    ...extra,
  })

  it('MEA-01 emp cannot create; mgr creates an OPEN measure with an MSR ref, created_by mgr, version 1', async () => {
    await refuse(env, 'emp', 'measure.create', input(), {
      code: 'FORBIDDEN',
      message: 'Only users with the Manager or Risk Officer role can create measures.',
    })
    const m = await env.ok('mgr', 'measure.create', input({ deadline: day(7) }))
    expect(m).toMatchObject({ status: 'OPEN', version: 1 })
    expect(m.ref).toMatch(REF)
    const stored = await row(env, m.id)
    expect(stored).toMatchObject({
      status: 'OPEN',
      ref: m.ref,
      created_by_user_id: env.users['mgr'],
      responsible_user_id: env.users['emp'],
      deadline: day(7),
      version: 1,
      created_at: T0,
      notes: null,
    })
    const audit = await auditOf(env, m.id)
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ action: 'measure.create', entity_type: 'measure', entity_ref: m.ref })
    expect(audit[0]!.changes).toContainEqual({ field: 'status', before: null, after: 'OPEN' })
    expect(audit[0]!.changes).toContainEqual({ field: 'deadline', before: null, after: day(7) })
  })

  it('MEA-02 a deadline in the past is refused on `deadline` and creates nothing; today is accepted', async () => {
    const error = await refuse(env, 'mgr', 'measure.create', input({ deadline: day(-1) }), {
      code: 'VALIDATION',
      message: 'Deadline cannot be in the past.',
    })
    expect(error).toMatchObject({ issues: [{ path: ['deadline'], message: 'Deadline cannot be in the past.' }] })
    const m = await env.ok('mgr', 'measure.create', input({ deadline: TODAY }))
    expect((await row(env, m.id))?.deadline).toBe(TODAY)
  })

  it('MEA-03 blank description, inactive responsible and an auditor as responsible are refused', async () => {
    await refuse(env, 'mgr', 'measure.create', input({ description: '   ' }), {
      code: 'VALIDATION',
      message: 'Description is required.',
    })
    await refuse(env, 'mgr', 'measure.create', input({ description: 'x'.repeat(4001) }), {
      code: 'VALIDATION',
      message: 'Description must be at most 4,000 characters.',
    })
    await env.db.updateTable('users').set({ is_active: 0 }).where('id', '=', env.users['gorm2']!).execute()
    await refuse(env, 'mgr', 'measure.create', input({ responsible_user_id: env.users['gorm2'] }), {
      code: 'VALIDATION',
      message: 'Responsible user not found or inactive.',
    })
    await refuse(env, 'mgr', 'measure.create', input({ responsible_user_id: env.users['aud'] }), {
      code: 'VALIDATION',
      message: 'The responsible user cannot be an auditor or administrator.',
    })
    await refuse(env, 'mgr', 'measure.create', input({ responsible_user_id: env.users['adm'] }), {
      code: 'VALIDATION',
      message: 'The responsible user cannot be an auditor or administrator.',
    })
    await refuse(env, 'mgr', 'measure.create', input({ priority: 'HIGH' }), {
      code: 'VALIDATION',
      message: "Unknown field 'priority'.",
    })
  })

  it('MEA-03 the responsible picker offers only active users who can do the work, by name', async () => {
    type Option = { id: string; full_name: string; email: string }
    const all: Option[] = []
    let cursor: string | null = null
    do {
      const page: { items: Option[]; next_cursor: string | null } = await env.ok('mgr', 'measure.responsibleOptions', {
        limit: 5,
        ...(cursor ? { cursor } : {}),
      })
      all.push(...page.items)
      cursor = page.next_cursor
    } while (cursor)
    const names = all.map((o) => o.email.split('@')[0])
    for (const u of ['emp', 'mgr', 'ro', 'rog', 'rol', 'emp3', 'emp2', 'sec', 'fraud', 'gorm1'])
      expect(names).toContain(u)
    // gorm2 was deactivated by the MEA-03 value-rule test above.
    for (const u of ['aud', 'aud1', 'adm', 'gorm2']) expect(names).not.toContain(u)
    expect(all.map((o) => o.full_name)).toEqual([...all.map((o) => o.full_name)].sort())
    const found = await env.ok('mgr', 'measure.responsibleOptions', { q: 'ETHAN' })
    expect(found.items).toEqual([{ id: env.users['emp3'], full_name: 'Ethan Moss', email: 'emp3@riskdesk.test' }])
  })

  it('MEA-04 "Create measure" from a visible incident links it; a Wholesale incident is NOT_FOUND and creates nothing', async () => {
    const incident = await anIncident(env, 'emp')
    const m = await aMeasure(env, { creator: 'mgr', incident: incident.id })
    expect((await row(env, m.id))?.status).toBe('OPEN')
    const mgr = (await loadActor(env.db, env.users['mgr']!))!
    expect(await linkedMeasuresForIncident(env.db, mgr, incident.id, TODAY)).toEqual([
      expect.objectContaining({ id: m.id, ref: m.ref, status: 'OPEN', is_overdue: false }),
    ])
    expect(await listAll(env, 'mgr', { incident_id: incident.id })).toEqual([m.id])
    const incidentDetail = await env.ok('mgr', 'incident.get', { id: incident.id })
    expect(incidentDetail.linked_measures.map((x: { id: string }) => x.id)).toEqual([m.id])
    const detail = await env.ok('mgr', 'measure.get', { id: m.id })
    expect(detail.linked_incidents).toEqual([
      { id: incident.id, ref: incident.ref, title: 'Card skimmer at branch', status: 'DRAFT' },
    ])
    // SEC-02 shape: the measure entry, then the link entry, sharing the command's ids.
    const link = await auditOf(env, `${incident.id}:${m.id}`)
    expect(link).toHaveLength(1)
    expect(link[0]).toMatchObject({ entity_type: 'incident_measure', action: 'measure.create' })
    expect(link[0]!.correlation_id).toBe((await auditOf(env, m.id))[0]!.correlation_id)

    const wholesale = await anIncident(env, 'emp2', 'Trading desk outage')
    await refuse(env, 'mgr', 'measure.create', input({ incident_id: wholesale.id }), {
      code: 'NOT_FOUND',
      message: 'Incident not found.',
    })
  })
})
