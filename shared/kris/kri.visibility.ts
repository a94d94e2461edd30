import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { Actor } from '../catalogue/context'
import type { DB } from '../db/schema'
import { riskVisible } from '../risks/risk.visibility'

type Eb = ExpressionBuilder<DB, 'kri'>

/**
 * kris.md §8 as one predicate over `kri` (deleted KRIs excluded), the union of what each held role sees:
 * risk officers and auditors see the BUs in their scope (every BU with group scope); managers their own BU and
 * the KRIs owned by them or their direct reports; every role with a view of risks also sees the KRIs linked to a
 * risk it can see. The owner always sees their own KRI (they record its values), whatever their roles.
 * Admin and the specialist roles otherwise see none.
 */
export function kriVisible(actor: Actor) {
  return (eb: Eb): Expression<SqlBool> => {
    const roles = new Set(actor.roles)
    const officer = roles.has('risk_officer') || roles.has('auditor')
    const alive = eb('kri.deleted_at', 'is', null)
    if (officer && actor.groupScope) return alive
    const any: Expression<SqlBool>[] = [eb('kri.owner_id', '=', actor.id)]
    if (officer && actor.businessUnitId) any.push(eb('kri.business_unit_id', '=', actor.businessUnitId))
    if (roles.has('manager')) {
      if (actor.businessUnitId) any.push(eb('kri.business_unit_id', '=', actor.businessUnitId))
      any.push(
        eb('kri.owner_id', 'in', eb.selectFrom('users').select('users.id').where('users.manager_id', '=', actor.id)),
      )
    }
    if (officer || roles.has('manager') || roles.has('employee'))
      any.push(
        eb.exists(
          eb
            .selectFrom('kri_risk')
            .innerJoin('risk', 'risk.id', 'kri_risk.risk_id')
            .select('kri_risk.risk_id')
            .whereRef('kri_risk.kri_id', '=', 'kri.id')
            .where(riskVisible(actor)),
        ),
      )
    return eb.and([alive, eb.or(any)])
  }
}
