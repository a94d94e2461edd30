import { PostgresAdapter, type Kysely } from 'kysely'

/** Migrations stay frozen, so they carry their own engine test instead of importing one from shared/. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}
