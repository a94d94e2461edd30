import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aMeasure, anIncident, day, listAll, measureIn, refuse, T0 } from './measures-support'

type User = {
  id: string
  roles: string
  group_scope: number
  business_unit_id: string | null
  manager_id: string | null
}
type Measure = {
  id: string
  ref: string
  status: string
  description: string
  responsible_user_id: string
  created_by_user_id: string
  deadline: string | null
  submitted_at: string | null
  created_at: string
}

const PERSONAL = ['employee', 'manager', 'risk_officer', 'infosec', 'fraud_investigator', 'group_orm']

/** measures.md §10 written out by hand over plain rows, to compare the query with. */
function sees(u: User, m: Measure, users: Map<string, User>): boolean {
  const roles: string[] = JSON.parse(u.roles)
  const officerOrAuditor = roles.includes('risk_officer') || roles.includes('auditor')
  if (officerOrAuditor && u.group_scope === 1) return true
  const resp = users.get(m.responsible_user_id)!
  const creator = users.get(m.created_by_user_id)!
  const personal =
    roles.some((r) => PERSONAL.includes(r)) &&
    [m.responsible_user_id, m.created_by_user_id, resp.manager_id, creator.manager_id].includes(u.id)
  const unit =
    officerOrAuditor &&
    u.business_unit_id !== null &&
    [resp.business_unit_id, creator.business_unit_id].includes(u.business_unit_id)
  return personal || unit
}

/** Nulls last in both directions, id breaks ties in the sort's direction (§13). */
function order(rows: Measure[], ordering: string): string[] {
  const desc = ordering.startsWith('-')
  const key = ordering.replace('-', '') as 'deadline' | 'created_at' | 'submitted_at'
  const sign = desc ? -1 : 1
  return [...rows]
    .sort((a, b) => {
      const va = a[key]
      const vb = b[key]
      if (va === null || vb === null) {
        if (va !== vb) return va === null ? 1 : -1
      } else if (va !== vb) return (va < vb ? -1 : 1) * sign
      return (a.id < b.id ? -1 : 1) * sign
    })
    .map((m) => m.id)
}

describe.each(ENGINES)('measure.list and measure.get on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  async function visibleTo(user: string) {
    const users = await env.db
      .selectFrom('users')
      .select(['id', 'roles', 'group_scope', 'business_unit_id', 'manager_id'])
      .execute()
    const byId = new Map(users.map((u) => [u.id, { ...u, group_scope: Number(u.group_scope) }]))
    const all = (await env.db.selectFrom('measure').selectAll().execute()) as Measure[]
    return all.filter((m) => sees(byId.get(env.users[user]!)!, m, byId))
  }

  it('MEA-23 each role lists exactly the measures of §10; ro2 and adm get NOT_FOUND; every write by aud is FORBIDDEN', async () => {
    const a = await aMeasure(env, { creator: 'mgr', responsible: 'emp' })
    const b = await aMeasure(env, { creator: 'mgr', responsible: 'ro' })
    const c = await aMeasure(env, { creator: 'ro', responsible: 'emp3' })
    const d = await aMeasure(env, { creator: 'mgr2', responsible: 'emp2' })
    const e = await aMeasure(env, { creator: 'ro2', responsible: 'mgr2' })
    const f = await aMeasure(env, { creator: 'rol', responsible: 'emp3' })
    const g = await aMeasure(env, { creator: 'rog', responsible: 'rol' })
    const all = [a, b, c, d, e, f, g].map((m) => m.id)
    const sorted = (ids: string[]) => [...ids].sort()

    expect(sorted(await listAll(env, 'emp'))).toEqual(sorted([a.id]))
    expect(sorted(await listAll(env, 'mgr'))).toEqual(sorted([a.id, b.id, c.id]))
    expect(sorted(await listAll(env, 'ro'))).toEqual(sorted([a.id, b.id, c.id, f.id]))
    expect(sorted(await listAll(env, 'rog'))).toEqual(sorted(all))
    expect(sorted(await listAll(env, 'aud'))).toEqual(sorted(all))
    expect(await listAll(env, 'adm')).toEqual([])
    for (const user of ['emp', 'mgr', 'ro', 'ro2', 'rol', 'emp3', 'mgr2', 'emp2', 'aud1', 'gorm1', 'rog', 'aud'])
      expect(sorted(await listAll(env, user))).toEqual(sorted((await visibleTo(user)).map((m) => m.id)))
    await refuse(env, 'ro2', 'measure.get', { id: a.id }, { code: 'NOT_FOUND', message: 'Measure not found.' })
    await refuse(env, 'adm', 'measure.get', { id: a.id }, { code: 'NOT_FOUND', message: 'Measure not found.' })

    const forbidden = { code: 'FORBIDDEN', message: 'Your role cannot change measures.' }
    const incident = await anIncident(env)
    const v = { id: a.id, expected_version: 1 }
    const text = 'Long enough text for any field.'
    const writes: [string, object][] = [
      ['measure.create', { description: 'Audit wants this.', responsible_user_id: env.users['emp'] }],
      ['measure.update', { id: a.id, changes: { deadline: { before: null, after: day(3) } } }],
      ['measure.start', v],
      ['measure.submitForReview', { ...v, evidence: text }],
      ['measure.returnToProgress', { ...v, reason: text }],
      ['measure.complete', { ...v, closure_comment: text }],
      ['measure.cancel', { ...v, reason: text }],
      ['measure.delete', v],
      ['measure.linkIncident', { id: a.id, incident_id: incident.id }],
      ['measure.unlinkIncident', { id: a.id, incident_id: incident.id }],
    ]
    for (const [name, input] of writes) await refuse(env, 'aud', name, input, forbidden)
    // measure.addComment answers an auditor with its own refusal (measures.md §9, MEA-20).
    await refuse(env, 'aud', 'measure.addComment', { id: a.id, comment: 'Noted.' }, { code: 'FORBIDDEN' })
  })

  it('MEA-24 every filter and ordering returns exactly the subset and order of a hand query', async () => {
    env.clock.set(T0)
    const seals = await measureIn(env, 'OPEN', { description: 'Replace the PUMP seals', deadline: day(1) })
    const refPart = seals.ref.slice(-7).toLowerCase()
    await measureIn(env, 'IN_PROGRESS', { description: 'Check pump pressure weekly', deadline: day(3) })
    await measureIn(env, 'PENDING_REVIEW', { responsible: 'ro', description: 'Train tellers' })
    await measureIn(env, 'PENDING_REVIEW', {
      creator: 'ro',
      responsible: 'emp3',
      description: 'Pump room access list',
      deadline: day(3),
    })
    await measureIn(env, 'COMPLETED', { description: 'Update the key register', deadline: day(10) })
    await measureIn(env, 'OPEN', { responsible: 'emp3', description: 'Renew cameras\nsecond line' })
    await measureIn(env, 'IN_PROGRESS', {
      creator: 'rol',
      responsible: 'emp3',
      description: 'Fire drill',
      deadline: day(1),
    })
    env.clock.set(`${day(2)}T09:00:00.000Z`)
    const today = day(2)

    const hits = new Map<string, number>()
    for (const user of ['emp', 'mgr', 'ro', 'rol']) {
      const me = env.users[user]!
      const rows = await visibleTo(user)
      const manages = async (id: string) =>
        (await env.db.selectFrom('users').select('manager_id').where('id', '=', id).executeTakeFirst())?.manager_id ===
        me
      const doer = new Set<string>()
      for (const m of rows) if (m.responsible_user_id === me || (await manages(m.responsible_user_id))) doer.add(m.id)
      const officer = user.startsWith('ro')
      const cases: [Record<string, unknown>, (m: Measure) => boolean, string?][] = [
        [{}, () => true],
        [{ responsible: 'me' }, (m) => m.responsible_user_id === me],
        [{ created_by: 'me' }, (m) => m.created_by_user_id === me],
        [{ status: ['IN_PROGRESS'] }, (m) => m.status === 'IN_PROGRESS'],
        [{ deadline_before: day(3) }, (m) => m.deadline !== null && m.deadline <= day(3)],
        [{ deadline_after: day(3) }, (m) => m.deadline !== null && m.deadline >= day(3)],
        [{ q: 'pump' }, (m) => m.description.toLowerCase().includes('pump')],
        [{ q: 'PUMP ROOM' }, (m) => m.description.toLowerCase().includes('pump room')],
        [{ q: refPart }, (m) => m.ref.toLowerCase().includes(refPart) || m.description.toLowerCase().includes(refPart)],
        [
          { is_overdue: true },
          (m) => m.deadline !== null && m.deadline < today && ['OPEN', 'IN_PROGRESS'].includes(m.status),
        ],
        [
          { awaiting_me: true },
          (m) =>
            (['OPEN', 'IN_PROGRESS'].includes(m.status) && doer.has(m.id)) ||
            (m.status === 'PENDING_REVIEW' && officer && !doer.has(m.id)),
        ],
        [{ ordering: 'deadline' }, () => true, 'deadline'],
        [{ ordering: '-deadline' }, () => true, '-deadline'],
        [{ ordering: 'submitted_at' }, () => true, 'submitted_at'],
        [
          { ordering: 'created_at', status: ['OPEN', 'IN_PROGRESS'] },
          (m) => ['OPEN', 'IN_PROGRESS'].includes(m.status),
          'created_at',
        ],
      ]
      for (const [filters, keep, ordering] of cases) {
        const expected = order(rows.filter(keep), ordering ?? '-created_at')
        hits.set(JSON.stringify(filters), (hits.get(JSON.stringify(filters)) ?? 0) + expected.length)
        expect({ user, filters, ids: await listAll(env, user, filters) }).toEqual({ user, filters, ids: expected })
      }
    }
    // Every case selects something for at least one user, so no comparison is vacuous.
    for (const [filters, n] of hits) expect({ filters, n: n > 0 }).toEqual({ filters, n: true })
    const page = await env.ok('mgr', 'measure.list', { q: 'cameras' })
    expect(page.items).toMatchObject([
      { description: 'Renew cameras', status: 'OPEN', status_name: 'Open', responsible_name: 'Ethan Moss' },
    ])
    await refuse(
      env,
      'mgr',
      'measure.list',
      { q: 'ab' },
      { code: 'VALIDATION', message: 'Enter at least 3 characters.' },
    )
  })

  it('MEA-26 the detail shows each caller their own actions and permissions', async () => {
    env.clock.set(T0)
    const pending = await measureIn(env, 'PENDING_REVIEW')
    const forEmp = await env.ok('emp', 'measure.get', { id: pending.id })
    expect(forEmp).toMatchObject({
      status: { code: 'PENDING_REVIEW', name: 'Pending Review' },
      contextual_role: 'responsible',
      available_actions: [],
      permissions: { can_comment: true, can_edit: false, editable_fields: [], can_transition: false },
    })
    const forRo = await env.ok('ro', 'measure.get', { id: pending.id })
    expect(forRo.available_actions).toEqual([
      {
        command: 'measure.returnToProgress',
        label: 'Return to Progress',
        input: { field: 'reason', min: 10, max: 1000 },
      },
      {
        command: 'measure.complete',
        label: 'Complete Measure',
        input: { field: 'closure_comment', min: 10, max: 2000 },
      },
      { command: 'measure.cancel', label: 'Cancel Measure', input: { field: 'reason', min: 10, max: 1000 } },
    ])
    expect(forRo.permissions).toMatchObject({ can_unlink: true, can_transition: true, can_link: true })
    const forAud = await env.ok('aud', 'measure.get', { id: pending.id })
    expect(forAud.available_actions).toEqual([])
    expect(Object.values(forAud.permissions)).toEqual([[], false, false, false, false, false, false])

    const open = await aMeasure(env, { creator: 'mgr', responsible: 'emp', deadline: day(4) })
    const forMgr = await env.ok('mgr', 'measure.get', { id: open.id })
    expect(forMgr).toMatchObject({
      contextual_role: 'responsible',
      created_by: { id: env.users['mgr'], full_name: 'Martin Greene', email: 'mgr@riskdesk.test' },
      available_actions: [{ command: 'measure.start', label: 'Start Progress', input: null }],
      permissions: { can_delete: true, editable_fields: ['description', 'deadline', 'responsible_user_id'] },
    })

    // The list rows carry the same actions (and the version to send) as each caller's detail.
    for (const user of ['emp', 'ro', 'aud', 'mgr']) {
      const rows = (await env.ok(user, 'measure.list', { limit: 100 })).items as {
        id: string
        version: number
        available_actions: unknown[]
      }[]
      for (const m of [pending, open]) {
        const row = rows.find((r) => r.id === m.id)
        if (!row) continue
        const detail = await env.ok(user, 'measure.get', { id: m.id })
        expect([row.available_actions, row.version], `${user} ${m.id}`).toEqual([
          detail.available_actions,
          detail.version,
        ])
      }
    }
  })
})
