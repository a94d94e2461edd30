import { copyFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { catalogue } from '#shared/catalogue/index'
import { createDispatcher, type Dispatcher } from '#shared/catalogue/dispatcher'
import { newId, sha256Hex } from '#main/ids'
import { argon2Passwords } from '#main/passwords'
import { openStore, type OpenedStore } from '#main/store/open'
import { BENCH_NOW } from './dataset'

export type BenchContext = {
  store: OpenedStore
  dispatcher: Dispatcher
  users: Record<string, string>
  tenantId: string
  /** Calls the catalogue as `username` and throws on any error, so a broken path never times as fast. */
  call<T = unknown>(username: string, name: string, input: unknown): Promise<T>
  close(): Promise<void>
}

/** A working copy of the cached database (the import measure writes), opened the way the app opens it. */
export async function openBench(root: string, dataset: string): Promise<BenchContext> {
  const work = join(root, '.data', 'bench', 'work.sqlite')
  for (const f of [work, `${work}-wal`, `${work}-shm`]) rmSync(f, { force: true })
  copyFileSync(dataset, work)
  const store = await openStore(work, { now: () => BENCH_NOW })
  if (process.env['BENCH_ANALYZE']) store.raw.exec('ANALYZE')
  const dispatcher = createDispatcher({
    db: store.db,
    catalogue,
    clock: () => BENCH_NOW,
    newId,
    services: { passwords: argon2Passwords, sha256Hex },
    log: { error: (f) => console.error('bench: internal error', f) },
    rulesVersion: 1,
  })
  const rows = await store.db.selectFrom('users').select(['id', 'username']).execute()
  const users = Object.fromEntries(rows.map((r) => [r.username ?? r.id, r.id]))
  const meta = await store.db.selectFrom('db_meta').select('tenant_id').executeTakeFirstOrThrow()
  return {
    store,
    dispatcher,
    users,
    tenantId: meta.tenant_id,
    async call<T>(username: string, name: string, input: unknown): Promise<T> {
      const userId = users[username]
      if (!userId) throw new Error(`no bench user ${username}`)
      const r = await dispatcher.call({ name, input, session: { userId, locked: false } })
      if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`)
      return r.value as T
    },
    async close() {
      await store.close()
      for (const f of [work, `${work}-wal`, `${work}-shm`]) rmSync(f, { force: true })
    },
  }
}
