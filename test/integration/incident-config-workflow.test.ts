import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '#shared/db/schema'
import { ENGINES, footprint, testEnv, type TestEnv } from '../support/engines'

const T = '2026-11-23T14:05:09.123Z'
const DAY = 86_400_000
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString()

/** Every configuration row, so a refused command can be shown to have changed nothing. */
async function configRows(db: Kysely<DB>) {
  const all = await Promise.all([
    db.selectFrom('incident_allowed_transition').selectAll().execute(),
    db.selectFrom('incident_required_field').selectAll().execute(),
    db.selectFrom('incident_editable_field').selectAll().execute(),
    db.selectFrom('sla_config').selectAll().execute(),
  ])
  return all.map((rows) => rows.map((r) => JSON.stringify(r)).sort())
}

describe.each(ENGINES)('incident configuration: workflow tables on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T)
  })
  afterAll(async () => env?.close())

  const draft = (extra: Record<string, unknown> = {}) =>
    env.ok('emp', 'incident.create', {
      title: 'Teller shortage',
      description: 'Cash drawer short.',
      simplified_event_type_id: 'FRAUD',
      ...extra,
    })
  const submit = (d: { id: string }) => env.call('emp', 'incident.submit', { id: d.id, expected_version: 1 })
  const incident = (id: string) =>
    env.db.selectFrom('incident').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const refusedCleanly = async (user: string, name: string, input: unknown) => {
    const [before, rows] = [await footprint(env.db), await configRows(env.db)]
    const r = await env.call(user, name, input)
    expect(await footprint(env.db)).toEqual(before)
    expect(await configRows(env.db)).toEqual(rows)
    return r
  }

  it('INC-17 removing (DRAFT, PENDING_REVIEW, employee) stops submit, re-adding restores it; DRAFT → CLOSED has no action', async () => {
    const d = await draft()
    const row = { from: 'DRAFT', to: 'PENDING_REVIEW', role: 'employee' }
    expect(await env.ok('adm', 'incidentConfig.disallowTransition', row)).toEqual({
      from: 'DRAFT',
      to: 'PENDING_REVIEW',
      roles: [],
    })
    expect(await submit(d)).toMatchObject({
      ok: false,
      error: {
        code: 'WORKFLOW',
        message: "Role 'Employee' is not authorized to move from 'DRAFT' to 'PENDING_REVIEW'.",
      },
    })
    expect((await incident(d.id)).status).toBe('DRAFT')

    await env.ok('adm', 'incidentConfig.allowTransition', row)
    expect(await submit(d)).toMatchObject({ ok: true, value: { status: 'PENDING_REVIEW' } })

    const entries = await env.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('entity_type', '=', 'incident_config')
      .where('entity_id', '=', 'allowed_transition:DRAFT:PENDING_REVIEW')
      .orderBy('seq')
      .execute()
    expect(entries.map((e) => [e.action, e.actor_label, JSON.parse(e.changes)])).toEqual([
      ['incidentConfig.disallowTransition', 'adm@riskdesk.test', [{ field: 'roles', before: ['employee'], after: [] }]],
      ['incidentConfig.allowTransition', 'adm@riskdesk.test', [{ field: 'roles', before: [], after: ['employee'] }]],
    ])

    const closed = await refusedCleanly('adm', 'incidentConfig.allowTransition', {
      from: 'DRAFT',
      to: 'CLOSED',
      role: 'employee',
    })
    expect(closed).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'VALIDATION', message: 'No action exists for DRAFT → CLOSED.' }),
    })
    expect(await refusedCleanly('adm', 'incidentConfig.allowTransition', { ...row, role: 'auditor' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: "Role 'Auditor' cannot perform incident transitions.", fields: ['role'] },
    })
  })

  it('INC-20 setEditableFields refuses CLOSED; other cells replace their allow-list and audit it', async () => {
    const r = await refusedCleanly('adm', 'incidentConfig.setEditableFields', {
      status: 'CLOSED',
      role: 'risk_officer',
      fields: ['title'],
    })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Closed incidents cannot be edited.', fields: ['status'] },
    })
    expect(
      await refusedCleanly('adm', 'incidentConfig.setEditableFields', {
        status: 'DRAFT',
        role: 'employee',
        fields: ['title', 'net_loss_override'],
      }),
    ).toMatchObject({ ok: false, error: { message: 'Only the Risk Officer role may override the net loss.' } })

    const saved = await env.ok('adm', 'incidentConfig.setEditableFields', {
      status: 'VALIDATED',
      role: 'risk_officer',
      fields: ['first_accounting_date', 'title', 'title'],
    })
    expect(saved).toEqual({ status: 'VALIDATED', role: 'risk_officer', fields: ['title', 'first_accounting_date'] })
    const rows = await env.db
      .selectFrom('incident_editable_field')
      .select('field')
      .where('status', '=', 'VALIDATED')
      .orderBy('field')
      .execute()
    expect(rows.map((r) => r.field)).toEqual(['first_accounting_date', 'title'])
    await env.ok('adm', 'incidentConfig.setEditableFields', { status: 'VALIDATED', role: 'risk_officer', fields: [] })
    const audit = await env.db
      .selectFrom('audit_entry')
      .select('changes')
      .where('entity_id', '=', 'editable_fields:VALIDATED:risk_officer')
      .orderBy('seq')
      .execute()
    expect(audit.map((a) => JSON.parse(a.changes))).toEqual([
      [{ field: 'fields', before: [], after: ['title', 'first_accounting_date'] }],
      [{ field: 'fields', before: ['title', 'first_accounting_date'], after: [] }],
    ])
  })

  it('INC-21 with PENDING_REVIEW requiring simplified type + occurred_at, a submit without occurred_at is refused', async () => {
    const set = (fields: string[]) =>
      env.ok('adm', 'incidentConfig.setRequiredFields', { status: 'PENDING_REVIEW', fields })
    expect(await set(['occurred_at', 'simplified_event_type_id'])).toEqual({
      status: 'PENDING_REVIEW',
      fields: ['simplified_event_type_id', 'occurred_at'],
    })
    try {
      const d = await draft()
      expect(await submit(d)).toMatchObject({
        ok: false,
        error: {
          code: 'WORKFLOW',
          message: 'Fields occurred_at are required for PENDING_REVIEW.',
          fields: ['occurred_at'],
        },
      })
      const dated = await draft({ occurred_at: '2026-11-20T08:00:00.000Z' })
      expect(await submit(dated)).toMatchObject({ ok: true })
    } finally {
      await set(['simplified_event_type_id'])
    }
    expect(
      await refusedCleanly('adm', 'incidentConfig.setRequiredFields', {
        status: 'VALIDATED',
        fields: ['net_loss_amount', 'near_miss'],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: "'near_miss' cannot be required.", fields: ['fields.1'] },
    })
  })

  it('INC-26 review_days = 3 applies to submits after the change; an earlier submit keeps its due date', async () => {
    const early = await draft()
    await submit(early)
    const earlyDue = (await incident(early.id)).review_due_at
    expect(earlyDue).toBe(plus(T, 5 * DAY))

    const later = plus(T, 3_600_000)
    env.clock.set(later)
    try {
      await env.ok('adm', 'incidentConfig.setSla', { draft_days: 7, review_days: 3, validation_days: 10 })
      const d = await draft()
      await submit(d)
      expect((await incident(d.id)).review_due_at).toBe(plus(later, 3 * DAY))
      expect((await incident(early.id)).review_due_at).toBe(earlyDue)
      const sla = await env.db.selectFrom('sla_config').selectAll().where('key', '=', 'review_days').executeTakeFirst()
      expect(sla).toMatchObject({ value_days: 3, updated_at: later })
      const audit = await env.db
        .selectFrom('audit_entry')
        .select(['action', 'changes'])
        .where('entity_id', '=', 'sla')
        .executeTakeFirstOrThrow()
      expect(JSON.parse(audit.changes)).toEqual([{ field: 'review_days', before: 5, after: 3 }])
    } finally {
      await env.ok('adm', 'incidentConfig.setSla', { draft_days: 7, review_days: 5, validation_days: 10 })
      env.clock.set(T)
    }
    for (const days of [0, 366, 2.5])
      expect(
        await refusedCleanly('adm', 'incidentConfig.setSla', { draft_days: days, review_days: 5, validation_days: 10 }),
      ).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: 'Days must be a whole number from 1 to 365.', fields: ['draft_days'] },
      })
  })

  it('only administrators change or read the configuration; a refused command changes nothing', async () => {
    const calls: [string, unknown][] = [
      ['incidentConfig.allowTransition', { from: 'DRAFT', to: 'PENDING_REVIEW', role: 'manager' }],
      ['incidentConfig.disallowTransition', { from: 'DRAFT', to: 'PENDING_REVIEW', role: 'employee' }],
      ['incidentConfig.setRequiredFields', { status: 'CLOSED', fields: ['title'] }],
      ['incidentConfig.setEditableFields', { status: 'DRAFT', role: 'employee', fields: [] }],
      ['incidentConfig.setSla', { draft_days: 1, review_days: 1, validation_days: 1 }],
      ['incidentConfig.get', {}],
    ]
    for (const user of ['emp', 'mgr', 'ro', 'rog', 'aud'])
      for (const [name, input] of calls)
        expect(await refusedCleanly(user, name, input)).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Only administrators can change the incident configuration.' },
        })
  })

  it('incidentConfig.get returns the matrices, SLA, rules and types the settings screen shows', async () => {
    const c = await env.ok('adm', 'incidentConfig.get', {})
    expect(c.transitions).toContainEqual({ from: 'VALIDATED', to: 'CLOSED', role: 'risk_officer' })
    expect(c.transitions).toHaveLength(6)
    expect(c.required).toEqual({
      PENDING_REVIEW: ['simplified_event_type_id'],
      PENDING_VALIDATION: ['business_process_id', 'product_id', 'simplified_event_type_id', 'gross_loss_amount'],
      VALIDATED: ['basel_event_type_id', 'currency_code', 'net_loss_amount'],
    })
    expect(c.editable).toContainEqual({ status: 'PENDING_VALIDATION', role: 'risk_officer', field: 'recoveries' })
    expect(c.sla).toMatchObject({ draft_days: 7, review_days: 5, validation_days: 10 })
    expect(c.simplified_types.map((t: { name: string }) => t.name)).toEqual([
      'Fraud',
      'IT / Data / Cyber',
      'Process / Operations error',
      'Clients / Compliance / Conduct',
      'People / Premises / Safety',
      'Other / Unsure',
    ])
    expect(c.simplified_types[0].basel_map).toEqual([
      { basel_event_type_id: 'EL1', is_default: false },
      { basel_event_type_id: 'EL2', is_default: true },
    ])
    expect(c.reporting_currency).toEqual({ code: 'EUR', digits: 2 })
    expect(c.basel_event_types).toHaveLength(27)
  })
})
