import type { Role } from '../core/primitives'
import type { UsersTable } from '../db/schema'
import type { Selectable } from 'kysely'

export type Profile = {
  id: string
  email: string
  full_name: string
  roles: Role[]
  group_scope: boolean
  business_unit_id: string | null
  business_unit_name: string | null
  manager_id: string | null
  must_change_password: boolean
}

/** What the renderer may know about the signed-in user: never the hash or the throttle state. */
export function profileOf(u: Selectable<UsersTable>, businessUnitName: string | null): Profile {
  return {
    id: u.id,
    email: u.email,
    full_name: u.full_name,
    roles: JSON.parse(u.roles) as Role[],
    group_scope: u.group_scope === 1,
    business_unit_id: u.business_unit_id,
    business_unit_name: businessUnitName,
    manager_id: u.manager_id,
    must_change_password: u.must_change_password === 1,
  }
}
