import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendAudit, type NewAuditEntry } from '#shared/audit/append'
import { canonicalEntry, entryHash, ZERO_HASH, type HashedEntry } from '#shared/audit/hash'
import { verifyChain } from '#shared/audit/verify'
import { sha256Hex } from '#main/ids'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'

// audit-security §2.2: the published test vector, a server-chain entry and its successor.
const CHAIN = '01936f5e-0000-7000-8000-000000000001'
const H1 = '6adeb856d5f61404858ca5905153420b070f084d5cbb7a884556f56d7128fc77'
const H2 = '9e8539ed933b8ac48631580112be092942ab9168c4f71e76d4699a2726258faf'
const H2_ALTERED = 'a511062731c80db851e482e8b368b78c53a347a7a82ed558b486834107eb15bf'

const CANONICAL_1 =
  '{"action":"incident.create","actor_id":"01936f5e-1111-7111-8111-111111111111","actor_label":"alice@example.com","at":"2026-11-23T14:05:09.123Z","chain_id":"01936f5e-0000-7000-8000-000000000001","changes":[{"after":"ATM dispensed cash twice","before":null,"field":"description"},{"after":"ATM cash-out error","before":null,"field":"title"}],"command_id":"01936f5e-4444-7444-8444-444444444444","correlation_id":"01936f5e-3333-7333-8333-333333333333","entity_id":"01936f5e-2222-7222-8222-222222222222","entity_ref":"INC-2026-KMR-00001","entity_type":"incident","id":"01936f5e-8a3b-7c21-9d4e-5f6a7b8c9d0e","origin_device":"KMR","prev_hash":"0000000000000000000000000000000000000000000000000000000000000000","reason":null,"recorded_at":"2026-11-23T14:05:10.004Z","seq":1,"tenant_id":"01936f5e-0000-7000-8000-000000000001"}'

const new1: NewAuditEntry = {
  id: '01936f5e-8a3b-7c21-9d4e-5f6a7b8c9d0e',
  at: '2026-11-23T14:05:09.123Z',
  recorded_at: '2026-11-23T14:05:10.004Z',
  actor_id: '01936f5e-1111-7111-8111-111111111111',
  actor_label: 'alice@example.com',
  action: 'incident.create',
  entity_type: 'incident',
  entity_id: '01936f5e-2222-7222-8222-222222222222',
  entity_ref: 'INC-2026-KMR-00001',
  // Written in the opposite order on purpose: the append path sorts changes by field.
  changes: [
    { field: 'title', before: null, after: 'ATM cash-out error' },
    { field: 'description', before: null, after: 'ATM dispensed cash twice' },
  ],
  reason: null,
  correlation_id: '01936f5e-3333-7333-8333-333333333333',
  command_id: '01936f5e-4444-7444-8444-444444444444',
  origin_device: 'KMR',
}
const new2: NewAuditEntry = {
  ...new1,
  id: '01936f5e-8a3c-7c21-9d4e-5f6a7b8c9d0f',
  at: '2026-11-23T14:07:41.502Z',
  recorded_at: '2026-11-23T18:30:02.250Z',
  action: 'incident.update',
  changes: [{ field: 'gross_loss_amount', before: 0, after: 250000 }],
  correlation_id: '01936f5e-5555-7555-8555-555555555555',
  command_id: '01936f5e-6666-7666-8666-666666666666',
}
const chained = (e: NewAuditEntry, seq: number, prev: string): HashedEntry => ({
  ...e,
  changes: [...e.changes].sort((a, b) => a.field.localeCompare(b.field)),
  seq,
  prev_hash: prev,
  chain_id: CHAIN,
  tenant_id: CHAIN,
})

describe('SEC-03 hash test vector in Node', () => {
  it('SEC-03 entry 1 canonicalises to the published JSON and hashes to 6adeb856…fc77', () => {
    const e1 = chained(new1, 1, ZERO_HASH)
    expect(canonicalEntry(e1)).toBe(CANONICAL_1)
    expect(createHash('sha256').update(CANONICAL_1, 'utf8').digest('hex')).toBe(H1)
    expect(entryHash(e1, sha256Hex)).toBe(H1)
  })

  it('SEC-03 entry 2 links to entry 1 and hashes to 9e8539ed…faf; before = 100 gives a511…15bf', () => {
    const e2 = chained(new2, 2, H1)
    expect(entryHash(e2, sha256Hex)).toBe(H2)
    const altered = { ...e2, changes: [{ field: 'gross_loss_amount', before: 100, after: 250000 }] }
    expect(entryHash(altered, sha256Hex)).toBe(H2_ALTERED)
    expect(H2_ALTERED).not.toBe(H2)
  })

  it('SEC-03 every hashed field matters, including nulls, and the stored hash itself is not hashed', () => {
    const e1 = chained(new1, 1, ZERO_HASH)
    expect(entryHash({ ...e1, reason: '' }, sha256Hex)).not.toBe(H1)
    expect(entryHash({ ...e1, origin_device: null }, sha256Hex)).not.toBe(H1)
    expect(entryHash({ ...e1, seq: 2 }, sha256Hex)).not.toBe(H1)
    expect(entryHash({ ...e1, hash: 'ff'.repeat(32) } as HashedEntry, sha256Hex)).toBe(H1)
  })
})

describe.each(ENGINES)('SEC-03 hash test vector through the append path on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine, { seed: 'none' })
  })
  afterAll(async () => env?.close())

  it('SEC-03 appendAudit stores 6adeb856…fc77 and 9e8539ed…faf, links them and advances the head', async () => {
    const written = await env.db
      .transaction()
      .execute((trx) => appendAudit(trx, { chainId: CHAIN, tenantId: CHAIN, sha256Hex }, [new1, new2]))
    expect(written.map((w) => w.seq)).toEqual([1, 2])
    const rows = await env.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('chain_id', '=', CHAIN)
      .orderBy('seq')
      .execute()
    expect(rows.map((r) => [Number(r.seq), r.prev_hash, r.hash])).toEqual([
      [1, ZERO_HASH, H1],
      [2, H1, H2],
    ])
    expect(JSON.parse(rows[0]!.changes)).toEqual([
      { field: 'description', before: null, after: 'ATM dispensed cash twice' },
      { field: 'title', before: null, after: 'ATM cash-out error' },
    ])
    expect(rows[1]!.recorded_at).toBe('2026-11-23T18:30:02.250Z')
    const head = await env.db
      .selectFrom('audit_head')
      .selectAll()
      .where('chain_id', '=', CHAIN)
      .executeTakeFirstOrThrow()
    expect({ seq: Number(head.seq), hash: head.hash }).toEqual({ seq: 2, hash: H2 })
  })

  it('SEC-03 the verifier reproduces the vector from the stored rows', async () => {
    const v = await verifyChain(env.db, { chainId: CHAIN, sha256Hex, now: env.clock.now() })
    expect(v).toMatchObject({ ok: true, checked: 2, failureCount: 0, head: { seq: 2, hash: H2 } })
  })
})
