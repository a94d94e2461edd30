import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuditProtection } from '#migrations/index'
import { entryHash, type HashedEntry } from '#shared/audit/hash'
import { verifyChain, verifyMessage } from '#shared/audit/verify'
import { createDispatcher } from '#shared/catalogue/dispatcher'
import { catalogue } from '#shared/catalogue/index'
import { newId, sha256Hex } from '#main/ids'
import { argon2Passwords } from '#main/passwords'
import { openStore } from '#main/store/open'
import { sqliteKysely } from '#main/store/sqlite'
import { testEnv, type TestEnv } from '../support/engines'

type Row = HashedEntry & { hash: string; changes: string }
const TRIGGERS = ['audit_entry_link', 'audit_entry_no_delete', 'audit_entry_no_update']

/** Fills the chain to exactly 100 entries with real `incident.create` commands after the seed's entries. */
async function fillTo100(env: TestEnv) {
  const headSeq = async () =>
    Number((await env.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq)
  for (let i = 0; (await headSeq()) < 100; i++) {
    env.clock.advance(1000)
    await env.ok('emp', 'incident.create', { title: `Tamper fixture ${i}`, description: 'Entry for the audit chain.' })
  }
  expect(await headSeq()).toBe(100)
}

const asHashed = (r: Row): HashedEntry => ({ ...r, seq: Number(r.seq), changes: JSON.parse(r.changes) })
const rowAt = (raw: Database.Database, seq: number) =>
  raw.prepare('select * from audit_entry where seq = ?').get(seq) as Row

/** Rewrites the entry's content with raw SQL and, when asked, its stored hash too. */
function rewrite(raw: Database.Database, seq: number, edit: (e: HashedEntry) => void, rehash: boolean) {
  const e = asHashed(rowAt(raw, seq))
  edit(e)
  raw.prepare('update audit_entry set changes = ? where seq = ?').run(JSON.stringify(e.changes), seq)
  if (rehash) raw.prepare('update audit_entry set hash = ? where seq = ?').run(entryHash(e, sha256Hex), seq)
}

describe('SQLite copy-of-database tamper (SEC-04/05/06)', () => {
  let env: TestEnv
  let dir: string
  let original: Row[]
  beforeAll(async () => {
    env = await testEnv('sqlite')
    await fillTo100(env)
    original = (await env.db.selectFrom('audit_entry').selectAll().orderBy('seq').execute()) as unknown as Row[]
    dir = mkdtempSync(join(tmpdir(), 'riskdesk-tamper-'))
  })
  afterAll(async () => {
    await env?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  /** Copies the live file, tampers with raw SQL (triggers dropped, then recreated), reopens and verifies as aud. */
  async function tampered(name: string, tamper: (raw: Database.Database) => void) {
    const file = join(dir, `${name}.sqlite`)
    const src = new Database(env.sqliteFile!, { readonly: true })
    await src.backup(file)
    src.close()
    const raw = new Database(file)
    for (const t of TRIGGERS) raw.exec(`DROP TRIGGER ${t}`)
    tamper(raw)
    const k = sqliteKysely(raw)
    await createAuditProtection(k)
    const names = await sql<{
      name: string
    }>`select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_entry' order by name`.execute(k)
    expect(names.rows.map((r) => r.name)).toEqual(TRIGGERS)
    await k.destroy()
    const store = await openStore(file, { now: () => env.clock.now() })
    const dispatcher = createDispatcher({
      db: store.db,
      catalogue,
      clock: () => env.clock.now(),
      newId,
      services: { passwords: argon2Passwords, sha256Hex },
      log: { error: () => {} },
      rulesVersion: 1,
    })
    const verify = (input: unknown = {}) => dispatcher.call({ name: 'audit.verify', input, session: env.as('aud') })
    const direct = (checkpoint?: { seq: number; hash: string }) =>
      verifyChain(store.db, { chainId: original[0]!.chain_id, sha256Hex, now: env.clock.now(), checkpoint })
    return { store, verify, direct }
  }

  const okValue = (r: Awaited<ReturnType<Awaited<ReturnType<typeof tampered>>['verify']>>) => {
    if (!r.ok) throw new Error(`audit.verify failed: ${JSON.stringify(r.error)}`)
    return r.value as Awaited<ReturnType<typeof verifyChain>> & { message: string }
  }

  it('SEC-04 an untouched copy of 100 entries verifies and the run appends its own audit.verify entry', async () => {
    const t = await tampered('clean', () => {})
    const v = okValue(await t.verify())
    const last = original[99]!
    expect(v).toMatchObject({
      ok: true,
      checked: 100,
      failureCount: 0,
      firstFailure: null,
      head: { seq: 100, hash: last.hash },
    })
    expect(v.message).toBe(
      `Audit trail intact: 100 entries verified. Last entry #100, ${last.hash.slice(0, 8)}…${last.hash.slice(-4)}.`,
    )
    const appended = await t.store.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('seq', '=', 101)
      .executeTakeFirstOrThrow()
    expect(appended).toMatchObject({
      action: 'audit.verify',
      actor_id: env.users['aud'],
      prev_hash: last.hash,
      entity_type: 'database',
    })
    expect(JSON.parse(appended.changes)).toContainEqual({ field: 'ok', before: null, after: true })
    expect(okValue(await t.verify())).toMatchObject({ ok: true, checked: 101 })
    await t.store.close()
  })

  it("SEC-04 #57's before value changed with raw SQL: HASH_MISMATCH at #57, failureCount 1, 1–56 intact", async () => {
    const t = await tampered('hash-mismatch', (raw) =>
      rewrite(raw, 57, (e) => void (e.changes[0]!.before = 'tampered'), false),
    )
    const v = okValue(await t.verify())
    const e57 = original[56]!
    const altered = asHashed(e57)
    altered.changes[0]!.before = 'tampered'
    expect(v.ok).toBe(false)
    expect(v.failureCount).toBe(1)
    expect(v.checked).toBe(100)
    expect(v.firstFailure).toEqual({
      seq: 57,
      id: e57.id,
      kind: 'HASH_MISMATCH',
      expected: entryHash(altered, sha256Hex),
      found: e57.hash,
    })
    expect(v.message).toBe(
      "Audit trail broken at entry #57 (this entry's content was altered). Entries before #57 are intact.",
    )
    const recorded = await t.store.db
      .selectFrom('audit_entry')
      .select('changes')
      .where('seq', '=', 101)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(recorded.changes)).toContainEqual({ field: 'ok', before: null, after: false })
    await t.store.close()
  })

  it('SEC-05 #57 altered and re-hashed: LINK_BROKEN at #58 (#57 itself is self-consistent)', async () => {
    const t = await tampered('rehash', (raw) => rewrite(raw, 57, (e) => void (e.changes[0]!.before = 'tampered'), true))
    const v = okValue(await t.verify())
    expect(v.failureCount).toBe(1)
    expect(v.firstFailure).toMatchObject({
      seq: 58,
      id: original[57]!.id,
      kind: 'LINK_BROKEN',
      found: original[56]!.hash,
    })
    expect(v.firstFailure!.expected).not.toBe(original[56]!.hash)
    expect(v.message).toBe(
      'Audit trail broken at entry #58 (this entry or the one before was altered or re-hashed). Entries before #58 are intact.',
    )
    await t.store.close()
  })

  it('SEC-06 entry #40 deleted: SEQ_GAP at #41', async () => {
    const t = await tampered('gap', (raw) => void raw.prepare('delete from audit_entry where seq = 40').run())
    const v = okValue(await t.verify())
    expect(v).toMatchObject({ ok: false, checked: 99, failureCount: 1 })
    expect(v.firstFailure).toEqual({ seq: 41, id: original[40]!.id, kind: 'SEQ_GAP', expected: '40', found: '41' })
    expect(v.message).toBe(
      'Audit trail broken at entry #41 (an entry is missing before this one). Entries before #41 are intact.',
    )
    await t.store.close()
  })

  it('SEC-06 the last 5 entries deleted: TRUNCATED after #95', async () => {
    const t = await tampered('truncated', (raw) => void raw.prepare('delete from audit_entry where seq > 95').run())
    const v = await t.direct()
    expect(v).toMatchObject({ ok: false, checked: 95, failureCount: 1, head: { seq: 95, hash: original[94]!.hash } })
    expect(v.firstFailure).toEqual({ seq: 96, id: null, kind: 'TRUNCATED', expected: '100', found: '95' })
    expect(verifyMessage(v)).toBe(
      'Audit trail broken at entry #96 (entries were removed from the end). Entries before #96 are intact.',
    )
    const viaCommand = okValue(await t.verify())
    expect(viaCommand.firstFailure).toMatchObject({ seq: 96, kind: 'TRUNCATED' })
    expect(viaCommand.message).toBe(verifyMessage(v))
    await t.store.close()
  })

  it('SEC-06 checkpoint #90 taken, then entries 60–100 rebuilt with fresh hashes: only the checkpoint reveals it', async () => {
    const checkpoint = { seq: 90, hash: original[89]!.hash }
    const t = await tampered('rebuilt', (raw) => {
      let prev = rowAt(raw, 59).hash
      for (let seq = 60; seq <= 100; seq++) {
        const e = asHashed(rowAt(raw, seq))
        if (seq === 60) e.changes[0]!.after = 'rewritten history'
        e.prev_hash = prev
        prev = entryHash(e, sha256Hex)
        raw
          .prepare('update audit_entry set changes = ?, prev_hash = ?, hash = ? where seq = ?')
          .run(JSON.stringify(e.changes), e.prev_hash, prev, seq)
      }
      raw.prepare('update audit_head set hash = ?').run(prev)
    })
    expect((await t.direct()).ok).toBe(true)
    const v = okValue(await t.verify({ checkpoint }))
    expect(v.failureCount).toBe(1)
    expect(v.firstFailure).toMatchObject({
      seq: 90,
      id: original[89]!.id,
      kind: 'CHECKPOINT_MISMATCH',
      expected: original[89]!.hash,
    })
    expect(v.firstFailure!.found).not.toBe(original[89]!.hash)
    expect(v.message).toBe(
      'Audit trail broken at entry #90 (the chain was rebuilt after the checkpoint). Entries before #90 are intact.',
    )
    await t.store.close()
  })
})

describe('PostgreSQL tamper with user triggers disabled by the superuser (SEC-04)', () => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv('postgres')
    await fillTo100(env)
  })
  afterAll(async () => env?.close())

  it("SEC-04 #57's before value changed: HASH_MISMATCH at #57, failureCount 1; the trigger is back afterwards", async () => {
    const e57 = await env.db.selectFrom('audit_entry').selectAll().where('seq', '=', 57).executeTakeFirstOrThrow()
    const changes = JSON.parse(e57.changes) as HashedEntry['changes']
    changes[0]!.before = 'tampered'
    await sql`ALTER TABLE audit_entry DISABLE TRIGGER USER`.execute(env.db)
    await sql`UPDATE audit_entry SET changes = ${JSON.stringify(changes)} WHERE seq = 57`.execute(env.db)
    await sql`ALTER TABLE audit_entry ENABLE TRIGGER USER`.execute(env.db)
    const v = await env.ok('aud', 'audit.verify', {})
    expect(v).toMatchObject({ ok: false, checked: 100, failureCount: 1 })
    expect(v.firstFailure).toMatchObject({ seq: 57, id: e57.id, kind: 'HASH_MISMATCH', found: e57.hash })
    expect(v.message).toBe(
      "Audit trail broken at entry #57 (this entry's content was altered). Entries before #57 are intact.",
    )
    await expect(sql`UPDATE audit_entry SET reason = 'x' WHERE seq = 57`.execute(env.db)).rejects.toThrow(
      'audit_entry is append-only',
    )
  })
})
