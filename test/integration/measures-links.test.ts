import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { linkedMeasuresForIncident } from '#shared/measures/measure.links-view'
import { loadActor } from '#shared/users/actor'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aMeasure, anIncident, auditOf, measureIn, refuse, row, T0, TODAY } from './measures-support'

describe.each(ENGINES)('measure delete, comments and incident links on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const links = (measureId: string) =>
    env.db.selectFrom('incident_measure').selectAll().where('measure_id', '=', measureId).execute()
  const linkedOnIncident = async (user: string, incidentId: string) =>
    linkedMeasuresForIncident(env.db, (await loadActor(env.db, env.users[user]!))!, incidentId, TODAY)
  const del = (user: string, id: string) => env.ok(user, 'measure.delete', { id, expected_version: 1 })

  it('MEA-17 delete: the creator, the creator’s manager or the responsible user’s manager removes an OPEN measure', async () => {
    const incident = await anIncident(env)
    const m = await aMeasure(env, { incident: incident.id, deadline: TODAY })
    const before = (await row(env, m.id))!
    expect(await del('mgr', m.id)).toMatchObject({ deleted: true })
    expect(await row(env, m.id)).toBeUndefined()
    expect(await links(m.id)).toEqual([])
    const audit = (await auditOf(env, m.id)).at(-1)!
    expect(audit.action).toBe('measure.delete')
    for (const field of ['ref', 'description', 'status', 'responsible_user_id', 'deadline', 'created_by_user_id'])
      expect(audit.changes).toContainEqual({ field, before: before[field as keyof typeof before], after: null })
    expect((await auditOf(env, `${incident.id}:${m.id}`)).at(-1)).toMatchObject({
      action: 'measure.delete',
      entity_type: 'incident_measure',
    })

    const byRo = await aMeasure(env, { creator: 'ro', responsible: 'emp3' })
    await refuse(
      env,
      'emp3',
      'measure.delete',
      { id: byRo.id, expected_version: 1 },
      {
        code: 'FORBIDDEN',
        message: 'You do not have permission to delete this measure.',
      },
    )
    await del('mgr', byRo.id)
    const another = await aMeasure(env, { creator: 'ro', responsible: 'emp3' })
    await del('rol', another.id)
    expect(await row(env, another.id)).toBeUndefined()

    const started = await measureIn(env, 'IN_PROGRESS')
    await refuse(
      env,
      'mgr',
      'measure.delete',
      { id: started.id, expected_version: started.version },
      {
        code: 'WORKFLOW',
        message: 'Only OPEN measures can be deleted.',
      },
    )
    const stale = await aMeasure(env)
    await refuse(env, 'mgr', 'measure.delete', { id: stale.id, expected_version: 2 }, { code: 'CONFLICT' })
  })

  it('MEA-20 participants comment in any state; outsiders are NOT_FOUND, auditors FORBIDDEN, empty comments refused', async () => {
    const m = await measureIn(env, 'IN_PROGRESS')
    const notes = (await row(env, m.id))!.notes
    await env.ok('emp', 'measure.addComment', { id: m.id, comment: 'Ordered the parts.' })
    expect((await row(env, m.id))!.notes).toBe(
      `[2026-11-23 14:05 - emp@riskdesk.test - COMMENT]:\nOrdered the parts.\n--------------------\n${notes ?? ''}`,
    )
    const done = await measureIn(env, 'COMPLETED')
    await env.ok('ro', 'measure.addComment', { id: done.id, comment: 'Rechecked a month later.' })
    expect((await row(env, done.id))!.notes).toMatch(/^\[2026-11-23 14:05 - ro@riskdesk.test - COMMENT\]:\nRechecked/)
    await refuse(
      env,
      'emp2',
      'measure.addComment',
      { id: m.id, comment: 'Hello' },
      {
        code: 'NOT_FOUND',
        message: 'Measure not found.',
      },
    )
    await refuse(
      env,
      'aud',
      'measure.addComment',
      { id: m.id, comment: 'Noted.' },
      {
        code: 'FORBIDDEN',
        message: 'You do not have permission to comment on this measure.',
      },
    )
    await refuse(
      env,
      'emp',
      'measure.addComment',
      { id: m.id, comment: '   ' },
      {
        code: 'VALIDATION',
        message: 'The comment must be between 1 and 1,000 characters.',
      },
    )
  })

  it('MEA-21 links: once per pair, never to a cancelled measure, CLOSED incidents allowed, unlinking a missing pair refused', async () => {
    const incident = await anIncident(env)
    const m = await aMeasure(env)
    await env.ok('mgr', 'measure.linkIncident', { id: m.id, incident_id: incident.id })
    expect(await links(m.id)).toMatchObject([{ incident_id: incident.id, created_by_user_id: env.users['mgr'] }])
    expect((await row(env, m.id))?.version).toBe(1)
    expect(await auditOf(env, `${incident.id}:${m.id}`)).toMatchObject([
      { action: 'measure.linkIncident', entity_type: 'incident_measure' },
    ])
    await refuse(
      env,
      'mgr',
      'measure.linkIncident',
      { id: m.id, incident_id: incident.id },
      {
        code: 'VALIDATION',
        message: `Measure ${m.ref} is already linked to Incident ${incident.ref}.`,
      },
    )
    const cancelled = await measureIn(env, 'CANCELLED')
    await refuse(
      env,
      'mgr',
      'measure.linkIncident',
      { id: cancelled.id, incident_id: incident.id },
      {
        code: 'WORKFLOW',
        message: 'Cannot link a cancelled measure.',
      },
    )
    // Walking an incident to CLOSED needs a full loss record; the state itself is what matters here.
    const closed = await anIncident(env, 'emp', 'Old closed incident')
    await env.db.updateTable('incident').set({ status: 'CLOSED' }).where('id', '=', closed.id).execute()
    await env.ok('mgr', 'measure.linkIncident', { id: m.id, incident_id: closed.id })
    const other = await anIncident(env, 'emp', 'Unrelated incident')
    await refuse(
      env,
      'ro',
      'measure.unlinkIncident',
      { id: m.id, incident_id: other.id },
      {
        code: 'VALIDATION',
        message: `Measure ${m.ref} is not linked to Incident ${other.ref}.`,
      },
    )
    await refuse(env, 'emp2', 'measure.linkIncident', { id: m.id, incident_id: incident.id }, { code: 'NOT_FOUND' })
    const wholesale = await anIncident(env, 'emp2', 'Wholesale only')
    await refuse(
      env,
      'mgr',
      'measure.linkIncident',
      { id: m.id, incident_id: wholesale.id },
      {
        code: 'NOT_FOUND',
        message: 'Incident not found.',
      },
    )
    const forEmp3 = await aMeasure(env, { responsible: 'emp3' })
    await refuse(
      env,
      'emp3',
      'measure.linkIncident',
      { id: forEmp3.id, incident_id: incident.id },
      {
        code: 'NOT_FOUND',
        message: 'Incident not found.',
      },
    )
  })

  it('MEA-21 the link gate: the responsible employee may link; an employee who only manages the doer may not', async () => {
    const mine = await anIncident(env, 'emp')
    const m = await aMeasure(env, { responsible: 'emp' })
    await env.ok('emp', 'measure.linkIncident', { id: m.id, incident_id: mine.id })
    // emp3 (an employee) manages emp2 for this test: emp3 sees emp2's measure as its doer, but holds no link right.
    await env.db
      .updateTable('users')
      .set({ manager_id: env.users['emp3']! })
      .where('id', '=', env.users['emp2']!)
      .execute()
    try {
      const forEmp2 = await aMeasure(env, { creator: 'mgr2', responsible: 'emp2' })
      const own = await anIncident(env, 'emp3', 'Emp3 incident')
      await refuse(
        env,
        'emp3',
        'measure.linkIncident',
        { id: forEmp2.id, incident_id: own.id },
        {
          code: 'FORBIDDEN',
          message: 'You do not have permission to link this measure.',
        },
      )
      expect((await env.ok('emp3', 'measure.get', { id: forEmp2.id })).permissions.can_link).toBe(false)
    } finally {
      await env.db
        .updateTable('users')
        .set({ manager_id: env.users['mgr2']! })
        .where('id', '=', env.users['emp2']!)
        .execute()
    }
  })

  it('MEA-22 only risk officers unlink; the link then disappears from both details', async () => {
    const incident = await anIncident(env)
    const m = await aMeasure(env, { incident: incident.id })
    await refuse(
      env,
      'mgr',
      'measure.unlinkIncident',
      { id: m.id, incident_id: incident.id },
      {
        code: 'FORBIDDEN',
        message: 'Only Risk Officers can unlink measures.',
      },
    )
    expect((await env.ok('ro', 'measure.get', { id: m.id })).permissions.can_unlink).toBe(true)
    await env.ok('ro', 'measure.unlinkIncident', { id: m.id, incident_id: incident.id })
    expect(await links(m.id)).toEqual([])
    expect((await env.ok('mgr', 'measure.get', { id: m.id })).linked_incidents).toEqual([])
    expect(await linkedOnIncident('mgr', incident.id)).toEqual([])
    expect((await auditOf(env, `${incident.id}:${m.id}`)).map((a) => a.action)).toEqual([
      'measure.create',
      'measure.unlinkIncident',
    ])
  })
})
