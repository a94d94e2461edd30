import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aControl, aRisk, assessedRisk, auditOf, CONFLICT_MESSAGE, edit, link, refuse, row, T0 } from './risks-support'

describe.each(ENGINES)('risk concurrency and audit on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  it('RSK-40 two offline title edits: the second replay gets CONFLICT naming title with both values', async () => {
    const r = await aRisk(env)
    const seen = (await row(env, r.id))!.title
    // Both loaded the same draft; ro's change reaches the store first.
    await env.ok('ro', 'risk.update', { id: r.id, changes: { title: { before: seen, after: 'Title by ro' } } })
    const error = await refuse(
      env,
      'mgr',
      'risk.update',
      { id: r.id, changes: { title: { before: seen, after: 'Title by mgr' } } },
      { code: 'CONFLICT' },
    )
    expect(error).toMatchObject({
      entity: 'Risk',
      id: r.id,
      fields: [{ field: 'title', before: seen, mine: 'Title by mgr', theirs: 'Title by ro' }],
    })
    expect((await row(env, r.id))?.title).toBe('Title by ro')
  })

  it('RSK-40 an offline approval replayed after an online residual change gets CONFLICT and changes nothing', async () => {
    const r = await assessedRisk(env)
    await link(env, 'ro', r.id, (await aControl(env)).id)
    await edit(env, 'ro', r.id, { residual_likelihood: 3, residual_impact: 3 })
    const seenByRo = (await row(env, r.id))!.version
    await edit(env, 'rog', r.id, { residual_likelihood: 2 })
    await refuse(
      env,
      'ro',
      'risk.approve',
      { id: r.id, expected_version: seenByRo },
      { code: 'CONFLICT', message: CONFLICT_MESSAGE, expectedVersion: seenByRo, actualVersion: seenByRo + 1 },
    )
    expect(await row(env, r.id)).toMatchObject({ status: 'ASSESSED', version: seenByRo + 1, validated_at: null })
  })

  it('RSK-41 one approval: risk, snapshot and notification entries share one correlation id; per-field before/after', async () => {
    const r = await assessedRisk(env, { owner: 'mgr3' })
    await link(env, 'ro', r.id, (await aControl(env)).id)
    await edit(env, 'ro', r.id, { residual_likelihood: 2, residual_impact: 3 })
    const before = (await row(env, r.id))!
    env.clock.set('2026-11-23T18:00:00.000Z')
    await env.ok('ro', 'risk.approve', { id: r.id, expected_version: before.version })
    const entry = (await auditOf(env, r.id)).at(-1)!
    expect(entry).toMatchObject({ action: 'risk.approve', entity_type: 'risk', entity_ref: r.ref })
    expect(entry.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', before: 'ASSESSED', after: 'ACTIVE' },
        { field: 'validated_by', before: null, after: env.users.ro },
        { field: 'validated_at', before: null, after: '2026-11-23T18:00:00.000Z' },
        { field: 'next_review_date', before: null, after: '2027-11-23' },
      ]),
    )
    const all = await env.db
      .selectFrom('audit_entry')
      .select(['entity_type', 'entity_id', 'action', 'correlation_id'])
      .where('correlation_id', '=', entry.correlation_id)
      .orderBy('seq')
      .execute()
    const types = all.map((a) => a.entity_type)
    expect(types.filter((t) => t === 'risk')).toHaveLength(1)
    expect(types.filter((t) => t === 'risk_snapshot')).toHaveLength(1)
    // RISK_APPROVED to the owner (mgr3) and the submitter (mgr): two notifications, two inbox rows.
    expect(types.filter((t) => t === 'notification')).toHaveLength(2)
    expect(types.filter((t) => t === 'user_notification')).toHaveLength(2)
    expect(all.every((a) => a.action === 'risk.approve')).toBe(true)
    const snapshot = await env.db
      .selectFrom('risk_snapshot')
      .select('id')
      .where('risk_id', '=', r.id)
      .executeTakeFirstOrThrow()
    expect(all.find((a) => a.entity_type === 'risk_snapshot')?.entity_id).toBe(snapshot.id)
    env.clock.set(T0)
  })
})
