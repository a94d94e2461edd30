import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedOrganisation } from '#main/demo/seed'
import { sha256Hex } from '#main/ids'
import { verifyChain } from '#shared/audit/verify'
import org from '../../data/demo-org.json' with { type: 'json' }
import { ENGINES, testEnv, type TestEnv } from '../support/engines'

describe.each(ENGINES)('demo organisation on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine, { seed: 'none' })
  })
  afterAll(async () => env?.close())

  it('loads the demo units, users and incidents once, with an intact audit chain, and never twice', async () => {
    const first = await seedOrganisation(env.db, { mode: 'demo', now: env.clock.now(), passwordHash: 'x' })
    expect(first).toEqual({ loaded: true, users: org.users.length, incidents: org.incidents.length })
    const again = await seedOrganisation(env.db, { mode: 'demo', now: env.clock.now(), passwordHash: 'x' })
    expect(again).toEqual({ loaded: false, users: 0, incidents: 0 })
    expect(await env.db.selectFrom('users').select('id').execute()).toHaveLength(12)
    expect(await env.db.selectFrom('business_unit').select('id').execute()).toHaveLength(9)
    const incidents = await env.db.selectFrom('incident').select(['title', 'status', 'ref', 'current_due_at']).execute()
    expect(incidents.map((i) => `${i.title}: ${i.status}`).sort()).toEqual(
      org.incidents.map((i) => `${i.title}: ${i.status}`).sort(),
    )
    for (const i of incidents) expect(i.ref).toMatch(/^INC-\d{4}-[A-Z]{3,5}-\d{5,}$/)
    const overdueDraft = incidents.find((i) => i.title === 'Large Trading Loss')!
    expect(overdueDraft.current_due_at! < env.clock.now()).toBe(true)
    const alice = await env.db
      .selectFrom('users as u')
      .innerJoin('users as m', 'm.id', 'u.manager_id')
      .select('m.username')
      .where('u.username', '=', 'alice_emp')
      .executeTakeFirstOrThrow()
    expect(alice.username).toBe('bob_mgr')
    const meta = await env.db.selectFrom('db_meta').selectAll().executeTakeFirstOrThrow()
    expect(meta.demo_mode).toBe(1)
    expect(meta.tenant_name).toBe('RiskDesk Demo Bank')
    const chain = await verifyChain(env.db, { chainId: meta.database_id, sha256Hex, now: env.clock.now() })
    expect(chain.ok).toBe(true)
    expect(chain.checked).toBeGreaterThan(30)
  })
})
