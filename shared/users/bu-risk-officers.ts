import type { Db } from '../db/schema'

/**
 * "BU risk officers of X" (risks.md §1): the active risk officers whose own BU is X; if none, the active
 * risk officers with group scope; if none, every active risk officer. Sorted by id. Used by the risk,
 * control and KRI notifications.
 */
export async function buRiskOfficers(db: Db, businessUnitId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'roles', 'business_unit_id', 'group_scope'])
    .where('is_active', '=', 1)
    .where('roles', 'like', '%risk_officer%')
    .orderBy('id')
    .execute()
  const officers = rows.filter((o) => (JSON.parse(o.roles) as string[]).includes('risk_officer'))
  const own = officers.filter((o) => o.business_unit_id === businessUnitId)
  if (own.length > 0) return own.map((o) => o.id)
  const group = officers.filter((o) => o.group_scope === 1)
  if (group.length > 0) return group.map((o) => o.id)
  return officers.map((o) => o.id)
}
