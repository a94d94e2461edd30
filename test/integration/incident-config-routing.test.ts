import type { Kysely } from 'kysely'
import { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedRoutingRules } from '#main/demo/seed-routing'
import { newId, sha256Hex } from '#main/ids'
import { argon2Passwords } from '#main/passwords'
import { catalogue } from '#shared/catalogue/index'
import { defineCommand } from '#shared/catalogue/define'
import { createDispatcher } from '#shared/catalogue/dispatcher'
import type { DB } from '#shared/db/schema'
import { routeReviewedIncident } from '#shared/incident-config/route'
import { ENGINES, footprint, testEnv, type TestEnv } from '../support/engines'

const T = '2026-11-23T14:05:09.123Z'

async function routingRows(db: Kysely<DB>) {
  const all = await Promise.all([
    db.selectFrom('routing_rule').selectAll().execute(),
    db.selectFrom('simplified_event_type').selectAll().execute(),
    db.selectFrom('simplified_to_basel_map').selectAll().execute(),
  ])
  return all.map((rows) => rows.map((r) => JSON.stringify(r)).sort())
}

/** A test-only entry running the review's routing step through the real dispatcher and transaction. */
const routeNow = defineCommand({
  name: 'test.route',
  summary: 'Runs routeReviewedIncident on an incident as the caller (integration tests only).',
  input: z.strictObject({ id: z.string() }),
  sync: 'local',
  concurrency: 'none',
  touches: ['notification'],
  async handler(ctx, input) {
    const row = await ctx.db.selectFrom('incident').selectAll().where('id', '=', input.id).executeTakeFirstOrThrow()
    const routed = await routeReviewedIncident(ctx, row)
    return routed && { rule: routed.rule.description, notificationId: routed.notificationId }
  },
})

describe.each(ENGINES)('incident configuration: routing rules on %s', (engine) => {
  let env: TestEnv
  let route: (user: string, id: string) => Promise<{ rule: string; notificationId: string | null } | null>
  const units: Record<string, string> = {}
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T)
    const meta = await env.db.selectFrom('db_meta').select('tenant_id').executeTakeFirstOrThrow()
    // A no-op once the lead's seed loads the rules itself: the function runs once per tenant.
    await seedRoutingRules(env.db, { mode: 'test', now: T, tenantId: meta.tenant_id, newId })
    for (const u of await env.db.selectFrom('business_unit').select(['id', 'code']).execute()) units[u.code!] = u.id
    const withRoute = createDispatcher({
      db: env.db,
      catalogue: { ...catalogue, [routeNow.name]: routeNow },
      clock: env.clock.now,
      newId,
      services: { passwords: argon2Passwords, sha256Hex },
      log: { error: () => {} },
      rulesVersion: 1,
    })
    route = async (user, id) => {
      const r = await withRoute.call({ name: 'test.route', input: { id }, session: env.as(user) })
      if (!r.ok) throw new Error(JSON.stringify(r.error))
      return r.value as { rule: string; notificationId: string | null } | null
    }
  })
  afterAll(async () => env?.close())

  const report = (user: string, type: string, gross: number | null, currency = 'EUR') =>
    env.ok<{ id: string; ref: string }>(user, 'incident.create', {
      title: `${type} ${gross ?? 'unknown'}`,
      description: 'Routing check.',
      simplified_event_type_id: type,
      ...(gross === null ? {} : { gross_loss_amount: gross, currency_code: currency }),
    })
  const dryRun = (input: Record<string, unknown>) => env.ok('adm', 'incidentConfig.testRouting', input)
  const names = (r: { recipients: { full_name: string }[] }) => r.recipients.map((u) => u.full_name)
  const refusedCleanly = async (user: string, name: string, input: unknown) => {
    const before = [await footprint(env.db), await routingRows(env.db)]
    const r = await env.call(user, name, input)
    expect([await footprint(env.db), await routingRows(env.db)]).toEqual(before)
    return r
  }
  const rule = (extra: Record<string, unknown> = {}) => ({
    id: newId(),
    priority: 50,
    predicate: { min_amount: 0 },
    route_to_role: 'fraud_investigator',
    route_to_bu_id: null,
    description: 'Test rule',
    active: false,
    ...extra,
  })

  it('INC-30 rule validation answers with the §9.1 messages and saves nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        { predicate: { foo: 1 } },
        "Unknown predicate key 'foo'. Allowed keys: min_amount, simplified_event_type_id, business_unit_id, basel_event_type_id.",
      ],
      [{ predicate: {} }, 'A rule needs at least one condition.'],
      [{ route_to_role: null, route_to_bu_id: null }, 'Choose a role, a business unit, or both.'],
      [{ route_to_role: 'admin' }, 'Administrators cannot receive routed notifications.'],
      [{ predicate: { min_amount: -5 } }, 'min_amount must be a whole number of minor units, 0 or more.'],
      [{ predicate: { simplified_event_type_id: 'NOPE' } }, 'Unknown simplified event type.'],
      [{ predicate: { business_unit_id: newId() } }, 'Unknown business unit.'],
      [{ predicate: { basel_event_type_id: 'EL9' } }, 'Unknown Basel event type.'],
      [{ priority: 100_001 }, 'Priority must be a whole number from 0 to 100,000.'],
    ]
    for (const [extra, message] of cases)
      expect(await refusedCleanly('adm', 'incidentConfig.saveRoutingRule', rule(extra))).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message },
      })
  })

  it('creates, updates and switches off a rule, with an audit entry each; rules are never deleted', async () => {
    const input = rule({ predicate: { basel_event_type_id: 'EL2', business_unit_id: units['WHOLESALE'] } })
    const created = await env.ok('adm', 'incidentConfig.saveRoutingRule', input)
    expect(created).toMatchObject({ id: input.id, priority: 50, active: false, version: 1, created_at: T })
    expect(created.predicate).toEqual({ business_unit_id: units['WHOLESALE'], basel_event_type_id: 'EL2' })

    env.clock.set('2026-11-23T15:00:00.000Z')
    const updated = await env.ok('adm', 'incidentConfig.saveRoutingRule', {
      ...input,
      priority: 60,
      expected_version: 1,
    })
    expect(updated).toMatchObject({ priority: 60, version: 2, created_at: T, updated_at: '2026-11-23T15:00:00.000Z' })
    expect(
      await refusedCleanly('adm', 'incidentConfig.saveRoutingRule', { ...input, expected_version: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', expectedVersion: 1, actualVersion: 2 } })
    await env.ok('adm', 'incidentConfig.setRoutingRuleActive', { id: input.id, active: true })
    await env.ok('adm', 'incidentConfig.setRoutingRuleActive', { id: input.id, active: false })
    env.clock.set(T)

    const audit = await env.db
      .selectFrom('audit_entry')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'routing_rule')
      .where('entity_id', '=', input.id)
      .orderBy('seq')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'incidentConfig.saveRoutingRule',
      'incidentConfig.saveRoutingRule',
      'incidentConfig.setRoutingRuleActive',
      'incidentConfig.setRoutingRuleActive',
    ])
    expect(JSON.parse(audit[1]!.changes)).toEqual([{ field: 'priority', before: 50, after: 60 }])
    expect(JSON.parse(audit[2]!.changes)).toEqual([{ field: 'active', before: false, after: true }])
    expect(await env.call('adm', 'incidentConfig.setRoutingRuleActive', { id: newId(), active: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Routing rule not found.' },
    })
    const list = await env.ok('adm', 'incidentConfig.get', {})
    expect(list.routing_rules.map((r: { priority: number }) => r.priority)).toEqual([5, 10, 15, 60, 100])
  })

  it('non-administrators cannot save, switch or dry-run rules', async () => {
    const existing = await env.db.selectFrom('routing_rule').select('id').executeTakeFirstOrThrow()
    const incident = await report('emp', 'FRAUD', 100)
    for (const user of ['emp', 'ro', 'rog', 'aud', 'gorm1']) {
      for (const [name, input] of [
        ['incidentConfig.saveRoutingRule', rule()],
        ['incidentConfig.setRoutingRuleActive', { id: existing.id, active: false }],
        ['incidentConfig.testRouting', { incident_id: incident.id }],
        [
          'incidentConfig.saveSimplifiedType',
          { id: 'NEW', name: 'New', short_desc: 'x', front_end_hint: '', is_active: true, sort_order: 9 },
        ],
        ['incidentConfig.setBaselMap', { simplified_event_type_id: 'FRAUD', entries: [] }],
      ] as const)
        expect(await refusedCleanly(user, name, input)).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Only administrators can change the incident configuration.' },
        })
    }
  })

  it('testRouting dry run: the first matching rule of §9.3 and its recipients, creating nothing', async () => {
    const cases: [string, string, number | null, string | null, string[]][] = [
      ['emp', 'IT_DATA_CYBER', 5_000_000, 'IT/security events in Retail → InfoSec', ['Selma Cole']],
      ['emp2', 'FRAUD', 2_500_000, 'Fraud → Fraud Investigation Unit', ['Fred Raud']],
      ['emp2', 'OTHER_UNSURE', 50_000, null, []],
      ['emp', 'OTHER_UNSURE', 10_000, 'Other Retail incidents → Retail managers', ['Martin Greene', 'Mia Thornton']],
      ['emp2', 'IT_DATA_CYBER', 100_000_000, 'Material losses ≥ 1,000,000 → Group ORM', ['Gina Orr', 'Gus Ormond']],
      ['emp', 'FRAUD', null, 'Fraud → Fraud Investigation Unit', ['Fred Raud']],
    ]
    for (const [user, type, gross, description, recipients] of cases) {
      const i = await report(user, type, gross)
      const before = await footprint(env.db)
      const r = await dryRun({ incident_id: i.id })
      expect(await footprint(env.db)).toEqual(before)
      expect([type, gross, r.rule?.description ?? null, names(r)]).toEqual([type, gross, description, recipients])
      expect(r.incident).toMatchObject({ id: i.id, ref: i.ref })
    }
    const byRef = await report('emp2', 'OTHER_UNSURE', 200_000_000, 'USD')
    const r = await dryRun({ ref: byRef.ref.toLowerCase() })
    // No USD rate on file: the amount cannot be converted, so rule A errs toward notifying (§9.4 row 10).
    expect(r.incident.gross_loss_reporting).toBeNull()
    expect(r.rule).toMatchObject({ priority: 5, route_to_role: null, route_to_bu_name: 'Group ORM' })
  })

  it('testRouting answers NOT_FOUND only for a missing or deleted incident', async () => {
    const notFound = { ok: false, error: { code: 'NOT_FOUND', message: 'Incident not found.' } }
    expect(await env.call('adm', 'incidentConfig.testRouting', { incident_id: newId() })).toMatchObject(notFound)
    expect(await env.call('adm', 'incidentConfig.testRouting', { ref: 'INC-2026-NOPE-00001' })).toMatchObject(notFound)
    const gone = await report('emp', 'FRAUD', 100)
    await env.db.updateTable('incident').set({ deleted_at: T }).where('id', '=', gone.id).execute()
    expect(await env.call('adm', 'incidentConfig.testRouting', { incident_id: gone.id })).toMatchObject(notFound)
    expect(await env.call('adm', 'incidentConfig.testRouting', {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Enter an incident reference or id.' },
    })
  })

  it('routeReviewedIncident raises one ROUTING_NOTIFY per rule, fanned out with the reviewer included', async () => {
    const retail = await report('emp', 'OTHER_UNSURE', 10_000)
    const first = await route('mgr', retail.id)
    expect(first).toMatchObject({ rule: 'Other Retail incidents → Retail managers' })
    const n = await env.db
      .selectFrom('notification')
      .selectAll()
      .where('id', '=', first!.notificationId!)
      .executeTakeFirstOrThrow()
    const ruleD = await env.db
      .selectFrom('routing_rule')
      .selectAll()
      .where('priority', '=', 100)
      .executeTakeFirstOrThrow()
    expect(n).toMatchObject({
      entity_type: 'INCIDENT',
      entity_id: retail.id,
      event_type: 'ROUTING_NOTIFY',
      routing_rule_id: ruleD.id,
      triggered_by_user_id: env.users['mgr'],
      recipient_role: 'manager',
      recipient_bu_id: units['RETAIL'],
      recipient_user_id: null,
      priority: 'MEDIUM',
      requires_action: 0,
      action_route: `/incidents/${retail.id}`,
      dedupe_key: `INCIDENT:${retail.id}:ROUTING_NOTIFY:${ruleD.id}`,
      status: 'sent',
      active: 1,
    })
    expect(JSON.parse(n.payload)).toEqual({
      title: 'OTHER_UNSURE 10000',
      message: "Incident 'OTHER_UNSURE 10000' was reviewed and requires awareness.",
      entity_ref: retail.ref,
    })
    const inbox = await env.db
      .selectFrom('user_notification')
      .select('user_id')
      .where('notification_id', '=', n.id)
      .execute()
    expect(inbox.map((u) => u.user_id).sort()).toEqual([env.users['mgr'], env.users['mgr3']].sort())
    // A second review matching the same rule finds the active dedupe key (INC-31).
    expect(await route('mgr', retail.id)).toMatchObject({ notificationId: null })
    const count = await env.db.selectFrom('notification').select('id').where('entity_id', '=', retail.id).execute()
    expect(count).toHaveLength(1)

    const wholesale = await report('emp2', 'OTHER_UNSURE', 50_000)
    const before = await footprint(env.db)
    expect(await route('mgr2', wholesale.id)).toBeNull()
    expect((await footprint(env.db)).notification).toBe(before.notification)
  })

  it('INC-32 a Basel rule matches the default map of Fraud and an EL2.2 incident, not EL1', async () => {
    const ruleId = newId()
    await env.ok('adm', 'incidentConfig.saveRoutingRule', {
      id: ruleId,
      priority: 0,
      predicate: { basel_event_type_id: 'EL2' },
      route_to_role: 'fraud_investigator',
      route_to_bu_id: null,
      description: 'External fraud → fraud investigators',
    })
    try {
      const fraud = await report('emp2', 'FRAUD', 100)
      expect((await dryRun({ incident_id: fraud.id })).rule.id).toBe(ruleId)
      const cyber = await report('emp2', 'IT_DATA_CYBER', 100)
      await env.db.updateTable('incident').set({ basel_event_type_id: 'EL2.2' }).where('id', '=', cyber.id).execute()
      expect((await dryRun({ incident_id: cyber.id })).rule.id).toBe(ruleId)
      await env.db.updateTable('incident').set({ basel_event_type_id: 'EL1' }).where('id', '=', fraud.id).execute()
      expect((await dryRun({ incident_id: fraud.id })).rule?.id).not.toBe(ruleId)
    } finally {
      await env.ok('adm', 'incidentConfig.setRoutingRuleActive', { id: ruleId, active: false })
    }
  })
})
