import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { basename, dirname, join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import { migrate } from '#migrations/runner'
import { createAuditProtection } from '#migrations/index'
import type { DB } from '#shared/db/schema'
import { appendAudit } from '#shared/audit/append'
import { newId, sha256Hex, standaloneDeviceCode } from '../ids'
import { APPLICATION_ID, openSqlite, sqliteKysely } from './sqlite'

export const APP_VERSION = '0.1.0'

export class NotRiskDeskError extends Error {
  constructor() {
    super('This file is not a RiskDesk database.')
  }
}

export type OpenedStore = {
  db: Kysely<DB>
  raw: ReturnType<typeof openSqlite>
  file: string
  /** The append-only triggers were missing at start and have been recreated (audit-security §7.4 step 2). */
  protectionRestored: boolean
  close(): Promise<void>
}

/**
 * Opens (creating if needed) a RiskDesk SQLite file, migrates it in one transaction after an online backup
 * when it already holds data, and makes sure its identity rows exist (audit-security §7).
 */
export async function openStore(file: string, opts: { now?: () => string } = {}): Promise<OpenedStore> {
  const now = opts.now ?? (() => new Date().toISOString())
  mkdirSync(dirname(file), { recursive: true })
  // Look before touching: openSqlite switches the file to WAL, which must never happen to a foreign file.
  if (existsSync(file) && statSync(file).size > 0) assertRiskDeskFile(file)
  const raw = openSqlite(file)
  const appId = raw.pragma('application_id', { simple: true }) as number
  const tables = raw.prepare("select count(*) n from sqlite_master where type = 'table'").get() as { n: number }
  if (appId !== APPLICATION_ID) {
    if (appId !== 0 || tables.n > 0) {
      raw.close()
      throw new NotRiskDeskError()
    }
    raw.pragma(`application_id = ${APPLICATION_ID}`)
  }
  const db = sqliteKysely(raw)
  raw.pragma('foreign_keys = OFF')
  try {
    await migrate(db, {
      beforeMigrate: async (from, to) => {
        await backupBefore(raw, file, `pre-migrate-${from}-to-${to}-${now().replace(/[:.]/g, '-')}`)
      },
      beforeCommit: async (trx) => {
        const bad = await sql`PRAGMA foreign_key_check`.execute(trx)
        if (bad.rows.length > 0) throw new Error(`foreign key check failed: ${JSON.stringify(bad.rows[0])}`)
      },
    })
  } finally {
    raw.pragma('foreign_keys = ON')
  }
  await ensureIdentity(db, now())
  const protectionRestored = !(await ensureAuditProtection(db))
  if (protectionRestored) await recordProtectionRestored(db, now())
  // Planner statistics for tables that grew since the last open (SQLite's recommended start-up call).
  raw.pragma('optimize = 0x10002')
  return { db, raw, file, protectionRestored, close: () => db.destroy() }
}

function assertRiskDeskFile(file: string) {
  let probe: Database.Database | null = null
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true })
    const appId = probe.pragma('application_id', { simple: true }) as number
    const tables = probe.prepare("select count(*) n from sqlite_master where type = 'table'").get() as { n: number }
    if (appId !== APPLICATION_ID && (appId !== 0 || tables.n > 0)) throw new NotRiskDeskError()
  } catch (e) {
    throw e instanceof NotRiskDeskError ? e : new NotRiskDeskError()
  } finally {
    probe?.close()
  }
}

async function recordProtectionRestored(db: Kysely<DB>, at: string) {
  const meta = await db.selectFrom('db_meta').selectAll().executeTakeFirstOrThrow()
  await db.transaction().execute(async (trx) => {
    await appendAudit(trx, { chainId: meta.database_id, tenantId: meta.tenant_id, sha256Hex }, [
      {
        id: newId(),
        at,
        recorded_at: at,
        actor_id: null,
        actor_label: 'system:audit.protectionRestored',
        action: 'audit.protectionRestored',
        entity_type: 'database',
        entity_id: meta.database_id,
        entity_ref: null,
        changes: [],
        reason: null,
        correlation_id: newId(),
        command_id: null,
        origin_device: meta.device_code,
      },
    ])
  })
}

async function backupBefore(raw: ReturnType<typeof openSqlite>, file: string, name: string) {
  const dir = join(dirname(file), 'backups')
  mkdirSync(dir, { recursive: true })
  const target = join(dir, `${name}.sqlite`)
  await raw.backup(`${target}.partial`)
  copyFileSync(`${target}.partial`, target)
  rmSync(`${target}.partial`)
  // Keep the last 3 pre-migrate copies.
  const olds = readdirSync(dir)
    .filter((f) => f.startsWith('pre-migrate-') && f.endsWith('.sqlite'))
    .sort()
  for (const f of olds.slice(0, Math.max(0, olds.length - 3))) rmSync(join(dir, f))
  return basename(target)
}

/** The identity rows every RiskDesk database holds: db_meta (with its device code) and sync_state. */
export async function ensureIdentity(db: Kysely<DB>, at: string) {
  const meta = await db.selectFrom('db_meta').select('id').executeTakeFirst()
  if (!meta) {
    const id = newId()
    await db
      .insertInto('db_meta')
      .values({
        id: 1,
        database_id: id,
        tenant_id: id,
        tenant_name: null,
        device_code: standaloneDeviceCode(),
        created_at: at,
        created_by_app_version: APP_VERSION,
      })
      .execute()
  }
  const state = await db.selectFrom('sync_state').select('id').executeTakeFirst()
  if (!state) await db.insertInto('sync_state').values({ id: 1 }).execute()
}

/** Startup check 2 (audit-security §7.4): the append-only triggers exist, else they are recreated. */
async function ensureAuditProtection(db: Kysely<DB>): Promise<boolean> {
  const rows = await sql<{
    name: string
  }>`select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_entry'`.execute(db)
  const names = new Set(rows.rows.map((r) => r.name))
  if (names.has('audit_entry_no_update') && names.has('audit_entry_no_delete') && names.has('audit_entry_link'))
    return true
  // Migrations are typed Kysely<any> on purpose (they stay frozen while the schema types move on).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  await createAuditProtection(db as Kysely<any>)
  return false
}
