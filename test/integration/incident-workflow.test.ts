import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { snapshot } from '../support/snapshot'
import {
  classify,
  draft,
  expectError,
  pendingValidation,
  retailRefs,
  review,
  row,
  submit,
  validate,
  validated,
  version,
} from '../support/incident-flow'

const T = '2026-11-23T14:05:09.123Z'
const plusDays = (iso: string, d: number) => new Date(Date.parse(iso) + d * 86_400_000).toISOString()

describe.each(ENGINES)('incident transitions on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
  })
  afterAll(async () => env?.close())

  /** Calls a command that must be refused and proves it left no trace (INC-53). */
  async function refused(user: string, name: string, input: unknown, error: Record<string, unknown>) {
    const before = await snapshot(env.db)
    expectError(await env.call(user, name, input), error)
    expect(await snapshot(env.db)).toBe(before)
  }

  it('INC-07 review: mgr2 cannot see the incident, the reporter is not the reviewer', async () => {
    env.clock.set(T)
    const f = await draft(env)
    await submit(env, f)
    const v = await version(env, f.id)
    await refused(
      'mgr2',
      'incident.review',
      { id: f.id, expected_version: v },
      {
        code: 'NOT_FOUND',
        message: 'Incident not found.',
      },
    )
    await refused(
      'emp',
      'incident.review',
      { id: f.id, expected_version: v },
      {
        code: 'FORBIDDEN',
        message: 'Only the manager of the incident creator can review an incident.',
      },
    )
  })

  it('INC-08 review with the product empty is refused naming product_id; INC-53 nothing changes', async () => {
    const f = await draft(env)
    await submit(env, f)
    const refs = await retailRefs(env)
    await env.ok('mgr', 'incident.update', {
      id: f.id,
      changes: { business_process_id: { before: null, after: refs.business_process_id } },
    })
    await refused(
      'mgr',
      'incident.review',
      { id: f.id, expected_version: await version(env, f.id) },
      {
        code: 'WORKFLOW',
        message: 'Fields product_id are required for PENDING_VALIDATION.',
        fields: ['product_id'],
      },
    )
    expect((await row(env, f.id)).status).toBe('PENDING_REVIEW')
  })

  it('INC-09 review at T: PENDING_VALIDATION, assigned to ro, SLA moved; with ro inactive the group officer', async () => {
    env.clock.set(T)
    const f = await draft(env)
    await submit(env, f)
    await review(env, f)
    const r = await row(env, f.id)
    expect(r.status).toBe('PENDING_VALIDATION')
    expect(r.assigned_to_user_id).toBe(env.users['ro'])
    expect(r.reviewed_by_user_id).toBe(env.users['mgr'])
    expect(r.reviewed_at).toBe(T)
    expect(r.review_due_at).toBeNull()
    expect(r.validation_due_at).toBe(plusDays(T, 10))
    expect(r.current_due_at).toBe(plusDays(T, 10))

    const g = await draft(env)
    await submit(env, g)
    await env.db.updateTable('users').set({ is_active: 0 }).where('id', '=', env.users['ro']!).execute()
    try {
      await review(env, g)
      expect((await row(env, g.id)).assigned_to_user_id).toBe(env.users['rog'])
    } finally {
      await env.db.updateTable('users').set({ is_active: 1 }).where('id', '=', env.users['ro']!).execute()
    }
  })

  it('INC-10 validate names the missing Basel type; all missing fields come in one error', async () => {
    const f = await pendingValidation(env)
    await refused(
      'ro',
      'incident.validate',
      { id: f.id, expected_version: await version(env, f.id) },
      {
        code: 'WORKFLOW',
        message: 'Fields basel_event_type_id are required for VALIDATED.',
        fields: ['basel_event_type_id'],
      },
    )

    await env.ok('adm', 'incidentConfig.setRequiredFields', {
      status: 'PENDING_VALIDATION',
      fields: ['product_id', 'business_process_id', 'simplified_event_type_id'],
    })
    try {
      const g = await draft(env, 'emp', { gross_loss_amount: null, currency_code: null })
      await submit(env, g)
      await review(env, g)
      await refused(
        'ro',
        'incident.validate',
        { id: g.id, expected_version: await version(env, g.id) },
        {
          code: 'WORKFLOW',
          message: 'Fields basel_event_type_id, currency_code, net_loss_amount are required for VALIDATED.',
          fields: ['basel_event_type_id', 'currency_code', 'net_loss_amount'],
        },
      )
    } finally {
      await env.ok('adm', 'incidentConfig.setRequiredFields', {
        status: 'PENDING_VALIDATION',
        fields: ['product_id', 'business_process_id', 'gross_loss_amount', 'simplified_event_type_id'],
      })
    }
  })

  it('INC-11 ro validates at T: VALIDATED, validated_by ro, unassigned, validation SLA cleared, version bound', async () => {
    const f = await pendingValidation(env)
    await classify(env, f)
    const T2 = plusDays(T, 1)
    env.clock.set(T2)
    const res = await validate(env, f)
    const r = await row(env, f.id)
    expect(r.status).toBe('VALIDATED')
    expect(r.validated_by_user_id).toBe(env.users['ro'])
    expect(r.validated_at).toBe(T2)
    expect(r.assigned_to_user_id).toBeNull()
    expect(r.validation_due_at).toBeNull()
    expect(r.current_due_at).toBeNull()
    expect(Number(r.validated_version)).toBe(res.version)
    expect(r.validated_hash).toMatch(/^[0-9a-f]{64}$/)
    const detail = await env.ok('ro', 'incident.get', { id: f.id })
    expect(detail.changed_since_validation).toBe(false)
  })

  it('INC-12 ro cannot validate an incident ro reported (reviewed by ro’s manager); rog can', async () => {
    const f = await pendingValidation(env, {}, 'ro')
    await classify(env, f, 'rog')
    await refused(
      'ro',
      'incident.validate',
      { id: f.id, expected_version: await version(env, f.id) },
      {
        code: 'FORBIDDEN',
        message: 'You cannot validate an incident you reported or reviewed.',
      },
    )
    await validate(env, f, 'rog')
    expect((await row(env, f.id)).status).toBe('VALIDATED')
  })

  it('INC-13 close fills resolved_at; a manager may not close', async () => {
    const f = await validated(env)
    const T3 = plusDays(T, 2)
    env.clock.set(T3)
    await env.ok('ro', 'incident.close', { id: f.id, expected_version: await version(env, f.id) })
    const r = await row(env, f.id)
    expect([r.status, r.closed_by_user_id, r.closed_at, r.resolved_at]).toEqual(['CLOSED', env.users['ro'], T3, T3])

    const g = await validated(env)
    // mgr sees g (a direct report’s incident) and is not read-only, so the role check answers.
    await refused(
      'mgr',
      'incident.close',
      { id: g.id, expected_version: await version(env, g.id) },
      {
        code: 'WORKFLOW',
        message: "Role 'Manager' is not authorized to move from 'VALIDATED' to 'CLOSED'.",
      },
    )
  })

  it('INC-14 return to draft: a blank reason is refused; with a reason the note log starts with the entry', async () => {
    const f = await draft(env)
    await submit(env, f)
    const v = await version(env, f.id)
    await refused(
      'mgr',
      'incident.returnToDraft',
      { id: f.id, expected_version: v, reason: '  ' },
      {
        code: 'VALIDATION',
        message: 'A reason is required.',
      },
    )
    env.clock.set(T)
    await env.ok('mgr', 'incident.returnToDraft', {
      id: f.id,
      expected_version: v,
      reason: 'Amount is missing the fees.',
    })
    const r = await row(env, f.id)
    expect(r.status).toBe('DRAFT')
    expect(r.assigned_to_user_id).toBeNull()
    expect(r.review_due_at).toBeNull()
    expect(r.draft_due_at).toBe(plusDays(T, 7))
    expect(r.notes).toBe(
      '[2026-11-23 14:05:09 UTC Returned to Draft by mgr@riskdesk.test]: Amount is missing the fees.\n---\n',
    )
    const audit = await env.db
      .selectFrom('audit_entry')
      .select(['action', 'reason'])
      .where('entity_id', '=', f.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit).toEqual({ action: 'incident.returnToDraft', reason: 'Amount is missing the fees.' })
  })

  it('INC-15 return to review: assigned to the reviewer, review SLA restarted, newest note on top', async () => {
    env.clock.set(T)
    const f = await draft(env)
    await submit(env, f)
    await env.ok('mgr', 'incident.returnToDraft', {
      id: f.id,
      expected_version: await version(env, f.id),
      reason: 'Amount is missing the fees.',
    })
    await submit(env, f)
    await review(env, f)
    const T4 = plusDays(T, 1)
    env.clock.set(T4)
    await env.ok('ro', 'incident.returnToReview', {
      id: f.id,
      expected_version: await version(env, f.id),
      reason: 'Which branch was it?',
    })
    const r = await row(env, f.id)
    expect(r.status).toBe('PENDING_REVIEW')
    expect(r.assigned_to_user_id).toBe(env.users['mgr'])
    expect(r.review_due_at).toBe(plusDays(T4, 5))
    expect(r.validation_due_at).toBeNull()
    const [first, second] = (r.notes ?? '').split('\n---\n')
    expect(first).toBe('[2026-11-24 14:05:09 UTC Returned to Review by ro@riskdesk.test]: Which branch was it?')
    expect(second).toContain('Returned to Draft by mgr@riskdesk.test')
  })

  it('INC-16 validate on a DRAFT is undefined; every transition on CLOSED is refused', async () => {
    const f = await draft(env)
    await refused(
      'ro',
      'incident.validate',
      { id: f.id, expected_version: 1 },
      {
        code: 'WORKFLOW',
        message: "Transition from 'DRAFT' to 'VALIDATED' is not defined.",
      },
    )
    const g = await validated(env)
    await env.ok('ro', 'incident.close', { id: g.id, expected_version: await version(env, g.id) })
    const v = await version(env, g.id)
    for (const name of ['incident.validate', 'incident.close', 'incident.returnToReview'])
      await refused(
        'ro',
        name,
        { id: g.id, expected_version: v, ...(name.includes('return') ? { reason: 'x' } : {}) },
        {
          code: 'WORKFLOW',
          message: "Status 'CLOSED' has no defined transitions.",
        },
      )
  })

  it('INC-05 the detail offers each user only the transitions the catalogue allows', async () => {
    const f = await draft(env)
    const forEmp = await env.ok('emp', 'incident.get', { id: f.id })
    expect(forEmp.available_actions.map((a: { command: string }) => a.command)).toEqual(['incident.submit'])
    const forMgr = await env.ok('mgr', 'incident.get', { id: f.id })
    expect(forMgr.available_actions).toEqual([])
    await submit(env, f)
    const review = await env.ok('mgr', 'incident.get', { id: f.id })
    expect(review.available_actions).toEqual([
      {
        command: 'incident.review',
        label: 'Approve and send to Risk',
        needs_reason: false,
        missing_fields: ['business_process_id', 'product_id'],
      },
      { command: 'incident.returnToDraft', label: 'Return to draft', needs_reason: true, missing_fields: [] },
    ])
  })

  it('INC-22 aud’s detail has no actions and an update by aud is FORBIDDEN read-only', async () => {
    const f = await draft(env)
    await submit(env, f)
    const d = await env.ok('aud', 'incident.get', { id: f.id })
    expect(d.available_actions).toEqual([])
    expect(d.permissions).toMatchObject({ read_only: true, can_edit: false, can_delete: false })
    await refused(
      'aud',
      'incident.update',
      { id: f.id, changes: { title: { before: d.title, after: 'New' } } },
      {
        code: 'FORBIDDEN',
        message: 'You have read-only access to this incident.',
      },
    )
  })
})

describe.each(ENGINES)('queues follow user changes on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
  })
  afterAll(async () => env?.close())

  it('INC-45 a new manager takes over pending reviews: mgr3 can review, mgr gets NOT_FOUND', async () => {
    const f = await draft(env)
    await submit(env, f)
    await env.ok('adm', 'user.update', {
      id: env.users['emp'],
      changes: { manager_id: { before: env.users['mgr'], after: env.users['mgr3'] } },
    })
    const r = await row(env, f.id)
    expect(r.assigned_to_user_id).toBe(env.users['mgr3'])
    const entry = await env.db
      .selectFrom('audit_entry')
      .select(['action', 'actor_label', 'correlation_id'])
      .where('entity_id', '=', f.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    const change = await env.db
      .selectFrom('audit_entry')
      .select('correlation_id')
      .where('entity_id', '=', env.users['emp']!)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(entry).toMatchObject({ action: 'incident.reassign', actor_label: 'system:user.update' })
    expect(entry.correlation_id).toBe(change.correlation_id)
    expectError(await env.call('mgr', 'incident.review', { id: f.id, expected_version: await version(env, f.id) }), {
      code: 'NOT_FOUND',
    })
    await review(env, f, 'mgr3')
    expect((await row(env, f.id)).status).toBe('PENDING_VALIDATION')
  })

  it('INC-09 deactivating the assigned risk officer moves the incident to the group-scope officer', async () => {
    await env.ok('adm', 'user.update', {
      id: env.users['emp'],
      changes: { manager_id: { before: env.users['mgr3'], after: env.users['mgr'] } },
    })
    const f = await pendingValidation(env)
    expect((await row(env, f.id)).assigned_to_user_id).toBe(env.users['ro'])
    await env.ok('adm', 'user.update', { id: env.users['ro'], changes: { is_active: { before: true, after: false } } })
    expect((await row(env, f.id)).assigned_to_user_id).toBe(env.users['rog'])
    expectError(
      await env.call('ro2', 'user.update', {
        id: env.users['ro'],
        changes: { is_active: { before: false, after: true } },
      }),
      {
        code: 'FORBIDDEN',
      },
    )
    await env.ok('adm', 'user.update', { id: env.users['ro'], changes: { is_active: { before: false, after: true } } })
  })
})
