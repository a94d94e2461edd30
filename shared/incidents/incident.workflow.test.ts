import { describe, expect, it } from 'vitest'
import { checkTransition, DEFINED_EDGES, missingFields } from './incident.workflow'

const verdict = (
  from: string,
  to: string,
  roles: string[] = ['employee'],
  allowed: string[] = ['employee'],
  missing: string[] = [],
) => {
  const v = checkTransition({
    action: 'incident.x',
    from,
    to,
    effectiveRoles: roles as never,
    allowedRoles: allowed,
    missing,
    definedEdges: DEFINED_EDGES,
  })
  return v.ok ? 'ok' : v.message
}

describe('incident transitions', () => {
  it('INC-16 undefined edges and CLOSED are refused with the spec wording', () => {
    expect(verdict('DRAFT', 'VALIDATED')).toBe("Transition from 'DRAFT' to 'VALIDATED' is not defined.")
    expect(verdict('CLOSED', 'DRAFT')).toBe("Status 'CLOSED' has no defined transitions.")
  })
  it('INC-17 the role table is the only source of the role check', () => {
    expect(verdict('DRAFT', 'PENDING_REVIEW', ['employee'], [])).toBe(
      "Role 'Employee' is not authorized to move from 'DRAFT' to 'PENDING_REVIEW'.",
    )
    expect(verdict('DRAFT', 'PENDING_REVIEW', ['employee'], ['employee'])).toBe('ok')
  })
  it('INC-03 missing required fields are listed in catalogue order', () => {
    expect(verdict('DRAFT', 'PENDING_REVIEW', ['employee'], ['employee'], ['simplified_event_type_id'])).toBe(
      'Fields simplified_event_type_id are required for PENDING_REVIEW.',
    )
    expect(
      missingFields({ product_id: null, business_process_id: ' ', cause_ids: [] }, [
        'product_id',
        'cause_ids',
        'business_process_id',
      ]),
    ).toEqual(['business_process_id', 'product_id', 'cause_ids'])
  })
})
