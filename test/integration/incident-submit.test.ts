import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, footprint, testEnv, type TestEnv } from '../support/engines'

const T = '2026-11-23T14:05:09.123Z'

describe.each(ENGINES)('incident.submit on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T)
  })
  afterAll(async () => env?.close())

  const draft = (u = 'emp', extra: Record<string, unknown> = {}) =>
    env.ok(u, 'incident.create', { title: 'Teller shortage', description: 'Cash drawer short.', ...extra })
  const row = (id: string) => env.db.selectFrom('incident').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

  it('INC-03 a draft without a simplified type is refused, status and version unchanged, no audit entry', async () => {
    const d = await draft()
    const before = await footprint(env.db)
    const r = await env.call('emp', 'incident.submit', { id: d.id, expected_version: 1 })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error).toMatchObject({
      code: 'WORKFLOW',
      message: 'Fields simplified_event_type_id are required for PENDING_REVIEW.',
      fields: ['simplified_event_type_id'],
    })
    expect(await footprint(env.db)).toEqual(before)
    expect((await row(d.id)).status).toBe('DRAFT')
    expect(Number((await row(d.id)).version)).toBe(1)
  })

  it('INC-04 emp submits at T: PENDING_REVIEW, assigned to mgr, review due T + 5 d, draft due cleared', async () => {
    const d = await draft('emp', { simplified_event_type_id: 'FRAUD' })
    const r = await env.ok('emp', 'incident.submit', { id: d.id, expected_version: 1 })
    expect(r).toMatchObject({ status: 'PENDING_REVIEW', version: 2 })
    const after = await row(d.id)
    expect(after.assigned_to_user_id).toBe(env.users['mgr'])
    expect(after.submitted_at).toBe(T)
    expect(after.draft_due_at).toBeNull()
    expect(after.review_due_at).toBe('2026-11-28T14:05:09.123Z')
    expect(after.current_due_at).toBe('2026-11-28T14:05:09.123Z')
    const audit = await env.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('entity_id', '=', d.id)
      .orderBy('seq')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['incident.create', 'incident.submit'])
    const changes = JSON.parse(audit[1]!.changes) as { field: string; before: unknown; after: unknown }[]
    expect(changes).toContainEqual({ field: 'status', before: 'DRAFT', after: 'PENDING_REVIEW' })
    expect(audit[1]!.reason).toBeNull()
  })

  it('INC-05 mgr cannot submit emp’s draft; a stale version is a CONFLICT', async () => {
    const d = await draft('emp', { simplified_event_type_id: 'FRAUD' })
    expect(await env.call('mgr', 'incident.submit', { id: d.id, expected_version: 1 })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only the incident creator can submit an incident.' },
    })
    const stale = await env.call('emp', 'incident.submit', { id: d.id, expected_version: 7 })
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', expectedVersion: 7, actualVersion: 1 } })
    expect(await env.call('emp2', 'incident.submit', { id: d.id, expected_version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Incident not found.' },
    })
  })

  it('INC-06 an employee without a manager cannot submit', async () => {
    const d = await draft('emp', { simplified_event_type_id: 'FRAUD' })
    await env.db.updateTable('users').set({ manager_id: null }).where('id', '=', env.users['emp']!).execute()
    try {
      const r = await env.call('emp', 'incident.submit', { id: d.id, expected_version: 1 })
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: 'WORKFLOW',
          message: 'You have no manager to review this incident. Ask an administrator to set your manager.',
        },
      })
      expect((await row(d.id)).status).toBe('DRAFT')
    } finally {
      await env.db
        .updateTable('users')
        .set({ manager_id: env.users['mgr']! })
        .where('id', '=', env.users['emp']!)
        .execute()
    }
  })

  it('INC-16 submitting again from PENDING_REVIEW is an undefined transition', async () => {
    const d = await draft('emp', { simplified_event_type_id: 'FRAUD' })
    await env.ok('emp', 'incident.submit', { id: d.id, expected_version: 1 })
    const again = await env.call('emp', 'incident.submit', { id: d.id, expected_version: 2 })
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'WORKFLOW', message: "Transition from 'PENDING_REVIEW' to 'PENDING_REVIEW' is not defined." },
    })
  })

  it('INC-17 with the (DRAFT, PENDING_REVIEW, employee) row removed nobody can submit; re-adding restores it', async () => {
    const d = await draft('emp', { simplified_event_type_id: 'FRAUD' })
    await env.db.deleteFrom('incident_allowed_transition').where('from_status', '=', 'DRAFT').execute()
    const r = await env.call('emp', 'incident.submit', { id: d.id, expected_version: 1 })
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'WORKFLOW',
        message: "Role 'Employee' is not authorized to move from 'DRAFT' to 'PENDING_REVIEW'.",
      },
    })
    await env.db
      .insertInto('incident_allowed_transition')
      .values({ from_status: 'DRAFT', to_status: 'PENDING_REVIEW', role: 'employee' })
      .execute()
    expect(await env.ok('emp', 'incident.submit', { id: d.id, expected_version: 1 })).toMatchObject({
      status: 'PENDING_REVIEW',
    })
  })
})
