import Database from 'better-sqlite3'
import { CompiledQuery, Kysely, SqliteDialect, type DatabaseConnection } from 'kysely'
import { SqliteDriver } from 'kysely'
import type { DB } from '#shared/db/schema'

/** SQLite application_id of every RiskDesk database: "RSKD" (audit-security §1). */
export const APPLICATION_ID = 0x52534b44

/** Every connection: WAL, FULL sync, foreign keys, busy timeout, untrusted schema (audit-security §7.1). */
export function openSqlite(file: string, opts: { readonly?: boolean } = {}): Database.Database {
  const db = new Database(file, { readonly: opts.readonly ?? false })
  if (!opts.readonly) db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.pragma('trusted_schema = OFF')
  return db
}

/** Each command runs in BEGIN IMMEDIATE so two processes never both think they hold the write (§7.2). */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0]
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config)
    this.#config = config
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.#config)
  }
}

/**
 * Prepared statements kept by SQL text (least recently used out): Kysely prepares on every execution, and the
 * catalogue's queries repeat the same text with new parameters. Queries on a connection run one at a time.
 */
function withStatementCache(db: Database.Database, size = 500) {
  const cache = new Map<string, Database.Statement>()
  return {
    close: () => db.close(),
    prepare(sql: string): Database.Statement {
      const hit = cache.get(sql)
      if (hit) {
        cache.delete(sql)
        cache.set(sql, hit)
        return hit
      }
      const statement = db.prepare(sql)
      cache.set(sql, statement)
      if (cache.size > size) cache.delete(cache.keys().next().value!)
      return statement
    },
  }
}

export function sqliteKysely(db: Database.Database): Kysely<DB> {
  return new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(db) }) })
}
