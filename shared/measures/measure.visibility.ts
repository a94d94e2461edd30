import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { Actor } from '../catalogue/context'
import type { Role } from '../core/primitives'
import type { DB } from '../db/schema'

type Eb = ExpressionBuilder<DB, 'measure'>

const PERSONAL_SET_ROLES: readonly Role[] = [
  'employee',
  'manager',
  'risk_officer',
  'infosec',
  'fraud_investigator',
  'group_orm',
]

/**
 * measures.md §10 as one predicate over `measure`: the union of what each held role sees, always from the
 * users' current data (a new manager or unit changes visibility at once). An admin alone sees nothing.
 */
export function measureVisible(actor: Actor) {
  return (eb: Eb): Expression<SqlBool> => {
    const roles = new Set(actor.roles)
    if ((roles.has('risk_officer') || roles.has('auditor')) && actor.groupScope) return eb.lit(true)
    const any: Expression<SqlBool>[] = []
    const reports = () => eb.selectFrom('users').select('users.id').where('users.manager_id', '=', actor.id)
    if (PERSONAL_SET_ROLES.some((r) => roles.has(r))) {
      any.push(eb('measure.responsible_user_id', '=', actor.id))
      any.push(eb('measure.created_by_user_id', '=', actor.id))
      any.push(eb('measure.responsible_user_id', 'in', reports()))
      any.push(eb('measure.created_by_user_id', 'in', reports()))
    }
    if ((roles.has('risk_officer') || roles.has('auditor')) && actor.businessUnitId) {
      const unit = () =>
        eb.selectFrom('users').select('users.id').where('users.business_unit_id', '=', actor.businessUnitId)
      any.push(eb('measure.responsible_user_id', 'in', unit()))
      any.push(eb('measure.created_by_user_id', 'in', unit()))
    }
    return any.length === 0 ? eb.lit(false) : eb.or(any)
  }
}
