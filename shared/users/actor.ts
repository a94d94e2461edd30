import type { Db } from '../db/schema'
import type { Role } from '../core/primitives'
import type { Actor } from '../catalogue/context'

export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const u = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst()
  if (!u) return null
  return {
    id: u.id,
    email: u.email,
    fullName: u.full_name,
    roles: JSON.parse(u.roles) as Role[],
    groupScope: u.group_scope === 1,
    businessUnitId: u.business_unit_id,
    managerId: u.manager_id,
    isActive: u.is_active === 1,
  }
}

export const hasRole = (actor: Actor, ...roles: Role[]) => actor.roles.some((r) => roles.includes(r))

/** Only auditor and/or admin: never writes business records (audit-security §4.2). */
export const isReadOnlyCaller = (actor: Actor) => actor.roles.every((r) => r === 'auditor' || r === 'admin')

export type HomeScreen = 'report' | 'approvals' | 'validation' | 'audit' | 'admin' | 'inbox'

/** Each role lands on its own home screen (DESIGN §1); with several roles the most specialised wins. */
export function homeScreen(roles: readonly Role[]): HomeScreen {
  if (roles.includes('risk_officer')) return 'validation'
  if (roles.includes('manager')) return 'approvals'
  if (roles.includes('auditor')) return 'audit'
  if (roles.includes('admin')) return 'admin'
  if (roles.includes('employee')) return 'report'
  return 'inbox'
}
