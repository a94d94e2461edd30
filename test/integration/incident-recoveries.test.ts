import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '#main/ids'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { snapshot } from '../support/snapshot'
import { draft, EUR, expectError, pendingValidation, row, version } from '../support/incident-flow'

const T = '2026-11-23T14:05:09.123Z'

describe.each(ENGINES)('incident recoveries on %s', (engine) => {
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
  const add = (incident_id: string, type: string, amount: number, extra: Record<string, unknown> = {}) =>
    env.call('ro', 'incident.addRecovery', {
      incident_id,
      id: newId(),
      type,
      amount,
      received_on: '2026-11-23',
      ...extra,
    })

  it('INC-36 two recoveries: totals per type, net, version bumps and audit; update and remove recompute net', async () => {
    const f = await pendingValidation(env)
    const v0 = await version(env, f.id)
    const ins = await add(f.id, 'insurance', EUR(20))
    const dir = await add(f.id, 'direct', EUR(10), { note: 'Chargeback CB-7' })
    expect(ins.ok && dir.ok).toBe(true)
    expect(await version(env, f.id)).toBe(v0 + 2)
    const d = await env.ok('ro', 'incident.get', { id: f.id })
    expect(d.recovery_total).toBe(EUR(30))
    expect(d.recovery_totals).toEqual({ insurance: EUR(20), direct: EUR(10), other: 0 })
    expect(d.net_loss_amount).toBe(EUR(70))
    const directId = (dir as { value: { id: string } }).value.id
    await env.ok('ro', 'incident.updateRecovery', {
      incident_id: f.id,
      id: directId,
      changes: { amount: { before: EUR(10), after: EUR(15) } },
    })
    expect((await row(env, f.id)).net_loss_amount).toBe(EUR(65))
    const rec = await env.db
      .selectFrom('incident_recovery')
      .selectAll()
      .where('id', '=', directId)
      .executeTakeFirstOrThrow()
    await env.ok('ro', 'incident.removeRecovery', {
      incident_id: f.id,
      id: directId,
      expected_version: Number(rec.version),
    })
    expect((await row(env, f.id)).net_loss_amount).toBe(EUR(80))
    const actions = await env.db
      .selectFrom('audit_entry')
      .select(['action', 'entity_type'])
      .where('entity_id', 'in', [f.id, directId])
      .where('action', 'like', 'incident.%Recovery')
      .orderBy('seq')
      .execute()
    // The insurance add wrote the first incident entry; from the direct recovery on, two entries per command.
    expect(actions.map((a) => `${a.action}:${a.entity_type}`).slice(1)).toEqual([
      'incident.addRecovery:incident_recovery',
      'incident.addRecovery:incident',
      'incident.updateRecovery:incident_recovery',
      'incident.updateRecovery:incident',
      'incident.removeRecovery:incident_recovery',
      'incident.removeRecovery:incident',
    ])
  })

  it('INC-37 recovery rules: above gross, future date, amount 0, near miss, locked in DRAFT', async () => {
    const f = await pendingValidation(env)
    await add(f.id, 'insurance', EUR(100))
    await refused(
      'ro',
      'incident.addRecovery',
      { incident_id: f.id, id: newId(), type: 'direct', amount: EUR(10), received_on: '2026-11-23' },
      {
        code: 'VALIDATION',
        message: 'Recoveries (EUR 110.00) cannot exceed the gross loss (EUR 100.00).',
      },
    )
    const g = await pendingValidation(env)
    await refused(
      'ro',
      'incident.addRecovery',
      { incident_id: g.id, id: newId(), type: 'direct', amount: EUR(10), received_on: '2026-11-24' },
      {
        code: 'VALIDATION',
        message: 'The received date cannot be in the future.',
      },
    )
    await refused(
      'ro',
      'incident.addRecovery',
      { incident_id: g.id, id: newId(), type: 'direct', amount: 0, received_on: '2026-11-23' },
      {
        code: 'VALIDATION',
        message: 'A recovery amount must be a whole number of minor units greater than 0.',
      },
    )
    const nm = await pendingValidation(env, { near_miss: true, gross_loss_amount: 0 })
    await refused(
      'ro',
      'incident.addRecovery',
      { incident_id: nm.id, id: newId(), type: 'other', amount: 1, received_on: '2026-11-23' },
      {
        code: 'VALIDATION',
        message: 'A near miss has no recoveries.',
      },
    )
    const d = await draft(env)
    await refused(
      'emp',
      'incident.addRecovery',
      { incident_id: d.id, id: newId(), type: 'direct', amount: 1, received_on: '2026-11-23' },
      {
        code: 'WORKFLOW',
        message: "Fields recoveries cannot be edited in DRAFT by role 'Employee'.",
        fields: ['recoveries'],
      },
    )
  })
})
