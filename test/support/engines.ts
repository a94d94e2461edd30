import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { inject } from 'vitest'
import { migrate } from '#migrations/runner'
import { catalogue } from '#shared/catalogue/index'
import { createDispatcher, type Dispatcher } from '#shared/catalogue/dispatcher'
import type { Session } from '#shared/catalogue/context'
import type { DB } from '#shared/db/schema'
import { seedOrganisation } from '#main/demo/seed'
import { newId, sha256Hex } from '#main/ids'
import { evidenceFilesService } from '#main/evidence/evidence-store'
import { argon2Passwords } from '#main/passwords'
import { ensureIdentity, openStore } from '#main/store/open'
import { createPgKysely, freshPgDatabase } from './pg-db'

export const TEST_PASSWORD = 'riskdesk-test-2026'
export type Engine = 'sqlite' | 'postgres'
export const ENGINES: Engine[] = ['sqlite', 'postgres']

let cachedHash: Promise<string> | null = null
const passwordHash = () => (cachedHash ??= argon2Passwords.hash(TEST_PASSWORD))

export type TestEnv = {
  engine: Engine
  db: Kysely<DB>
  dispatcher: Dispatcher
  clock: { now: () => string; set: (iso: string) => void; advance: (ms: number) => void }
  sqliteFile: string | null
  /** The application data folder of this env: the evidence store lives in `<dataDir>/evidence`. */
  dataDir: string
  users: Record<string, string>
  as(username: string): Session
  call(username: string | null, name: string, input: unknown): ReturnType<Dispatcher['call']>
  ok<T = any>(username: string, name: string, input: unknown): Promise<T>
  close(): Promise<void>
}

/** A fresh database on the engine with the acceptance-test organisation (spec README §3) and a fixed clock. */
export async function testEnv(engine: Engine, opts: { seed?: 'test' | 'none' } = {}): Promise<TestEnv> {
  let now = '2026-11-23T14:05:09.123Z'
  const clock = {
    now: () => now,
    set: (iso: string) => void (now = iso),
    advance: (ms: number) => void (now = new Date(Date.parse(now) + ms).toISOString()),
  }
  let db: Kysely<DB>
  let cleanup: () => Promise<void>
  let sqliteFile: string | null = null
  const dataDir = mkdtempSync(join(tmpdir(), 'riskdesk-data-'))
  if (engine === 'sqlite') {
    const dir = dataDir
    sqliteFile = join(dir, 'riskdesk.sqlite')
    const store = await openStore(sqliteFile, { now: clock.now })
    db = store.db
    cleanup = async () => {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  } else {
    const fresh = await freshPgDatabase(inject('pgUrl'))
    db = createPgKysely(fresh.url) as Kysely<DB>
    await migrate(db as Kysely<any>)
    await ensureIdentity(db, now)
    cleanup = async () => {
      await db.destroy()
      await fresh.drop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  if (opts.seed !== 'none') await seedOrganisation(db, { mode: 'test', now, passwordHash: await passwordHash() })
  const rows = await db.selectFrom('users').select(['id', 'username']).execute()
  const users = Object.fromEntries(rows.map((r) => [r.username ?? r.id, r.id]))
  const dispatcher = createDispatcher({
    db,
    catalogue,
    clock: clock.now,
    newId,
    services: { passwords: argon2Passwords, sha256Hex, evidenceFiles: evidenceFilesService(dataDir) },
    log: { error: () => {} },
    rulesVersion: 1,
  })
  const as = (u: string): Session => {
    const id = users[u]
    if (!id) throw new Error(`no test user ${u}`)
    return { userId: id, locked: false }
  }
  const call = (u: string | null, name: string, input: unknown) =>
    dispatcher.call({ name, input, session: u ? as(u) : null })
  return {
    engine,
    db,
    dispatcher,
    clock,
    sqliteFile,
    dataDir,
    users,
    as,
    call,
    async ok(u, name, input) {
      const r = await call(u, name, input)
      if (!r.ok) throw new Error(`${name} as ${u} failed: ${JSON.stringify(r.error)}`)
      return r.value as any
    },
    close: cleanup,
  }
}

/** Row counts of every table a failed command must leave untouched. */
export async function footprint(db: Kysely<DB>) {
  const tables = [
    'incident',
    'incident_cause',
    'audit_entry',
    'sync_outbox',
    'notification',
    'user_notification',
    'users',
    'measure',
    'incident_measure',
    'control',
    'control_framework_ref',
    'evidence',
    'evidence_revision',
    'control_test',
    'risk',
    'risk_control',
    'incident_risk',
    'risk_measure',
    'risk_note',
    'risk_snapshot',
    'risk_acceptance',
    'risk_matrix_version',
    'kri',
    'kri_threshold_set',
    'kri_value',
    'kri_risk',
  ] as const
  const out: Record<string, number> = {}
  for (const t of tables) {
    const r = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    out[t] = Number(r.n)
  }
  const head = await db.selectFrom('audit_head').selectAll().execute()
  out['audit_head'] = head.reduce((s, h) => s + Number(h.seq), 0)
  return out
}
