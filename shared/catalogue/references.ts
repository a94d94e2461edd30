import { sql } from 'kysely'
import type { Trx } from '../db/schema'
import type { RefPrefix } from './define'

/** The only minter of human references (sync.md §11): PREFIX-YYYY-CODE-NNNNN, never reused. */
export async function mintReference(trx: Trx, prefix: RefPrefix, now: string, deviceCode: string): Promise<string> {
  const year = Number(now.slice(0, 4))
  const row = await trx
    .insertInto('reference_counter')
    .values({ prefix, year, device_code: deviceCode, last_value: 1 })
    .onConflict((oc) =>
      oc.columns(['prefix', 'year', 'device_code']).doUpdateSet({ last_value: sql`reference_counter.last_value + 1` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow()
  return `${prefix}-${year}-${deviceCode}-${String(row.last_value).padStart(5, '0')}`
}
