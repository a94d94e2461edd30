import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NotRiskDeskError, openStore } from '#main/store/open'
import { APPLICATION_ID, openSqlite } from '#main/store/sqlite'

const pragmas = (db: Database.Database) => ({
  journal_mode: db.pragma('journal_mode', { simple: true }),
  synchronous: db.pragma('synchronous', { simple: true }),
  foreign_keys: db.pragma('foreign_keys', { simple: true }),
  busy_timeout: db.pragma('busy_timeout', { simple: true }),
  trusted_schema: db.pragma('trusted_schema', { simple: true }),
})
const EXPECTED = { journal_mode: 'wal', synchronous: 2, foreign_keys: 1, busy_timeout: 5000, trusted_schema: 0 }

describe('SEC-29 opening a SQLite database', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'riskdesk-open-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('SEC-29 a connection from openSqlite shows journal_mode wal, synchronous 2 (FULL), foreign_keys 1', () => {
    const raw = openSqlite(join(dir, 'plain.sqlite'))
    try {
      expect(pragmas(raw)).toEqual(EXPECTED)
    } finally {
      raw.close()
    }
  })

  it('SEC-29 a RiskDesk file carries application_id 0x52534B44 and every connection to it gets the same settings', async () => {
    const file = join(dir, 'riskdesk.sqlite')
    const store = await openStore(file)
    try {
      expect(APPLICATION_ID).toBe(0x52534b44)
      expect(pragmas(store.raw)).toEqual(EXPECTED)
      expect(store.raw.pragma('application_id', { simple: true })).toBe(0x52534b44)
      // The Kysely side runs on that same connection.
      const viaKysely = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(store.db)
      expect(viaKysely.rows[0]!.foreign_keys).toBe(1)
      const second = openSqlite(file)
      try {
        expect(pragmas(second)).toEqual(EXPECTED)
        expect(second.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
      } finally {
        second.close()
      }
      const header = Buffer.alloc(4)
      header.writeUInt32BE(APPLICATION_ID)
      expect(header.toString('latin1')).toBe('RSKD')
    } finally {
      await store.close()
    }
    // Still a RiskDesk database after closing: reopening works and keeps the id.
    const again = await openStore(file)
    expect(again.raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    await again.close()
  })

  it('SEC-29 openStore refuses a SQLite file with a foreign table and application_id 0, adding nothing to it', async () => {
    const file = join(dir, 'foreign.sqlite')
    const foreign = new Database(file)
    foreign.exec(
      "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Alice')",
    )
    expect(foreign.pragma('application_id', { simple: true })).toBe(0)
    foreign.close()

    const err = await openStore(file).then(
      () => null,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(NotRiskDeskError)
    expect((err as Error).message).toBe('This file is not a RiskDesk database.')

    const check = new Database(file, { readonly: true })
    try {
      expect(check.pragma('application_id', { simple: true })).toBe(0)
      const tables = check.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all()
      expect(tables).toEqual([{ name: 'customers' }])
      expect(check.prepare('SELECT name FROM customers').all()).toEqual([{ name: 'Alice' }])
    } finally {
      check.close()
    }
    expect(readdirSync(dir).filter((f) => f.startsWith('foreign') && f.endsWith('.sqlite'))).toEqual(['foreign.sqlite'])
  })

  it('SEC-29 openStore refuses an empty file stamped with another application_id', async () => {
    const file = join(dir, 'other-app.sqlite')
    const other = new Database(file)
    other.pragma('application_id = 1234')
    other.close()
    await expect(openStore(file)).rejects.toThrow('This file is not a RiskDesk database.')
    const check = new Database(file, { readonly: true })
    expect(check.pragma('application_id', { simple: true })).toBe(1234)
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 })
    check.close()
  })
})
