import { sql, type Kysely, type Transaction } from 'kysely'
import { MIGRATIONS, SCHEMA_VERSION } from './index'

export class NewerSchemaError extends Error {
  constructor(readonly found: number) {
    super('This database was created by a newer version of RiskDesk.')
  }
}

export type MigrateHooks = {
  /** Called once before anything runs when a database that already holds a schema is about to change. */
  beforeMigrate?(from: number, to: number): Promise<void> | void
  /** Runs inside the migration transaction after the last migration, before COMMIT. */
  beforeCommit?(trx: Transaction<any>): Promise<void>
}

export async function schemaVersion(db: Kysely<any>): Promise<number> {
  await db.schema
    .createTable('schema_migration')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute()
  const row = await db
    .selectFrom('schema_migration')
    .select(sql<number | null>`max(version)`.as('v'))
    .executeTakeFirst()
  return Number(row?.v ?? 0)
}

/** All pending migrations in one transaction: any error rolls every one of them back (audit-security §7.5). */
export async function migrate(db: Kysely<any>, hooks: MigrateHooks = {}): Promise<{ from: number; to: number }> {
  const from = await schemaVersion(db)
  if (from > SCHEMA_VERSION) throw new NewerSchemaError(from)
  const pending = MIGRATIONS.filter((m) => m.version > from)
  if (pending.length === 0) return { from, to: from }
  if (from > 0) await hooks.beforeMigrate?.(from, SCHEMA_VERSION)
  await db.transaction().execute(async (trx) => {
    for (const m of pending) {
      await m.up(trx)
      await trx
        .insertInto('schema_migration')
        .values({ version: m.version, name: m.name, applied_at: new Date().toISOString() })
        .execute()
    }
    await hooks.beforeCommit?.(trx)
  })
  return { from, to: SCHEMA_VERSION }
}
