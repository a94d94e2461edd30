import type { Kysely } from 'kysely'
import type { DB } from '#shared/db/schema'

const TABLES = [
  'incident',
  'incident_cause',
  'incident_recovery',
  'notification',
  'user_notification',
  'audit_entry',
  'audit_head',
  'sync_outbox',
  'measure',
  'incident_measure',
] as const

/** Every row of the tables a command may write, for "a refused command leaves no trace" (INC-53, MEA-28). */
export async function snapshot(db: Kysely<DB>): Promise<string> {
  const out: Record<string, unknown[]> = {}
  for (const t of TABLES) {
    const rows = (await db.selectFrom(t).selectAll().execute()) as Record<string, unknown>[]
    out[t] = rows.map((r) => JSON.stringify(r)).sort()
  }
  return JSON.stringify(out)
}
