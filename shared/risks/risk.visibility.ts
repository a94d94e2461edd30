import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { Actor } from '../catalogue/context'
import type { DB } from '../db/schema'

type Eb = ExpressionBuilder<DB, 'risk'>

/**
 * risks.md §4 as one predicate over `risk` (deleted risks excluded): employees and managers see their own
 * BU and the risks they own; risk officers and auditors see the BUs in their scope (every BU with group
 * scope); admin and the specialist roles see none. A multi-role user sees the union. Controls and KRIs
 * use the same predicate for "linked to a risk the user can see".
 */
export function riskVisible(actor: Actor) {
  return (eb: Eb): Expression<SqlBool> => {
    const roles = new Set(actor.roles)
    const any: Expression<SqlBool>[] = []
    const officer = roles.has('risk_officer') || roles.has('auditor')
    if (officer && actor.groupScope) any.push(eb.lit(true))
    else {
      if (roles.has('employee') || roles.has('manager')) {
        any.push(eb('risk.owner_id', '=', actor.id))
        if (actor.businessUnitId) any.push(eb('risk.business_unit_id', '=', actor.businessUnitId))
      }
      if (officer && actor.businessUnitId) any.push(eb('risk.business_unit_id', '=', actor.businessUnitId))
    }
    const seen = any.length === 0 ? eb.lit(false) : eb.or(any)
    return eb.and([eb('risk.deleted_at', 'is', null), seen])
  }
}

/** Whether a business unit lies in the actor's scope (risks.md §1 "Scope"). */
export function inScope(actor: Actor, businessUnitId: string): boolean {
  if (actor.groupScope && (actor.roles.includes('risk_officer') || actor.roles.includes('auditor'))) return true
  return actor.businessUnitId === businessUnitId
}
