import type { Db } from '../db/schema'

/** The admin-editable settings of the RCSA modules (migration 0006 ships the values), with their JSON types. */
export type AppSettings = {
  risk_review_interval_days: number
  risk_acceptance_max_days: number
  risk_acceptance_warning_days: number
  control_fields_locked_when_linked_active: string[]
  evidence_max_file_mb: number
  kri_default_grace_days: Record<'DAILY' | 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'ANNUALLY', number>
}

export async function getSetting<K extends keyof AppSettings>(db: Db, key: K): Promise<AppSettings[K]> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', key).executeTakeFirstOrThrow()
  return JSON.parse(row.value) as AppSettings[K]
}
