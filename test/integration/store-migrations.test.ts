import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { MIGRATIONS, SCHEMA_VERSION } from '#migrations/index'
import { migrate } from '#migrations/runner'
import { openStore } from '#main/store/open'
import { APPLICATION_ID, openSqlite, sqliteKysely } from '#main/store/sqlite'
import { ENGINES, type Engine } from '../support/engines'
import { createPgKysely, freshPgDatabase } from '../support/pg-db'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DATA = join(ROOT, 'data')
const SHARED_DATA = join(ROOT, '..', 'shared', 'data')
// Tables migrations 1 and 2 create; the downgrade drops the rest.
const V2_TABLES = new Set(
  'db_meta audit_entry audit_head audit_verified error_log business_unit business_process product users reference_counter notification user_notification sync_state sync_outbox job_run basel_event_type basel_business_line currency loss_cause risk_category simplified_event_type simplified_to_basel_map risk_matrix_version schema_migration'.split(
    ' ',
  ),
)
const json = (name: string) => JSON.parse(readFileSync(join(DATA, name), 'utf8'))

const basel = json('basel-event-types.json') as { level1: { code: string; level2: { code: string }[] }[] }
const lines = json('business-lines.json') as { lines: { code: string; level2?: unknown[] }[] }
const currencies = json('currencies.json') as { currencies: { code: string }[] }
const causes = json('loss-causes.json') as { families: { causes: { code: string }[] }[] }
const categories = json('risk-categories.json') as { categories: { code: string; allowedEventTypes: string[] }[] }
const simplified = json('simplified-event-types.json') as { types: { code: string; mapsTo: unknown[] }[] }
type Level = { level: number; label: string; description: string }
type Band = { code: string; label: string; minScore: number; maxScore: number; colour: string; textColour: string }
const matrix = json('risk-matrix-5x5.json') as { name: string; likelihood: Level[]; impact: Level[]; bands: Band[] }

const M3_TABLES = [
  'incident',
  'incident_cause',
  'incident_allowed_transition',
  'incident_required_field',
  'incident_editable_field',
  'sla_config',
]
const REFERENCE_TABLES = [
  'basel_event_type',
  'basel_business_line',
  'currency',
  'loss_cause',
  'risk_category',
  'simplified_event_type',
  'simplified_to_basel_map',
  'risk_matrix_version',
]

async function count(db: Kysely<any>, table: string, where?: [string, number]) {
  let q = db.selectFrom(table).select((eb) => eb.fn.countAll().as('n'))
  if (where) q = q.where(where[0], '=', where[1])
  return Number(((await q.executeTakeFirstOrThrow()) as { n: unknown }).n)
}
const counts = async (db: Kysely<any>, tables: string[]) =>
  Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(db, t)] as const)))

describe.each(ENGINES)('migrations on a fresh %s database', (engine: Engine) => {
  let db: Kysely<any>
  let cleanup: () => Promise<void>
  beforeAll(async () => {
    if (engine === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'riskdesk-mig-'))
      db = sqliteKysely(openSqlite(join(dir, 'fresh.sqlite'))) as Kysely<any>
      cleanup = async () => {
        await db.destroy()
        rmSync(dir, { recursive: true, force: true })
      }
    } else {
      const fresh = await freshPgDatabase(inject('pgUrl'))
      db = createPgKysely(fresh.url)
      cleanup = async () => {
        await db.destroy()
        await fresh.drop()
      }
    }
  })
  afterAll(async () => cleanup?.())

  it('every migration runs, in order, and is recorded once', async () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length)
    expect(await migrate(db)).toEqual({ from: 0, to: SCHEMA_VERSION })
    const rows = await db.selectFrom('schema_migration').select(['version', 'name']).orderBy('version').execute()
    expect(rows.map((r) => [Number(r.version), r.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]))
    for (const t of [...M3_TABLES, ...REFERENCE_TABLES, 'audit_entry', 'audit_head', 'db_meta', 'users', 'sync_outbox'])
      expect(await count(db, t)).toBeGreaterThanOrEqual(0)
    if (engine === 'sqlite') expect((await sql`PRAGMA foreign_key_check`.execute(db)).rows).toEqual([])
  })

  it('reference data equals data/*.json: 7 + 20 event types, 9 business lines, currencies, 16 causes, 6 types, matrix v1', async () => {
    expect([
      await count(db, 'basel_event_type', ['level', 1]),
      await count(db, 'basel_event_type', ['level', 2]),
    ]).toEqual([7, 20])
    expect(basel.level1.length).toBe(7)
    const codes = await db.selectFrom('basel_event_type').select('id').orderBy('id').execute()
    expect(codes.map((c) => c.id)).toEqual(basel.level1.flatMap((l) => [l.code, ...l.level2.map((c) => c.code)]).sort())
    expect(await count(db, 'basel_business_line', ['level', 1])).toBe(9)
    expect(lines.lines.length).toBe(9)
    expect(await count(db, 'basel_business_line', ['level', 2])).toBe(
      lines.lines.reduce((s, l) => s + (l.level2?.length ?? 0), 0),
    )
    expect(await count(db, 'currency')).toBe(currencies.currencies.length)
    const eur = await db.selectFrom('currency').selectAll().where('code', '=', 'EUR').executeTakeFirstOrThrow()
    expect(Number(eur.minor_unit_digits)).toBe(2)
    expect(await count(db, 'loss_cause')).toBe(16)
    expect(causes.families.reduce((s, f) => s + f.causes.length, 0)).toBe(16)
    expect(await count(db, 'simplified_event_type')).toBe(6)
    expect(simplified.types.length).toBe(6)
    expect(await count(db, 'simplified_to_basel_map')).toBe(simplified.types.reduce((s, t) => s + t.mapsTo.length, 0))
    expect(await count(db, 'risk_category')).toBe(categories.categories.length)
    const m = await db.selectFrom('risk_matrix_version').selectAll().execute()
    expect(m.map((r) => [Number(r.version), r.name, r.status])).toEqual([[1, matrix.name, 'PUBLISHED']])
    expect(JSON.parse(m[0]!.likelihood_levels)).toEqual(matrix.likelihood)
    expect(JSON.parse(m[0]!.impact_levels)).toEqual(matrix.impact)
    expect(JSON.parse(m[0]!.bands)).toEqual(
      matrix.bands.map((b) => ({
        code: b.code,
        label: b.label,
        min_score: b.minScore,
        max_score: b.maxScore,
        colour: b.colour,
        text_colour: b.textColour,
      })),
    )
    const mapped = await db.selectFrom('risk_category_event_type').selectAll().execute()
    expect(mapped.map((r) => `${r.category_id}:${r.basel_event_type_id}`).sort()).toEqual(
      categories.categories.flatMap((c) => c.allowedEventTypes.map((t) => `${c.code}:${t}`)).sort(),
    )
  })

  it('the append-only protection exists after migrating', async () => {
    const names =
      engine === 'sqlite'
        ? (
            await sql<{
              n: string
            }>`select name as n from sqlite_master where type = 'trigger' and tbl_name = 'audit_entry'`.execute(db)
          ).rows
        : (
            await sql<{
              n: string
            }>`select tgname as n from pg_trigger where tgrelid = 'audit_entry'::regclass and not tgisinternal`.execute(
              db,
            )
          ).rows
    const expected =
      engine === 'sqlite'
        ? ['audit_entry_link', 'audit_entry_no_delete', 'audit_entry_no_update']
        : ['audit_entry_link', 'audit_entry_no_truncate', 'audit_entry_no_update_delete']
    expect(names.map((r) => r.n).sort()).toEqual(expected)
  })

  it('migrating again is a no-op that duplicates nothing', async () => {
    const before = await counts(db, [
      ...REFERENCE_TABLES,
      'schema_migration',
      'sla_config',
      'incident_allowed_transition',
    ])
    expect(await migrate(db)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION })
    expect(
      await counts(db, [...REFERENCE_TABLES, 'schema_migration', 'sla_config', 'incident_allowed_transition']),
    ).toEqual(before)
  })
})

describe('openStore on an existing SQLite file', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'riskdesk-reopen-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const ALL = [...REFERENCE_TABLES, ...M3_TABLES, 'schema_migration', 'db_meta', 'sync_state', 'audit_entry', 'users']

  it('opening the same file twice neither fails nor duplicates anything, and makes no backup', async () => {
    const file = join(dir, 'twice.sqlite')
    const first = await openStore(file)
    const meta = await first.db.selectFrom('db_meta').selectAll().execute()
    const before = await counts(first.db as Kysely<any>, ALL)
    await first.close()
    const second = await openStore(file)
    expect(await counts(second.db as Kysely<any>, ALL)).toEqual(before)
    expect(before).toMatchObject({ db_meta: 1, sync_state: 1, schema_migration: SCHEMA_VERSION })
    expect(await second.db.selectFrom('db_meta').selectAll().execute()).toEqual(meta)
    await second.close()
    expect(existsSync(join(dir, 'backups'))).toBe(false)
  })

  /**
   * Turns a current file back into a version-2 database: drops every table later migrations created and
   * undoes 0006's reshaping of two version-2 tables (the matrix and the category's Basel list).
   */
  function downgradeTo2(file: string) {
    const raw = new Database(file)
    const later = (
      raw.prepare('SELECT name FROM sqlite_master WHERE type = ? ORDER BY rowid DESC').all('table') as {
        name: string
      }[]
    )
      .map((r) => r.name)
      .filter((n) => !V2_TABLES.has(n) && !/_search_/.test(n))
    raw.pragma('foreign_keys = OFF')
    raw.exec('DELETE FROM schema_migration WHERE version > 2')
    for (const t of later) raw.exec(`DROP TABLE IF EXISTS ${t}`)
    raw.exec(`ALTER TABLE risk_category ADD COLUMN allowed_event_types TEXT NOT NULL DEFAULT '[]'`)
    raw.exec('DROP TABLE risk_matrix_version')
    raw.exec(
      'CREATE TABLE risk_matrix_version (version integer primary key, name text not null, definition text not null, created_at text not null)',
    )
    raw.close()
  }

  it('a version-2 database is copied to backups/pre-migrate-2-to-<latest>-*.sqlite before migration 3 runs', async () => {
    const file = join(dir, 'old.sqlite')
    const created = await openStore(file)
    const { database_id } = await created.db.selectFrom('db_meta').select('database_id').executeTakeFirstOrThrow()
    await created.close()
    downgradeTo2(file)

    const reopened = await openStore(file, { now: () => '2026-11-23T14:05:09.123Z' })
    expect(await count(reopened.db as Kysely<any>, 'incident')).toBe(0)
    expect(await count(reopened.db as Kysely<any>, 'basel_event_type')).toBe(27)
    expect(await count(reopened.db as Kysely<any>, 'sla_config')).toBe(3)
    await reopened.close()

    const backups = readdirSync(join(dir, 'backups'))
    expect(backups).toEqual([`pre-migrate-2-to-${SCHEMA_VERSION}-2026-11-23T14-05-09-123Z.sqlite`])
    // Opened read-write (nothing is written) so that closing leaves no -wal/-shm beside the copy.
    const copy = new Database(join(dir, 'backups', backups[0]!), { fileMustExist: true })
    try {
      expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(copy.prepare('SELECT max(version) AS v FROM schema_migration').get()).toEqual({ v: 2 })
      expect(copy.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'incident'").get()).toEqual({ n: 0 })
      expect(copy.prepare('SELECT database_id FROM db_meta').get()).toEqual({ database_id })
    } finally {
      copy.close()
    }
  })

  it('only the last 3 pre-migrate copies are kept', async () => {
    const file = join(dir, 'old.sqlite')
    for (const at of ['2026-11-24T00:00:00.000Z', '2026-11-25T00:00:00.000Z', '2026-11-26T00:00:00.000Z']) {
      downgradeTo2(file)
      await (await openStore(file, { now: () => at })).close()
    }
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual([
      `pre-migrate-2-to-${SCHEMA_VERSION}-2026-11-24T00-00-00-000Z.sqlite`,
      `pre-migrate-2-to-${SCHEMA_VERSION}-2026-11-25T00-00-00-000Z.sqlite`,
      `pre-migrate-2-to-${SCHEMA_VERSION}-2026-11-26T00-00-00-000Z.sqlite`,
    ])
  })
})

describe('reference data files', () => {
  const files = readdirSync(DATA)
    .filter((f) => f.endsWith('.json'))
    .sort()

  it('data/*.json equal ../shared/data/*.json byte for byte (or, without ../shared, every file parses)', () => {
    expect(files.length).toBeGreaterThanOrEqual(7)
    if (existsSync(SHARED_DATA)) {
      expect(files).toEqual(
        readdirSync(SHARED_DATA)
          .filter((f) => f.endsWith('.json'))
          .sort(),
      )
      for (const f of files)
        expect(readFileSync(join(DATA, f)).equals(readFileSync(join(SHARED_DATA, f))), f).toBe(true)
    } else {
      for (const f of files) expect(() => JSON.parse(readFileSync(join(DATA, f), 'utf8')), f).not.toThrow()
    }
  })
})
