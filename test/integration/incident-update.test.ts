import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '#main/ids'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { snapshot } from '../support/snapshot'
import { draft, EUR, expectError, pendingValidation, row, submit, validated, version } from '../support/incident-flow'

const T = '2026-11-23T14:05:09.123Z'

describe.each(ENGINES)('incident.update on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T)
  })
  afterAll(async () => env?.close())

  async function refused(user: string, name: string, input: unknown, error: Record<string, unknown>) {
    const before = await snapshot(env.db)
    expectError(await env.call(user, name, input), error)
    expect(await snapshot(env.db)).toBe(before)
  }
  const update = (user: string, id: string, changes: Record<string, { before: unknown; after: unknown }>) =>
    env.call(user, 'incident.update', { id, changes })

  it('INC-18 field locks: emp edits the title in DRAFT; a locked key fails the whole command', async () => {
    const f = await draft(env)
    await env.ok('emp', 'incident.update', {
      id: f.id,
      changes: { title: { before: 'Card skimming at branch 12', after: 'Card skimming at branch 14' } },
    })
    expect((await row(env, f.id)).title).toBe('Card skimming at branch 14')
    await refused(
      'emp',
      'incident.update',
      {
        id: f.id,
        changes: {
          title: { before: 'Card skimming at branch 14', after: 'Other title' },
          basel_event_type_id: { before: null, after: 'EL2' },
        },
      },
      {
        code: 'WORKFLOW',
        message: "Fields basel_event_type_id cannot be edited in DRAFT by role 'Employee'.",
        fields: ['basel_event_type_id'],
      },
    )
    expect((await row(env, f.id)).title).toBe('Card skimming at branch 14')
  })

  it('INC-18 emp cannot edit the title in PENDING_VALIDATION; ro edits gross and Basel type; the lock shows', async () => {
    const f = await pendingValidation(env)
    // emp is no longer the owner of the record: the ownership gate passes only in DRAFT.
    const r = await update('emp', f.id, { title: { before: 'Card skimming at branch 12', after: 'New title' } })
    expectError(r, {
      code: 'WORKFLOW',
      message: "Fields title cannot be edited in PENDING_VALIDATION by role 'Employee'.",
    })
    await env.ok('ro', 'incident.update', {
      id: f.id,
      changes: {
        gross_loss_amount: { before: EUR(100), after: EUR(120) },
        basel_event_type_id: { before: null, after: 'EL2' },
      },
    })
    expect(await row(env, f.id)).toMatchObject({ gross_loss_amount: EUR(120), basel_event_type_id: 'EL2' })
    const forEmp = await env.ok('emp', 'incident.get', { id: f.id })
    expect(forEmp.editable_fields).toEqual([])
    const forRo = await env.ok('ro', 'incident.get', { id: f.id })
    expect(forRo.editable_fields).toContain('title')
  })

  it('INC-19 an after equal to the stored value is no change: no lock check, version + 1, audit with no items', async () => {
    const f = await draft(env)
    const before = await version(env, f.id)
    await env.ok('emp', 'incident.update', {
      id: f.id,
      changes: { title: { before: 'Card skimming at branch 12', after: 'Card skimming at branch 12' } },
    })
    expect(await version(env, f.id)).toBe(before + 1)
    const last = await env.db
      .selectFrom('audit_entry')
      .select(['action', 'changes'])
      .where('entity_id', '=', f.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(last.action).toBe('incident.update')
    expect(JSON.parse(last.changes)).toEqual([])
  })

  it('INC-20 on a CLOSED incident every field is locked for every role', async () => {
    const f = await validated(env)
    await env.ok('ro', 'incident.close', { id: f.id, expected_version: await version(env, f.id) })
    await refused(
      'ro',
      'incident.update',
      { id: f.id, changes: { title: { before: 'Card skimming at branch 12', after: 'X' } } },
      {
        code: 'WORKFLOW',
        message: "Fields title cannot be edited in CLOSED by role 'Risk Officer'.",
      },
    )
    const d = await env.ok('ro', 'incident.get', { id: f.id })
    expect(d.editable_fields).toEqual([])
    expect(d.permissions.can_edit).toBe(false)
  })

  it('INC-23 two devices: a stale base is a CONFLICT listing the field; a fresh base on another field saves', async () => {
    const f = await draft(env)
    await submit(env, f)
    expect((await update('mgr', f.id, { gross_loss_amount: { before: EUR(100), after: EUR(200) } })).ok).toBe(true)
    await refused(
      'mgr',
      'incident.update',
      { id: f.id, changes: { gross_loss_amount: { before: EUR(100), after: EUR(300) } } },
      {
        code: 'CONFLICT',
        message: 'This incident was changed by someone else. Reload and try again.',
        fields: [{ field: 'gross_loss_amount', before: EUR(100), mine: EUR(300), theirs: EUR(200) }],
      },
    )
    expect((await row(env, f.id)).gross_loss_amount).toBe(EUR(200))
    const product = await env.db
      .selectFrom('product')
      .select('id')
      .where('name', '=', 'Credit Card')
      .executeTakeFirstOrThrow()
    expect((await update('mgr', f.id, { product_id: { before: null, after: product.id } })).ok).toBe(true)
  })

  it('INC-35 net loss override by ro with a reason: net 65.00, audit shows net 7000 → 6500 with the reason', async () => {
    const f = await pendingValidation(env)
    await env.ok('ro', 'incident.addRecovery', {
      incident_id: f.id,
      id: newId(),
      type: 'direct',
      amount: EUR(30),
      received_on: '2026-11-20',
    })
    expect((await row(env, f.id)).net_loss_amount).toBe(EUR(70))
    await refused(
      'ro',
      'incident.update',
      { id: f.id, changes: { net_loss_override: { before: null, after: 6500 } } },
      {
        code: 'VALIDATION',
        message: 'Give a reason for the net loss override (10–500 characters).',
      },
    )
    await env.ok('ro', 'incident.update', {
      id: f.id,
      changes: {
        net_loss_override: { before: null, after: 6500 },
        net_loss_override_reason: { before: null, after: 'Fees refunded by the card scheme.' },
      },
    })
    const d = await env.ok('ro', 'incident.get', { id: f.id })
    expect([d.net_loss_amount, d.net_loss_overridden, d.net_loss_computed]).toEqual([6500, true, 7000])
    const audit = await env.db
      .selectFrom('audit_entry')
      .select(['changes', 'reason'])
      .where('entity_id', '=', f.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit.reason).toBe('Fees refunded by the card scheme.')
    expect(JSON.parse(audit.changes)).toContainEqual({ field: 'net_loss_amount', before: 7000, after: 6500 })

    const g = await draft(env)
    await submit(env, g)
    await refused(
      'mgr',
      'incident.update',
      {
        id: g.id,
        changes: {
          net_loss_override: { before: null, after: 5000 },
          net_loss_override_reason: { before: null, after: 'Manager thinks so.' },
        },
      },
      {
        code: 'WORKFLOW',
        message:
          "Fields net_loss_override, net_loss_override_reason cannot be edited in PENDING_REVIEW by role 'Manager'.",
      },
    )
  })

  it('INC-38 with an override a new recovery leaves net at the override; clearing it restores gross − recoveries', async () => {
    const f = await pendingValidation(env)
    await env.ok('ro', 'incident.update', {
      id: f.id,
      changes: {
        net_loss_override: { before: null, after: 9000 },
        net_loss_override_reason: { before: null, after: 'Provisional figure from finance.' },
      },
    })
    await env.ok('ro', 'incident.addRecovery', {
      incident_id: f.id,
      id: newId(),
      type: 'insurance',
      amount: EUR(20),
      received_on: '2026-11-20',
    })
    const d = await env.ok('ro', 'incident.get', { id: f.id })
    expect([d.net_loss_amount, d.net_loss_computed]).toEqual([9000, EUR(80)])
    await env.ok('ro', 'incident.update', {
      id: f.id,
      changes: {
        net_loss_override: { before: 9000, after: null },
        net_loss_override_reason: {
          before: 'Provisional figure from finance.',
          after: 'Finance confirmed the computed value.',
        },
      },
    })
    expect((await row(env, f.id)).net_loss_amount).toBe(EUR(80))
  })

  it('INC-39 first accounting date: future, before the occurrence, saved, near miss, locked after VALIDATED', async () => {
    const f = await draft(env, 'emp', { occurred_at: '2026-03-10T09:00:00.000Z' })
    await submit(env, f)
    const set = (before: unknown, after: unknown) => update('mgr', f.id, { first_accounting_date: { before, after } })
    expectError(await set(null, '2026-11-24'), { message: 'The first accounting date cannot be in the future.' })
    expectError(await set(null, '2026-03-09'), {
      message: 'The first accounting date cannot be before the occurrence date.',
    })
    expect((await set(null, '2026-03-10')).ok).toBe(true)
    const nm = await draft(env, 'emp', { near_miss: true, gross_loss_amount: 0 })
    await submit(env, nm)
    expectError(await update('mgr', nm.id, { first_accounting_date: { before: null, after: '2026-03-10' } }), {
      message: 'A near miss has no accounting date.',
    })
    const v = await validated(env, { occurred_at: '2026-03-10T09:00:00.000Z' })
    expectError(await update('ro', v.id, { first_accounting_date: { before: null, after: '2026-03-11' } }), {
      code: 'WORKFLOW',
    })
  })

  it('INC-37 lowering gross below the recoveries, or clearing it, is refused on gross_loss_amount', async () => {
    const f = await pendingValidation(env)
    await env.ok('ro', 'incident.addRecovery', {
      incident_id: f.id,
      id: newId(),
      type: 'direct',
      amount: EUR(60),
      received_on: '2026-11-20',
    })
    await refused(
      'ro',
      'incident.update',
      { id: f.id, changes: { gross_loss_amount: { before: EUR(100), after: EUR(50) } } },
      {
        code: 'VALIDATION',
        message: 'Recoveries (EUR 60.00) cannot exceed the gross loss (EUR 50.00).',
        fields: ['gross_loss_amount'],
      },
    )
    await refused(
      'ro',
      'incident.update',
      { id: f.id, changes: { gross_loss_amount: { before: EUR(100), after: null } } },
      {
        code: 'VALIDATION',
        message: 'Remove the recoveries before clearing the gross loss.',
      },
    )
  })

  it('INC-46 severity and FX: USD 50,000.00 at 0.9 → 4,500,000 EUR minor units, medium; no rate → unrated', async () => {
    await env.db
      .insertInto('fx_rate')
      .values({
        id: newId(),
        tenant_id: (await env.db.selectFrom('db_meta').select('tenant_id').executeTakeFirstOrThrow()).tenant_id,
        currency_code: 'USD',
        rate_date: '2026-11-01',
        rate: '0.9',
        source: 'test',
        created_at: T,
        updated_at: T,
      })
      .execute()
    const f = await draft(env, 'emp', {
      gross_loss_amount: 5_000_000,
      currency_code: 'USD',
      discovered_at: '2026-11-10T08:00:00.000Z',
    })
    expect(await row(env, f.id)).toMatchObject({ gross_loss_reporting: 4_500_000, severity: 'medium' })
    const g = await draft(env, 'emp', { gross_loss_amount: 5_000_000, currency_code: 'GBP' })
    expect(await row(env, g.id)).toMatchObject({ gross_loss_reporting: null, severity: 'unrated' })
    // Discovered before any USD rate existed: no rate on or before that date.
    await env.ok('emp', 'incident.update', {
      id: f.id,
      changes: { discovered_at: { before: '2026-11-10T08:00:00.000Z', after: '2026-10-10T08:00:00.000Z' } },
    })
    expect(await row(env, f.id)).toMatchObject({ gross_loss_reporting: null, severity: 'unrated' })
  })

  it('INC-41 update value rules use the record as it would be after the change', async () => {
    const f = await draft(env, 'emp', { occurred_at: '2026-11-01T10:00:00.000Z' })
    expectError(await update('emp', f.id, { discovered_at: { before: null, after: '2026-10-31T10:00:00.000Z' } }), {
      message: 'The discovery time cannot be before the occurrence time.',
      fields: ['discovered_at'],
    })
    // Fixing both dependent fields at once succeeds.
    const both = await update('emp', f.id, {
      occurred_at: { before: '2026-11-01T10:00:00.000Z', after: '2026-10-30T10:00:00.000Z' },
      discovered_at: { before: null, after: '2026-10-31T10:00:00.000Z' },
    })
    expect(both.ok).toBe(true)
    expectError(await update('emp', f.id, { currency_code: { before: 'EUR', after: null } }), {
      message: 'Choose the currency of the amount.',
    })
    expectError(await update('emp', f.id, { colour: { before: null, after: 'red' } }), {
      code: 'VALIDATION',
      message: "Unknown field 'colour'.",
    })
    expectError(await env.call('emp', 'incident.update', { id: f.id, changes: { title: { after: 'No base' } } }), {
      code: 'VALIDATION',
      message: "Field 'title' is missing from base.",
    })
  })
})

describe.each(ENGINES)('loss period on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T)
  })
  afterAll(async () => env?.close())

  it('INC-40 the first accounting date places a validated loss in its period; without it, an exception', async () => {
    const dated = await pendingValidation(env, {
      occurred_at: '2025-12-20T10:00:00.000Z',
      discovered_at: '2025-12-28T10:00:00.000Z',
    })
    await env.ok('ro', 'incident.update', {
      id: dated.id,
      changes: {
        basel_event_type_id: { before: null, after: 'EL2' },
        first_accounting_date: { before: null, after: '2026-01-15' },
      },
    })
    await env.ok('ro', 'incident.validate', { id: dated.id, expected_version: await version(env, dated.id) })
    const undated = await validated(env)
    const h1 = await env.ok('ro', 'incident.lossPeriod', { from: '2026-01-01', to: '2026-06-30' })
    const h2 = await env.ok('ro', 'incident.lossPeriod', { from: '2025-07-01', to: '2025-12-31' })
    expect(h1.events.map((e: { id: string }) => e.id)).toEqual([dated.id])
    expect(h1.totals).toMatchObject({ count: 1, gross_loss_reporting: EUR(100) })
    expect(h2.events).toEqual([])
    expect(h1.exceptions.map((e: { id: string }) => e.id)).toEqual([undated.id])
    expect(h1.events.map((e: { id: string }) => e.id)).not.toContain(undated.id)
  })
})
