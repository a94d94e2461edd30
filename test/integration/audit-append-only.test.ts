import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ZERO_HASH } from '#shared/audit/hash'
import { newId } from '#main/ids'
import { ENGINES, footprint, testEnv, type TestEnv } from '../support/engines'

const APPEND_ONLY = 'audit_entry is append-only'
const OUT_OF_ORDER = 'audit_entry out of chain order'

describe.each(ENGINES)('SEC-07 the store enforces append-only audit_entry on %s', (engine) => {
  let env: TestEnv
  let chainId: string
  let tenantId: string
  beforeAll(async () => {
    env = await testEnv(engine)
    const meta = await env.db.selectFrom('db_meta').selectAll().executeTakeFirstOrThrow()
    chainId = meta.database_id
    tenantId = meta.tenant_id
    await env.ok('emp', 'incident.create', { title: 'Audit target', description: 'Something to audit.' })
  })
  afterAll(async () => env?.close())

  const snapshot = () => env.db.selectFrom('audit_entry').selectAll().orderBy('seq').execute()
  const head = async () => {
    const h = await env.db
      .selectFrom('audit_head')
      .selectAll()
      .where('chain_id', '=', chainId)
      .executeTakeFirstOrThrow()
    return { seq: Number(h.seq), hash: h.hash }
  }
  const entry = (seq: number, prev: string) => ({
    id: newId(),
    tenant_id: tenantId,
    chain_id: chainId,
    seq,
    at: env.clock.now(),
    recorded_at: env.clock.now(),
    actor_id: null,
    actor_label: 'forger',
    action: 'forged.entry',
    entity_type: 'incident',
    entity_id: newId(),
    entity_ref: null,
    changes: '[]',
    reason: null,
    correlation_id: newId(),
    command_id: null,
    origin_device: null,
    prev_hash: prev,
    hash: 'ab'.repeat(32),
  })

  it('SEC-07 UPDATE of any column fails with "audit_entry is append-only" and changes nothing', async () => {
    const before = await snapshot()
    await expect(sql`UPDATE audit_entry SET reason = 'rewritten' WHERE seq = 1`.execute(env.db)).rejects.toThrow(
      APPEND_ONLY,
    )
    await expect(env.db.updateTable('audit_entry').set({ hash: ZERO_HASH }).execute()).rejects.toThrow(APPEND_ONLY)
    await expect(
      env.db.updateTable('audit_entry').set({ changes: '[]' }).where('seq', '=', 2).execute(),
    ).rejects.toThrow(APPEND_ONLY)
    expect(await snapshot()).toEqual(before)
  })

  it('SEC-07 DELETE of one entry or all fails with "audit_entry is append-only" and removes nothing', async () => {
    const before = await snapshot()
    await expect(sql`DELETE FROM audit_entry WHERE seq = 1`.execute(env.db)).rejects.toThrow(APPEND_ONLY)
    await expect(env.db.deleteFrom('audit_entry').execute()).rejects.toThrow(APPEND_ONLY)
    expect(await snapshot()).toEqual(before)
  })

  it('SEC-07 inserts with a skipped seq, a repeated seq or a wrong prev_hash fail with "audit_entry out of chain order"', async () => {
    const before = await snapshot()
    const h = await head()
    await expect(
      env.db
        .insertInto('audit_entry')
        .values(entry(h.seq + 2, h.hash))
        .execute(),
    ).rejects.toThrow(OUT_OF_ORDER)
    await expect(
      env.db
        .insertInto('audit_entry')
        .values(entry(h.seq + 1, ZERO_HASH))
        .execute(),
    ).rejects.toThrow(OUT_OF_ORDER)
    await expect(
      env.db
        .insertInto('audit_entry')
        .values(entry(h.seq + 1, 'cd'.repeat(32)))
        .execute(),
    ).rejects.toThrow(OUT_OF_ORDER)
    const other = before[h.seq - 2]!
    await expect(env.db.insertInto('audit_entry').values(entry(h.seq, other.hash)).execute()).rejects.toThrow(
      OUT_OF_ORDER,
    )
    await expect(env.db.insertInto('audit_entry').values(entry(1, ZERO_HASH)).execute()).rejects.toThrow(OUT_OF_ORDER)
    expect(await snapshot()).toEqual(before)
  })

  it('SEC-07 a correctly linked insert is accepted (the link check is not a blanket refusal)', async () => {
    const h = await head()
    await env.db
      .insertInto('audit_entry')
      .values(entry(h.seq + 1, h.hash))
      .execute()
    const rows = await snapshot()
    expect(Number(rows[rows.length - 1]!.seq)).toBe(h.seq + 1)
    // A different chain starts at seq 1 with the zero hash, independently of this one.
    const fresh = { ...entry(1, ZERO_HASH), chain_id: newId() }
    await env.db.insertInto('audit_entry').values(fresh).execute()
    await expect(
      env.db
        .insertInto('audit_entry')
        .values({ ...entry(3, ZERO_HASH), chain_id: fresh.chain_id })
        .execute(),
    ).rejects.toThrow(OUT_OF_ORDER)
  })

  if (engine === 'postgres') {
    it('SEC-07 TRUNCATE audit_entry fails on PostgreSQL and the entries remain', async () => {
      const before = await snapshot()
      await expect(sql`TRUNCATE audit_entry`.execute(env.db)).rejects.toThrow(APPEND_ONLY)
      await expect(sql`TRUNCATE audit_entry CASCADE`.execute(env.db)).rejects.toThrow(APPEND_ONLY)
      expect(await snapshot()).toEqual(before)
    })
  }
})

describe.each(ENGINES)('SEC-10 audit trail access on %s', (engine) => {
  let env: TestEnv
  let own: string
  let others: string
  beforeAll(async () => {
    env = await testEnv(engine)
    own = (await env.ok('emp', 'incident.create', { title: 'Mine', description: 'Reported by emp.' })).id
    others = (await env.ok('emp2', 'incident.create', { title: 'Not yours', description: 'Reported by emp2.' })).id
  })
  afterAll(async () => env?.close())

  it('SEC-10 emp calling audit.list gets FORBIDDEN; the auditor reads the same trail', async () => {
    const r = await env.call('emp', 'audit.list', {})
    expect(r).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only auditors and administrators can read the audit trail.' },
    })
    const filtered = await env.call('emp', 'audit.list', { entityId: own })
    expect(filtered.ok).toBe(false)
    const aud = await env.ok('aud', 'audit.list', { entityId: others })
    expect(aud.items.map((i: { action: string }) => i.action)).toEqual(['incident.create'])
  })

  it("SEC-10 emp calling audit.forEntity for emp2's incident gets NOT_FOUND, identical to a missing id", async () => {
    const notFound = { ok: false, error: { code: 'NOT_FOUND', message: 'Incident not found.', entity: 'Incident' } }
    expect(await env.call('emp', 'audit.forEntity', { entityType: 'incident', entityId: others })).toEqual(notFound)
    expect(await env.call('emp', 'audit.forEntity', { entityType: 'incident', entityId: newId() })).toEqual(notFound)
    const mine = await env.ok('emp', 'audit.forEntity', { entityType: 'incident', entityId: own })
    expect(mine.items.map((i: { action: string; actor_id: string }) => [i.action, i.actor_id])).toEqual([
      ['incident.create', env.users['emp']],
    ])
    const audited = await env.ok('aud', 'audit.forEntity', { entityType: 'incident', entityId: others })
    expect(audited.items).toHaveLength(1)
  })

  it("SEC-10 emp cannot read another user's history or verify the chain, and such refusals write nothing", async () => {
    const before = await footprint(env.db)
    expect(await env.call('emp', 'audit.forEntity', { entityType: 'user', entityId: env.users['emp2'] })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'User not found.', entity: 'User' },
    })
    expect(await env.call('emp', 'audit.verify', {})).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only auditors and administrators can verify the audit trail.' },
    })
    expect(await footprint(env.db)).toEqual(before)
  })
})
