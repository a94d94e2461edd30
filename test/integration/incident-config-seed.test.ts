import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedOrganisation } from '#main/demo/seed'
import { seedRoutingRules } from '#main/demo/seed-routing'
import { newId } from '#main/ids'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'

describe.each(ENGINES)('demo routing rules and FX rates on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine, { seed: 'none' })
  })
  afterAll(async () => env?.close())

  it('loads rules A–D of incidents §9.3 with resolved ids and the 2 demo FX rates, once', async () => {
    const now = env.clock.now()
    await seedOrganisation(env.db, { mode: 'demo', now, passwordHash: 'x' })
    const meta = await env.db.selectFrom('db_meta').select('tenant_id').executeTakeFirstOrThrow()
    const opts = { mode: 'demo' as const, now, tenantId: meta.tenant_id, newId }
    await seedRoutingRules(env.db, opts)
    expect(await seedRoutingRules(env.db, opts)).toEqual({ rules: 0, fxRates: 0 })

    const unit = Object.fromEntries(
      (await env.db.selectFrom('business_unit').select(['id', 'code']).execute()).map((u) => [u.code, u.id]),
    )
    const rules = await env.db.selectFrom('routing_rule').selectAll().orderBy('priority').execute()
    expect(
      rules.map((r) => [
        r.priority,
        JSON.parse(r.predicate),
        r.route_to_role,
        r.route_to_bu_id,
        r.description,
        r.active,
      ]),
    ).toEqual([
      [5, { min_amount: 100_000_000 }, null, unit['GROUP_ORM'], 'Material losses ≥ 1,000,000 → Group ORM', 1],
      [
        10,
        { simplified_event_type_id: 'IT_DATA_CYBER', business_unit_id: unit['RETAIL'] },
        'infosec',
        unit['INFOSEC'],
        'IT/security events in Retail → InfoSec',
        1,
      ],
      [
        15,
        { simplified_event_type_id: 'FRAUD' },
        'fraud_investigator',
        unit['FRAUD_UNIT'],
        'Fraud → Fraud Investigation Unit',
        1,
      ],
      [
        100,
        { business_unit_id: unit['RETAIL'] },
        'manager',
        unit['RETAIL'],
        'Other Retail incidents → Retail managers',
        1,
      ],
    ])
    const fx = await env.db.selectFrom('fx_rate').selectAll().orderBy('currency_code').execute()
    expect(fx.map((r) => [r.currency_code, r.rate_date, r.rate, r.source])).toEqual([
      ['GBP', '2026-10-24', '1.1700', 'demo'],
      ['USD', '2026-10-24', '0.9200', 'demo'],
    ])
  })
})
