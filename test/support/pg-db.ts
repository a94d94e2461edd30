// Per-test-file PostgreSQL databases on a (throwaway) cluster, plus a Kysely instance configured the way the server
// reads money: int8 (`bigint` minor-unit columns, count(*)) and numeric come back as JS numbers, not strings.

import { randomBytes } from 'node:crypto'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { createDatabase } from './pg-cluster'

export interface PgDatabase {
  /** URL of the new, empty database. */
  url: string
  name: string
  /** Drops the database, terminating any connections still open to it. Idempotent. */
  drop(): Promise<void>
}

/**
 * Creates a uniquely named, empty database on the server behind `baseUrl` (any database on that server; the
 * connection is only used for CREATE DATABASE / DROP DATABASE).
 */
export async function freshPgDatabase(baseUrl: string): Promise<PgDatabase> {
  const name = `riskdesk_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  await withClient(baseUrl, (client) => createDatabase(client, name))
  const url = new URL(baseUrl)
  url.pathname = `/${name}`

  let dropping: Promise<void> | undefined
  const drop = (): Promise<void> =>
    (dropping ??= withClient(baseUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)
    }))
  return { url: url.toString(), name, drop }
}

const { INT8, NUMERIC } = pg.types.builtins

function parseInt8(value: string): number {
  const n = Number(value)
  // Money is stored in minor units; beyond 2^53 a JS number silently loses cents, so fail loudly instead.
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} is outside the safe JS integer range`)
  return n
}

/** Type parsers for one pool only; the process-wide pg.types defaults are left untouched. */
export const numericTypes: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) => {
    if (format !== 'binary') {
      if (oid === INT8) return parseInt8
      if (oid === NUMERIC) return parseFloat
    }
    return pg.types.getTypeParser(oid, format)
  },
}

// SQLSTATEs sent to idle pooled connections when the server stops or `drop()` forces a database away.
const TERMINATION_CODES = new Set(['57P01', '57P02', '57P03', '3D000'])

/** Kysely over a pg.Pool (max 4 connections). Call `db.destroy()` to end the pool. */
export function createPgKysely(url: string): Kysely<any> {
  const pool = new pg.Pool({ connectionString: url, max: 4, types: numericTypes })
  // An idle client that loses its backend is dropped from the pool, which then emits 'error'; without a listener
  // that is an uncaught exception. Queries in flight still reject as usual.
  pool.on('error', (error: Error & { code?: string }) => {
    if (!TERMINATION_CODES.has(error.code ?? '')) console.warn('pg pool idle client error:', error)
  })
  return new Kysely<any>({ dialect: new PostgresDialect({ pool }) })
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}
