import { describe, expect, it } from 'vitest'
import { buildRuleInput, emptyRule, toFieldErrors, toMajor } from './rule-form'

const EUR = { code: 'EUR', digits: 2 }
const id = () => '01936f5e-1111-7111-8111-111111111111'

describe('routing rule form', () => {
  it('takes min_amount in major units and sends minor units (incidents §9.1)', () => {
    const v = { ...emptyRule(), min_amount: '1,000,000', route_to_bu_id: 'bu', description: 'Material losses' }
    const { input, errors } = buildRuleInput(v, EUR, id)
    expect(errors).toEqual({})
    expect(input).toMatchObject({ predicate: { min_amount: 100_000_000 }, route_to_role: null, priority: 100 })
    expect(toMajor(100_000_000, 2)).toBe('1000000.00')
    expect(toMajor(5, 2)).toBe('0.05')
    expect(toMajor(1500, 0)).toBe('1500')
  })

  it('names the §9.1 problems next to their fields before calling', () => {
    const { input, errors } = buildRuleInput({ ...emptyRule(), priority: '-1', min_amount: '1.234' }, EUR, id)
    expect(input).toBeNull()
    expect(errors).toEqual({
      priority: 'Priority must be a whole number from 0 to 100,000.',
      min_amount: 'EUR amounts have at most 2 decimals.',
      predicate: 'A rule needs at least one condition.',
      route_to_role: 'Choose a role, a business unit, or both.',
      description: 'Description is required.',
    })
  })

  it('maps server issue paths onto the editor', () => {
    expect(
      toFieldErrors([
        { path: ['predicate', 'business_unit_id'], message: 'Unknown business unit.' },
        { path: ['predicate', 'foo'], message: "Unknown predicate key 'foo'." },
        { path: ['route_to_bu_id'], message: 'Unknown business unit.' },
      ]),
    ).toEqual({
      business_unit_id: 'Unknown business unit.',
      predicate: "Unknown predicate key 'foo'.",
      route_to_bu_id: 'Unknown business unit.',
    })
  })
})
