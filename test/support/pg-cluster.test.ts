import { existsSync } from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startPgCluster, type PgCluster } from './pg-cluster'
import { createPgKysely, freshPgDatabase } from './pg-db'

const CLUSTER_TIMEOUT = 120_000

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 })
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

describe('startPgCluster (throwaway cluster)', () => {
  let cluster: PgCluster | undefined

  beforeAll(async () => {
    vi.stubEnv('DATABASE_URL', undefined) // always exercise the real initdb/pg_ctl path here
    const started = performance.now()
    try {
      cluster = await startPgCluster()
    } finally {
      vi.unstubAllEnvs()
    }
    console.info(`pg cluster start: ${Math.round(performance.now() - started)} ms (${cluster.url})`)
  }, CLUSTER_TIMEOUT)

  afterAll(async () => {
    await cluster?.stop()
  }, CLUSTER_TIMEOUT)

  function running(): PgCluster {
    if (cluster === undefined) throw new Error('cluster did not start')
    return cluster
  }

  it('serves riskdesk_test on 127.0.0.1 with its data directory under the temp dir', async () => {
    const { url, port, dir } = running()
    expect(url).toBe(`postgres://postgres@127.0.0.1:${port}/riskdesk_test`)
    expect(dir).not.toBeNull()
    expect(existsSync(path.join(dir ?? '', 'data', 'PG_VERSION'))).toBe(true)

    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const { rows } = await client.query<{ version: string; db: string }>('select version(), current_database() as db')
      expect(rows[0]?.version).toMatch(/^PostgreSQL \d+/)
      expect(rows[0]?.db).toBe('riskdesk_test')
      const settings = await client.query<{ name: string; setting: string }>(
        "select name, setting from pg_settings where name in ('fsync', 'listen_addresses') order by name",
      )
      expect(settings.rows).toEqual([
        { name: 'fsync', setting: 'off' },
        { name: 'listen_addresses', setting: '127.0.0.1' },
      ])
    } finally {
      await client.end()
    }
  })

  it('returns int8 and numeric columns as JS numbers through createPgKysely', async () => {
    const db = createPgKysely(running().url)
    try {
      await db.schema
        .createTable('money_probe')
        .addColumn('id', 'serial', (col) => col.primaryKey())
        .addColumn('amount_minor', 'bigint', (col) => col.notNull())
        .addColumn('rate', 'numeric(12, 4)', (col) => col.notNull())
        .execute()
      await db
        .insertInto('money_probe')
        .values([
          { amount_minor: 123_456_789_012, rate: 1.2345 },
          { amount_minor: -50, rate: 0 },
          { amount_minor: Number.MAX_SAFE_INTEGER, rate: 99_999_999.9999 },
        ])
        .execute()

      const rows = await db.selectFrom('money_probe').select(['amount_minor', 'rate']).orderBy('id').execute()
      expect(rows).toEqual([
        { amount_minor: 123_456_789_012, rate: 1.2345 },
        { amount_minor: -50, rate: 0 },
        { amount_minor: Number.MAX_SAFE_INTEGER, rate: 99_999_999.9999 },
      ])
      expect(typeof rows[0]?.amount_minor).toBe('number')

      const total = await db
        .selectFrom('money_probe')
        .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('amount_minor').as('sum')])
        .where('amount_minor', '<', 1_000_000_000_000)
        .executeTakeFirstOrThrow()
      expect(total).toEqual({ n: 2, sum: 123_456_788_962 }) // count(*) is int8, sum(int8) is numeric

      await expect(sql`select ${'9007199254740993'}::int8 as too_big`.execute(db)).rejects.toThrow(/safe JS integer/)
    } finally {
      await db.destroy()
    }
  })

  it('creates an empty, separate database per freshPgDatabase call and drops it', async () => {
    const base = running().url
    const first = await freshPgDatabase(base)
    const second = await freshPgDatabase(base)
    try {
      expect(first.name).not.toBe(second.name)
      expect(first.url).toBe(base.replace(/riskdesk_test$/, first.name))

      const db = createPgKysely(first.url)
      try {
        const tables = await sql<{ n: number }>`
          select count(*) as n from information_schema.tables where table_schema = 'public'
        `.execute(db)
        expect(tables.rows).toEqual([{ n: 0 }])
        await sql`create table only_in_first (id int)`.execute(db)
        // drop() must succeed even with this pool's connections still open.
        await first.drop()
        await first.drop()
      } finally {
        await db.destroy()
      }
      expect(await canConnect(first.url)).toBe(false)

      const other = createPgKysely(second.url)
      try {
        const found = await sql<{ n: number }>`
          select count(*) as n from information_schema.tables where table_name = 'only_in_first'
        `.execute(other)
        expect(found.rows).toEqual([{ n: 0 }])
      } finally {
        await other.destroy()
      }
    } finally {
      await second.drop()
    }
  })

  it(
    'stop() shuts the server down and removes the directory',
    async () => {
      const { url, dir } = running()
      const started = performance.now()
      await running().stop()
      console.info(`pg cluster stop: ${Math.round(performance.now() - started)} ms`)
      expect(dir !== null && existsSync(dir)).toBe(false)
      expect(await canConnect(url)).toBe(false)
      await running().stop() // idempotent
    },
    CLUSTER_TIMEOUT,
  )
})

describe('startPgCluster with DATABASE_URL', () => {
  it('returns DATABASE_URL unchanged and does not start or stop anything', async () => {
    vi.stubEnv('DATABASE_URL', 'postgres://someone@db.example.test:6543/riskdesk')
    try {
      const cluster = await startPgCluster()
      expect(cluster).toMatchObject({ url: 'postgres://someone@db.example.test:6543/riskdesk', port: 6543, dir: null })
      await cluster.stop()
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
