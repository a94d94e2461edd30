import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedMeasures } from '#main/demo/seed-measures'
import { seedOrganisation } from '#main/demo/seed'
import { sha256Hex } from '#main/ids'
import { verifyChain } from '#shared/audit/verify'
import org from '../../data/demo-org.json' with { type: 'json' }
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { day, REF } from './measures-support'

describe.each(ENGINES)('demo measures on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine, { seed: 'none' })
  })
  afterAll(async () => env?.close())

  it('the demo organisation loads its two measures with their incident links and an intact audit chain, once', async () => {
    const now = env.clock.now()
    await seedOrganisation(env.db, { mode: 'demo', now, passwordHash: 'x' })
    const meta = await env.db.selectFrom('db_meta').selectAll().executeTakeFirstOrThrow()
    // seedOrganisation loaded them; a second load adds nothing, and test mode never loads any.
    expect(await seedMeasures(env.db, { mode: 'test', now, tenantId: meta.tenant_id })).toEqual({ measures: 0 })
    expect(await seedMeasures(env.db, { mode: 'demo', now, tenantId: meta.tenant_id })).toEqual({ measures: 0 })

    const rows = await env.db
      .selectFrom('measure as m')
      .innerJoin('users as r', 'r.id', 'm.responsible_user_id')
      .innerJoin('users as c', 'c.id', 'm.created_by_user_id')
      .select([
        'm.id',
        'm.ref',
        'm.description',
        'm.status',
        'm.deadline',
        'm.started_at',
        'r.username as responsible',
        'c.username as creator',
      ])
      .orderBy('m.description')
      .execute()
    expect(rows.map(({ id: _id, ref: _ref, ...r }) => r)).toEqual([
      {
        description: 'Block suspicious card numbers',
        status: 'OPEN',
        deadline: day(7, now.slice(0, 10)),
        started_at: null,
        responsible: 'alice_emp',
        creator: 'bob_mgr',
      },
      {
        description: 'Patch core server',
        status: 'IN_PROGRESS',
        deadline: day(14, now.slice(0, 10)),
        started_at: new Date(Date.parse(now) - 48 * 3_600_000).toISOString(),
        responsible: 'dave_it',
        creator: 'carol_orm',
      },
    ])
    for (const r of rows) expect(r.ref).toMatch(REF)
    const links = await env.db
      .selectFrom('incident_measure as l')
      .innerJoin('incident as i', 'i.id', 'l.incident_id')
      .innerJoin('measure as m', 'm.id', 'l.measure_id')
      .select(['m.description', 'i.title'])
      .orderBy('m.description')
      .execute()
    const title = (key: string) => org.incidents.find((i) => i.key === key)!.title
    expect(links).toEqual([
      { description: 'Block suspicious card numbers', title: title('inc.credit-card-fraud') },
      { description: 'Patch core server', title: title('inc.retail-it-outage') },
    ])

    const bob = await env.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'bob_mgr')
      .executeTakeFirstOrThrow()
    const detail = await env.dispatcher.call({
      name: 'measure.get',
      input: { id: rows[0]!.id },
      session: { userId: bob.id, locked: false },
    })
    expect(detail).toMatchObject({
      ok: true,
      value: { contextual_role: 'responsible', linked_incidents: [{ title: title('inc.credit-card-fraud') }] },
    })
    const chain = await verifyChain(env.db, { chainId: meta.database_id, sha256Hex, now })
    expect(chain.ok).toBe(true)
  })
})
