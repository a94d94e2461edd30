import { PostgresAdapter, type Kysely } from 'kysely'

/** Migrations stay frozen, so they carry their own engine test instead of importing one from shared/. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/** Columns shared by every synced table (sync.md §3.1). */
export const TS = 'text' as const
