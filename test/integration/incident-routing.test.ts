import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '#main/ids'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { draft, EUR, review, row, submit, version } from '../support/incident-flow'

const T = '2026-11-23T14:05:09.123Z'

describe.each(ENGINES)('routing after review on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T)
  })
  afterAll(async () => env?.close())

  const unit = async (name: string) =>
    (await env.db.selectFrom('business_unit').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id
  const rule = async (description: string) =>
    (
      await env.db
        .selectFrom('routing_rule')
        .select('id')
        .where('description', 'like', `${description}%`)
        .executeTakeFirstOrThrow()
    ).id
  const routed = (id: string) =>
    env.db
      .selectFrom('notification')
      .selectAll()
      .where('entity_id', '=', id)
      .where('event_type', '=', 'ROUTING_NOTIFY')
      .execute()
  const recipients = async (notificationId: string) =>
    (
      await env.db
        .selectFrom('user_notification')
        .innerJoin('users', 'users.id', 'user_notification.user_id')
        .select('users.username')
        .where('notification_id', '=', notificationId)
        .orderBy('users.username')
        .execute()
    ).map((r) => r.username)

  /** A Retail incident by emp (reviewed by mgr) or a Wholesale one by emp2 (reviewed by mgr2). */
  async function reviewed(wholesale: boolean, type: string, gross: number) {
    const creator = wholesale ? 'emp2' : 'emp'
    const f = await draft(env, creator, { simplified_event_type_id: type, gross_loss_amount: gross })
    await submit(env, f, creator)
    if (wholesale) {
      const process = await env.db
        .selectFrom('business_process')
        .select('id')
        .where('name', '=', 'Trade Finance')
        .executeTakeFirstOrThrow()
      const product = await env.db
        .selectFrom('product')
        .select('id')
        .where('name', '=', 'Corporate Loan')
        .executeTakeFirstOrThrow()
      await env.ok('mgr2', 'incident.update', {
        id: f.id,
        changes: {
          business_process_id: { before: null, after: process.id },
          product_id: { before: null, after: product.id },
        },
      })
      await env.ok('mgr2', 'incident.review', { id: f.id, expected_version: await version(env, f.id) })
    } else await review(env, f)
    return f
  }

  it('INC-27 a material loss notifies Group ORM once; the assignee is still ro', async () => {
    const f = await reviewed(false, 'PROCESS_ERROR', EUR(2_000_000))
    const n = await routed(f.id)
    expect(n).toHaveLength(1)
    expect(n[0]).toMatchObject({
      routing_rule_id: await rule('Material losses'),
      recipient_bu_id: await unit('Group ORM'),
      priority: 'MEDIUM',
      requires_action: 0,
      triggered_by_user_id: env.users['mgr'],
    })
    expect(JSON.parse(n[0]!.payload).message).toBe(
      `Incident 'Card skimming at branch 12' was reviewed and requires awareness.`,
    )
    expect((await row(env, f.id)).assigned_to_user_id).toBe(env.users['ro'])
    expect(await recipients(n[0]!.id)).toEqual(['gorm1', 'gorm2'])
  })

  it('INC-33 gorm1 opens the item: read, the incident opens read-only; gorm2 still unread; bell counts', async () => {
    const [n] = await env.db
      .selectFrom('notification')
      .select('id')
      .where('event_type', '=', 'ROUTING_NOTIFY')
      .execute()
    const gorm1 = await env.ok('gorm1', 'notification.inbox', { unread_only: true })
    expect((await env.ok('gorm1', 'notification.unreadCount', {})).unread_count).toBe(1)
    const item = gorm1.items.find((i: { entity_type: string }) => i.entity_type === 'INCIDENT')
    await env.ok('gorm1', 'notification.markRead', { id: item.id })
    expect((await env.ok('gorm1', 'notification.unreadCount', {})).unread_count).toBe(0)
    expect((await env.ok('gorm2', 'notification.unreadCount', {})).unread_count).toBe(1)
    const detail = await env.ok('gorm1', 'incident.get', { id: item.entity_id })
    expect(detail.permissions.read_only).toBe(true)
    expect(detail.available_actions).toEqual([])
    expect(n).toBeDefined()
  })

  it('INC-28 priority and AND: B → sec, C → fraud, none, D → mgr and mgr3', async () => {
    const b = await reviewed(false, 'IT_DATA_CYBER', EUR(50_000))
    const c = await reviewed(true, 'FRAUD', EUR(25_000))
    const none = await reviewed(true, 'OTHER_UNSURE', EUR(500))
    const d = await reviewed(false, 'OTHER_UNSURE', EUR(100))
    const [nb] = await routed(b.id)
    const [nc] = await routed(c.id)
    const [nd] = await routed(d.id)
    expect(nb!.routing_rule_id).toBe(await rule('IT/security'))
    expect(await recipients(nb!.id)).toEqual(['sec'])
    expect(nc!.routing_rule_id).toBe(await rule('Fraud'))
    expect(await recipients(nc!.id)).toEqual(['fraud'])
    expect(await routed(none.id)).toEqual([])
    expect(nd!.routing_rule_id).toBe(await rule('Other Retail'))
    // Routing fans out to the rule's role and unit; the reviewer, a Retail manager, is one of them.
    expect(await recipients(nd!.id)).toEqual(['mgr', 'mgr3'])
  })

  it('INC-31 returned to review and reviewed again: still exactly one active ROUTING_NOTIFY for the rule', async () => {
    const c = await reviewed(true, 'FRAUD', EUR(25_000))
    await env.ok('ro2', 'incident.returnToReview', {
      id: c.id,
      expected_version: await version(env, c.id),
      reason: 'Check the amount.',
    })
    await env.ok('mgr2', 'incident.review', { id: c.id, expected_version: await version(env, c.id) })
    const n = await routed(c.id)
    expect(n.filter((x) => x.active === 1)).toHaveLength(1)
    expect(n).toHaveLength(1)
  })

  it('INC-32 a Basel-type rule matches the Fraud default map and EL2 children, not EL1', async () => {
    const fraudUnit = await unit('Fraud Unit')
    await env.ok('adm', 'incidentConfig.saveRoutingRule', {
      id: newId(),
      priority: 1,
      predicate: { basel_event_type_id: 'EL2', business_unit_id: await unit('Wholesale') },
      route_to_role: 'fraud_investigator',
      route_to_bu_id: fraudUnit,
      description: 'EL2 in Wholesale → Fraud',
    })
    const byMap = await reviewed(true, 'FRAUD', EUR(10))
    expect((await routed(byMap.id))[0]!.routing_rule_id).toBe(await rule('EL2 in Wholesale'))
  })
})
