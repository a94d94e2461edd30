import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { Actor } from '../catalogue/context'
import type { DB } from '../db/schema'
import { riskVisible } from '../risks/risk.visibility'

type Eb = ExpressionBuilder<DB, 'control'>

/**
 * controls.md §4 as one predicate over `control`: a multi-role user sees the union.
 * - risk_officer, auditor: BU in scope (all with group scope), group-wide, linked to a visible risk, owned;
 * - manager, employee: active controls of their own BU, active group-wide ones, any control linked to a
 *   visible risk, owned;
 * - admin and the specialist roles: none by role (an owner always sees the control they own).
 */
export function controlVisible(actor: Actor) {
  return (eb: Eb): Expression<SqlBool> => {
    const roles = new Set(actor.roles)
    const officer = roles.has('risk_officer') || roles.has('auditor')
    const firstLine = roles.has('manager') || roles.has('employee')
    if (officer && actor.groupScope) return eb.lit(true)
    const any: Expression<SqlBool>[] = [eb('control.owner_id', '=', actor.id)]
    if (officer) {
      if (actor.businessUnitId) any.push(eb('control.business_unit_id', '=', actor.businessUnitId))
      any.push(eb('control.group_wide', '=', 1))
    }
    if (firstLine) {
      if (actor.businessUnitId)
        any.push(eb.and([eb('control.is_active', '=', 1), eb('control.business_unit_id', '=', actor.businessUnitId)]))
      any.push(eb.and([eb('control.is_active', '=', 1), eb('control.group_wide', '=', 1)]))
    }
    if (officer || firstLine)
      any.push(
        eb(
          'control.id',
          'in',
          eb
            .selectFrom('risk_control')
            .innerJoin('risk', 'risk.id', 'risk_control.risk_id')
            .select('risk_control.control_id')
            .where(riskVisible(actor)),
        ),
      )
    return eb.or(any)
  }
}
