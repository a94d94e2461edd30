import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { SCHEMA_VERSION } from '#migrations/index'
import { seedOrganisation } from '#main/demo/seed'
import { newId } from '#main/ids'
import { openStore } from '#main/store/open'
import { loadDemoFacts } from '#shared/demo/demo.facts'
import { buildDemoIncident } from '#shared/demo/demo.rows'
import { mulberry32 } from '#shared/demo/mulberry32'

export const BENCH_NOW = '2026-11-23T14:05:09.123Z'
export const ROWS = 1_000_000
/** Bumped when the generated rows change shape; the schema version is part of the file name as well. */
const GENERATOR_VERSION = 1
const TX_ROWS = 50_000

export const datasetFile = (root: string) =>
  join(root, '.data', 'bench', `incidents-${ROWS}-schema${SCHEMA_VERSION}-gen${GENERATOR_VERSION}.sqlite`)

/** The cached 1M-incident database, built on first use (or after a schema change) and reused afterwards. */
export async function ensureDataset(root: string, log: (s: string) => void): Promise<string> {
  const file = datasetFile(root)
  if (existsSync(file)) return file
  const partial = `${file}.partial`
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true })
  log(`building ${ROWS.toLocaleString('en-US')} incidents into ${file} (cached for later runs)…`)
  const started = Date.now()
  const store = await openStore(partial, { now: () => BENCH_NOW })
  await seedOrganisation(store.db, { mode: 'test', now: BENCH_NOW, passwordHash: 'bench-never-signs-in' })
  const facts = await loadDemoFacts(store.db, 'EUR')
  if (!facts) throw new Error('the test organisation lacks the demo units, processes or products')
  const meta = await store.db.selectFrom('db_meta').selectAll().executeTakeFirstOrThrow()
  await store.close()

  const { openSqlite } = await import('#main/store/sqlite')
  const raw = openSqlite(partial)
  raw.pragma('synchronous = OFF')
  const rebuild = dropIncidentIndexes(raw)
  const rng = mulberry32(20261123)
  const counters = new Map<string, number>()
  let insert: Database.Statement | null = null
  const batchId = newId()
  const writeBatch = raw.transaction((n: number) => {
    for (let i = 0; i < n; i++) {
      const { incident } = buildDemoIncident(rng, facts, BENCH_NOW)
      const year = incident.created_at.slice(0, 4)
      const seq = (counters.get(year) ?? 0) + 1
      counters.set(year, seq)
      const row = {
        ...incident,
        id: newId(),
        ref: `INC-${year}-${meta.device_code}-${String(seq).padStart(7, '0')}`,
        tenant_id: meta.tenant_id,
        version: 1,
        scope_keys: JSON.stringify([`bu:${incident.business_unit_id}`, `user:${incident.created_by_user_id}`]),
        demo_batch_id: batchId,
      }
      insert ??= raw.prepare(
        `INSERT INTO incident (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
          .map((k) => `@${k}`)
          .join(', ')})`,
      )
      insert.run(row)
    }
  })
  for (let done = 0; done < ROWS; done += TX_ROWS) {
    writeBatch(Math.min(TX_ROWS, ROWS - done))
    if ((done + TX_ROWS) % 200_000 === 0) log(`  ${(done + TX_ROWS).toLocaleString('en-US')} rows`)
  }
  log('  recreating the indexes and the search index…')
  rebuild()
  const setCounter = raw.prepare(
    `INSERT INTO reference_counter (prefix, year, device_code, last_value) VALUES ('INC', ?, ?, ?)
     ON CONFLICT (prefix, year, device_code) DO UPDATE SET last_value = max(last_value, excluded.last_value)`,
  )
  for (const [year, seq] of counters) setCounter.run(Number(year), meta.device_code, seq)
  raw.pragma('wal_checkpoint(TRUNCATE)')
  raw.close()
  renameSync(partial, file)
  rmSync(`${partial}-wal`, { force: true })
  rmSync(`${partial}-shm`, { force: true })
  const mb = statSync(file).size / 1024 / 1024
  log(`  built in ${((Date.now() - started) / 1000).toFixed(0)} s (${mb.toFixed(0)} MiB)`)
  return file
}

/**
 * Bulk loading is far faster without the 14 secondary indexes and the FTS trigger: drop them (keeping their
 * exact SQL from sqlite_master), and return the step that recreates them and rebuilds the trigram index.
 */
function dropIncidentIndexes(raw: Database.Database): () => void {
  const objects = raw
    .prepare(
      `select type, name, sql from sqlite_master
       where tbl_name = 'incident' and sql is not null and type in ('index', 'trigger')`,
    )
    .all() as { type: 'index' | 'trigger'; name: string; sql: string }[]
  for (const o of objects) raw.exec(`DROP ${o.type.toUpperCase()} "${o.name}"`)
  return () => {
    for (const o of objects.filter((x) => x.type === 'index')) raw.exec(o.sql)
    raw.exec(`INSERT INTO incident_search(incident_search) VALUES ('rebuild')`)
    for (const o of objects.filter((x) => x.type === 'trigger')) raw.exec(o.sql)
  }
}
