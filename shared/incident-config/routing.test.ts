import { describe, expect, it } from 'vitest'
import baselTypes from '../../data/basel-event-types.json' with { type: 'json' }
import simplifiedTypes from '../../data/simplified-event-types.json' with { type: 'json' }
import {
  evaluateRouting,
  validateRoutingRule,
  type RoutableIncident,
  type RoutingContext,
  type RoutingRule,
} from './routing'

// The maps come from the reference data, as the database loads them (never retyped).
const ctx: RoutingContext = {
  reportingCurrency: 'EUR',
  defaultBasel: Object.fromEntries(
    simplifiedTypes.types.flatMap((t) => t.mapsTo.filter((m) => m.isDefault).map((m) => [t.code, m.basel])),
  ),
  baselParent: Object.fromEntries(baselTypes.level1.flatMap((l1) => l1.level2.map((l2) => [l2.code, l1.code]))),
}

const RETAIL = 'bu-retail'
const WHOLESALE = 'bu-wholesale'
const T0 = '2026-01-01T00:00:00.000Z'
const rule = (id: string, priority: number, predicate: RoutingRule['predicate']): RoutingRule => ({
  id,
  priority,
  created_at: T0,
  predicate,
  route_to_role: null,
  route_to_bu_id: 'bu-x',
})
// §9.3, listed out of order on purpose: the function orders them.
const RULES = [
  rule('D', 100, { business_unit_id: RETAIL }),
  rule('C', 15, { simplified_event_type_id: 'FRAUD' }),
  rule('A', 5, { min_amount: 100_000_000 }),
  rule('B', 10, { simplified_event_type_id: 'IT_DATA_CYBER', business_unit_id: RETAIL }),
]

const incident = (
  bu: string,
  type: string,
  gross: number | null,
  currency = 'EUR',
  reporting: number | null = currency === 'EUR' ? gross : null,
): RoutableIncident => ({
  business_unit_id: bu,
  simplified_event_type_id: type,
  basel_event_type_id: null,
  gross_loss_amount: gross,
  currency_code: gross === null ? null : currency,
  gross_loss_reporting: gross === null ? null : reporting,
})
const winner = (i: RoutableIncident, rules: readonly RoutingRule[] = RULES) =>
  evaluateRouting(i, rules, ctx)?.id ?? 'none'

describe('evaluateRouting', () => {
  it('INC-29 the ten verified outcomes of incidents §9.4', () => {
    const rows: [number, RoutableIncident, string][] = [
      [1, incident(WHOLESALE, 'OTHER_UNSURE', 200_000_000), 'A'],
      [2, incident(RETAIL, 'IT_DATA_CYBER', 5_000_000), 'B'],
      [3, incident(WHOLESALE, 'FRAUD', 2_500_000), 'C'],
      [4, incident(RETAIL, 'OTHER_UNSURE', 10_000), 'D'],
      [5, incident(WHOLESALE, 'OTHER_UNSURE', 50_000), 'none'],
      [6, incident(RETAIL, 'FRAUD', null), 'C'],
      [7, incident(RETAIL, 'FRAUD', 200_000_000), 'A'],
      [8, incident(WHOLESALE, 'IT_DATA_CYBER', 100_000_000), 'A'],
      [9, incident(WHOLESALE, 'IT_DATA_CYBER', 99_999_999), 'none'],
      [10, incident(WHOLESALE, 'OTHER_UNSURE', 200_000_000, 'USD', null), 'A'],
    ]
    for (const [n, i, expected] of rows) expect(`row ${n}: ${winner(i)}`).toBe(`row ${n}: ${expected}`)
  })

  it('INC-32 a level-1 Basel key matches the default map and level-2 children, not another level 1', () => {
    const rules = [{ ...rule('EL2', 1, { basel_event_type_id: 'EL2' }), route_to_role: 'fraud_investigator' }]
    const fraudNoBasel = incident(WHOLESALE, 'FRAUD', 100)
    expect(winner(fraudNoBasel, rules)).toBe('EL2')
    expect(winner({ ...incident(WHOLESALE, 'IT_DATA_CYBER', 100), basel_event_type_id: 'EL2.2' }, rules)).toBe('EL2')
    expect(winner({ ...fraudNoBasel, basel_event_type_id: 'EL1' }, rules)).toBe('none')
    // No Basel type and no default mapping: no effective type, no match.
    expect(winner(incident(WHOLESALE, 'OTHER_UNSURE', 100), rules)).toBe('none')
    // A level-2 key matches only itself, never its parent.
    const l2 = [rule('L2', 1, { basel_event_type_id: 'EL2.2' })]
    expect(winner(fraudNoBasel, l2)).toBe('none')
    expect(winner({ ...fraudNoBasel, basel_event_type_id: 'EL2.2' }, l2)).toBe('L2')
  })

  it('converted amounts count in the reporting currency; a rate-less amount errs toward notifying', () => {
    const a = [rule('A', 5, { min_amount: 100_000_000 })]
    expect(winner(incident(WHOLESALE, 'FRAUD', 200_000_000, 'USD', 90_000_000), a)).toBe('none')
    expect(winner(incident(WHOLESALE, 'FRAUD', 120_000_000, 'USD', 108_000_000), a)).toBe('A')
    expect(winner(incident(WHOLESALE, 'FRAUD', 1, 'USD', null), a)).toBe('A')
    expect(winner(incident(WHOLESALE, 'FRAUD', null), [rule('Z', 1, { min_amount: 0 })])).toBe('Z')
  })

  it('orders ties by created_at then id, skips inactive rules, and ANDs every condition', () => {
    const later = { ...rule('a-later', 5, { business_unit_id: RETAIL }), created_at: '2026-02-01T00:00:00.000Z' }
    const early = rule('z-early', 5, { business_unit_id: RETAIL })
    const sameTimeLowId = rule('m', 5, { business_unit_id: RETAIL })
    const retail = incident(RETAIL, 'FRAUD', 10)
    expect(winner(retail, [later, early])).toBe('z-early')
    expect(winner(retail, [later, early, sameTimeLowId])).toBe('m')
    expect(winner(retail, [{ ...sameTimeLowId, active: false }, { ...early, active: false }, later])).toBe('a-later')
    const both = [rule('AND', 1, { business_unit_id: RETAIL, simplified_event_type_id: 'IT_DATA_CYBER' })]
    expect(winner(retail, both)).toBe('none')
  })
})

describe('validateRoutingRule', () => {
  const ok: { route_to_role: string | null; route_to_bu_id: string | null } = {
    route_to_role: 'fraud_investigator',
    route_to_bu_id: null,
  }
  const messages = (predicate: unknown, extra: Partial<typeof ok> = {}) =>
    validateRoutingRule({ ...ok, ...extra, predicate }).map((i) => i.message)

  it('INC-30 the save rules of §9.1 with their exact messages', () => {
    expect(messages({ foo: 1 })).toEqual([
      "Unknown predicate key 'foo'. Allowed keys: min_amount, simplified_event_type_id, business_unit_id, basel_event_type_id.",
    ])
    expect(messages({})).toEqual(['A rule needs at least one condition.'])
    expect(messages([])).toEqual(['A rule needs at least one condition.'])
    expect(messages({ min_amount: 1 }, { route_to_role: null })).toEqual(['Choose a role, a business unit, or both.'])
    expect(messages({ min_amount: -1 })).toEqual(['min_amount must be a whole number of minor units, 0 or more.'])
    expect(messages({ min_amount: 1.5 })).toEqual(['min_amount must be a whole number of minor units, 0 or more.'])
    expect(messages({ min_amount: 0 }, { route_to_role: 'admin' })).toEqual([
      'Administrators cannot receive routed notifications.',
    ])
  })

  it('checks ids against the known rows when given', () => {
    const known = {
      simplifiedTypes: new Set(['FRAUD']),
      businessUnits: new Set(['bu-1']),
      baselTypes: new Set(['EL2']),
    }
    const issues = validateRoutingRule(
      {
        predicate: { simplified_event_type_id: 'NOPE', business_unit_id: 'bu-2', basel_event_type_id: 'EL9' },
        route_to_role: null,
        route_to_bu_id: 'bu-3',
      },
      known,
    )
    expect(issues).toEqual([
      { path: ['predicate', 'simplified_event_type_id'], message: 'Unknown simplified event type.' },
      { path: ['predicate', 'business_unit_id'], message: 'Unknown business unit.' },
      { path: ['predicate', 'basel_event_type_id'], message: 'Unknown Basel event type.' },
      { path: ['route_to_bu_id'], message: 'Unknown business unit.' },
    ])
    const fine = { simplified_event_type_id: 'FRAUD', business_unit_id: 'bu-1', basel_event_type_id: 'EL2' }
    expect(validateRoutingRule({ predicate: fine, route_to_role: null, route_to_bu_id: 'bu-1' }, known)).toEqual([])
  })
})
