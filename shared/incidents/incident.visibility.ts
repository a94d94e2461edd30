import type { ExpressionBuilder, SqlBool, Expression } from 'kysely'
import type { Actor } from '../catalogue/context'
import type { DB } from '../db/schema'

type Eb = ExpressionBuilder<DB, 'incident'>

/**
 * Visibility of incidents.md §8 as one predicate: the union of what each held role sees, plus any incident
 * the user holds a notification for. Always uses the actor as loaded for this call.
 */
export function incidentVisible(actor: Actor) {
  return (eb: Eb): Expression<SqlBool> => {
    const any: Expression<SqlBool>[] = []
    const roles = new Set(actor.roles)
    const seesAll = (roles.has('risk_officer') && actor.groupScope) || (roles.has('auditor') && actor.groupScope)
    if (seesAll) return eb.lit(true)
    if (
      ['employee', 'manager', 'risk_officer', 'infosec', 'fraud_investigator', 'group_orm'].some((r) =>
        roles.has(r as never),
      )
    )
      any.push(eb('incident.created_by_user_id', '=', actor.id))
    if (roles.has('manager'))
      any.push(
        eb(
          'incident.created_by_user_id',
          'in',
          eb.selectFrom('users').select('users.id').where('users.manager_id', '=', actor.id),
        ),
      )
    if ((roles.has('risk_officer') || roles.has('auditor')) && actor.businessUnitId)
      any.push(eb('incident.business_unit_id', '=', actor.businessUnitId))
    any.push(
      eb.exists(
        eb
          .selectFrom('user_notification as un')
          .innerJoin('notification as n', 'n.id', 'un.notification_id')
          .select('un.id')
          .where('un.user_id', '=', actor.id)
          .where('n.entity_type', '=', 'INCIDENT')
          .whereRef('n.entity_id', '=', 'incident.id'),
      ),
    )
    return eb.or(any)
  }
}

/** Read-only access: auditor/admin only, or visibility that comes only from a routed notification. */
export function isIncidentReadOnly(
  actor: Actor,
  incident: { created_by_user_id: string; business_unit_id: string },
  creatorManagerId: string | null,
): boolean {
  const roles = new Set(actor.roles)
  if (incident.created_by_user_id === actor.id && !actor.roles.every((r) => r === 'auditor' || r === 'admin'))
    return false
  if (roles.has('manager') && creatorManagerId === actor.id) return false
  if (roles.has('risk_officer') && (actor.groupScope || incident.business_unit_id === actor.businessUnitId))
    return false
  return true
}
