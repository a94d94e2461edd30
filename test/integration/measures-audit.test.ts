import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aMeasure, anIncident, day, measureIn, refuse, row, T0 } from './measures-support'

const NOT_AUDITED = ['version', 'updated_at', 'scope_keys', 'tenant_id', 'created_at']
type Row = Record<string, unknown>

/** What an audit entry must hold for a write: one item per changed field, sorted by field (audit-security §2.1.1). */
function diff(before: Row | undefined, after: Row | undefined) {
  const keys = Object.keys(before ?? after ?? {}).filter((k) => !NOT_AUDITED.includes(k))
  return keys
    .filter((k) => (before?.[k] ?? null) !== (after?.[k] ?? null))
    .sort()
    .map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null }))
}

describe.each(ENGINES)('measure audit and refusals on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const lastSeq = async () =>
    Number(
      (
        await env.db
          .selectFrom('audit_entry')
          .select((eb) => eb.fn.max('seq').as('s'))
          .executeTakeFirst()
      )?.s ?? 0,
    )
  const entriesAfter = async (seq: number) =>
    (await env.db.selectFrom('audit_entry').selectAll().where('seq', '>', seq).orderBy('seq').execute()).map((e) => ({
      ...e,
      changes: JSON.parse(e.changes) as unknown[],
    }))
  const activeNotifications = async () =>
    (await env.db.selectFrom('notification').select('id').where('active', '=', 1).execute()).length

  /** A successful write: one measure entry listing each changed field, plus one per link row or notification written. */
  async function succeed(user: string, name: string, input: Record<string, unknown>, measureId: string, linkRows = 0) {
    const before = await row(env, measureId)
    const [seq, active] = [await lastSeq(), await activeNotifications()]
    await env.ok(user, name, { ...input, id: measureId })
    const after = await row(env, measureId)
    const entries = await entriesAfter(seq)
    const own = entries.filter((e) => e.entity_type === 'measure' && e.entity_id === measureId)
    expect(own).toHaveLength(1)
    expect(own[0]).toMatchObject({ action: name, changes: diff(before, after) })
    if (after) expect(after.version).toBe(before!.version + 1)
    const retired = active - (await activeNotifications())
    expect(entries).toHaveLength(1 + linkRows + retired)
    expect(new Set(entries.map((e) => e.correlation_id)).size).toBe(1)
    return { entries, retired }
  }

  it('MEA-28 every refused command leaves the measure, its links, the notifications and the audit log unchanged', async () => {
    const incident = await anIncident(env)
    const m = await aMeasure(env, { deadline: day(1), incident: incident.id })
    const done = await measureIn(env, 'COMPLETED')
    env.clock.set(`${day(2)}T08:00:00.000Z`)
    expect((await env.dispatcher.runJob('measure.sweepOverdue')).ok).toBe(true)
    expect(await activeNotifications()).toBe(1)
    const v = { id: m.id, expected_version: 1 }
    const text = 'Long enough text for any field.'
    const refusals: [string, string, Record<string, unknown>, string][] = [
      [
        'mgr',
        'measure.create',
        { description: 'x', responsible_user_id: env.users['emp'], deadline: day(-1) },
        'VALIDATION',
      ],
      ['mgr', 'measure.create', { description: 'x', responsible_user_id: env.users['emp'], extra: 1 }, 'VALIDATION'],
      ['emp', 'measure.create', { description: 'x', responsible_user_id: env.users['emp'] }, 'FORBIDDEN'],
      [
        'emp',
        'measure.update',
        { id: m.id, changes: { responsible_user_id: { before: env.users['emp'], after: env.users['emp3'] } } },
        'WORKFLOW',
      ],
      [
        'mgr',
        'measure.update',
        { id: m.id, changes: { description: { before: 'stale', after: 'Mine.' } } },
        'CONFLICT',
      ],
      ['mgr', 'measure.update', { id: m.id, changes: { deadline: { before: day(1), after: day(0) } } }, 'VALIDATION'],
      ['emp2', 'measure.start', v, 'NOT_FOUND'],
      ['ro', 'measure.start', v, 'WORKFLOW'],
      ['emp', 'measure.start', { ...v, expected_version: 3 }, 'CONFLICT'],
      ['emp', 'measure.submitForReview', { ...v, evidence: 'short' }, 'VALIDATION'],
      ['emp', 'measure.submitForReview', { ...v, evidence: text }, 'WORKFLOW'],
      ['ro', 'measure.returnToProgress', { ...v, reason: text }, 'WORKFLOW'],
      ['ro', 'measure.complete', { ...v, closure_comment: text }, 'WORKFLOW'],
      ['ro', 'measure.cancel', { ...v, reason: text }, 'WORKFLOW'],
      ['ro', 'measure.cancel', { id: done.id, expected_version: done.version, reason: text }, 'WORKFLOW'],
      ['aud', 'measure.addComment', { id: m.id, comment: 'Noted.' }, 'FORBIDDEN'],
      ['emp', 'measure.addComment', { id: m.id, comment: '' }, 'VALIDATION'],
      ['emp', 'measure.delete', v, 'FORBIDDEN'],
      ['mgr', 'measure.delete', { ...v, expected_version: 2 }, 'CONFLICT'],
      ['mgr', 'measure.delete', { id: done.id, expected_version: done.version }, 'WORKFLOW'],
      ['mgr', 'measure.linkIncident', { id: m.id, incident_id: incident.id }, 'VALIDATION'],
      ['mgr', 'measure.unlinkIncident', { id: m.id, incident_id: incident.id }, 'FORBIDDEN'],
      ['aud', 'measure.unlinkIncident', { id: m.id, incident_id: incident.id }, 'FORBIDDEN'],
      ['ro', 'measureConfig.setEditableFields', { status: 'OPEN', party: 'creator', fields: [] }, 'FORBIDDEN'],
      ['adm', 'measureConfig.setEditableFields', { status: 'CANCELLED', party: 'creator', fields: [] }, 'VALIDATION'],
    ]
    for (const [user, name, input, code] of refusals) await refuse(env, user, name, input, { code })
  })

  it('MEA-28 every successful command adds exactly one audit entry with before/after per changed field', async () => {
    env.clock.set(T0)
    const incident = await anIncident(env)
    const seq = await lastSeq()
    const m = await aMeasure(env, { deadline: day(1), incident: incident.id })
    const created = await entriesAfter(seq)
    expect(created.map((e) => [e.entity_type, e.entity_id])).toEqual([
      ['measure', m.id],
      ['incident_measure', `${incident.id}:${m.id}`],
    ])
    expect(created[0]!.changes).toEqual(diff(undefined, await row(env, m.id)).map((c) => ({ ...c, before: null })))

    env.clock.set(`${day(2)}T08:00:00.000Z`)
    await env.dispatcher.runJob('measure.sweepOverdue')
    const version = async () => (await row(env, m.id))!.version
    await succeed(
      'emp',
      'measure.update',
      { changes: { description: { before: 'Replace the cash drawer locks.', after: 'Swap the locks.' } } },
      m.id,
    )
    await succeed('emp', 'measure.start', { expected_version: await version() }, m.id)
    await succeed('emp', 'measure.addComment', { comment: 'Locks ordered.' }, m.id)
    const submit = await succeed(
      'emp',
      'measure.submitForReview',
      { expected_version: await version(), evidence: 'Locks swapped.' },
      m.id,
    )
    expect(submit.retired).toBe(1)
    await succeed(
      'ro',
      'measure.returnToProgress',
      { expected_version: await version(), reason: 'Receipt is missing.' },
      m.id,
    )
    await succeed('ro', 'measure.update', { changes: { deadline: { before: day(1), after: day(9) } } }, m.id)
    await succeed(
      'emp',
      'measure.submitForReview',
      { expected_version: await version(), evidence: 'Receipt attached.' },
      m.id,
    )
    await succeed(
      'ro',
      'measure.complete',
      { expected_version: await version(), closure_comment: 'All verified.' },
      m.id,
    )

    const c = await measureIn(env, 'IN_PROGRESS')
    await succeed('ro', 'measure.cancel', { expected_version: c.version, reason: 'Superseded by another.' }, c.id)
    const d = await aMeasure(env, { incident: incident.id })
    const deleted = await succeed('mgr', 'measure.delete', { expected_version: 1 }, d.id, 1)
    expect(deleted.entries.map((e) => e.entity_type)).toEqual(['measure', 'incident_measure'])
  })

  it('MEA-28 link, unlink and configuration writes add one entry per row and leave the measure version alone', async () => {
    env.clock.set(T0)
    const incident = await anIncident(env)
    const m = await aMeasure(env)
    for (const [user, name] of [
      ['mgr', 'measure.linkIncident'],
      ['ro', 'measure.unlinkIncident'],
    ] as const) {
      const seq = await lastSeq()
      await env.ok(user, name, { id: m.id, incident_id: incident.id })
      const entries = await entriesAfter(seq)
      expect(entries).toMatchObject([
        { entity_type: 'incident_measure', entity_id: `${incident.id}:${m.id}`, action: name },
      ])
      const link = { created_by_user_id: env.users['mgr'], incident_id: incident.id, measure_id: m.id }
      const changes = Object.entries(link).map(([field, v]) =>
        name === 'measure.linkIncident' ? { field, before: null, after: v } : { field, before: v, after: null },
      )
      expect(entries[0]!.changes).toEqual(changes)
      expect((await row(env, m.id))!.version).toBe(1)
    }
    const seq = await lastSeq()
    await env.ok('adm', 'measureConfig.setEditableFields', {
      status: 'OPEN',
      party: 'risk_officer',
      fields: ['description'],
    })
    expect((await entriesAfter(seq)).map((e) => e.entity_id).sort()).toEqual([
      'OPEN:risk_officer:deadline',
      'OPEN:risk_officer:description',
    ])
  })
})
