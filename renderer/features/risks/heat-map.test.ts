import { describe, expect, it } from 'vitest'
import { heatFilters, trendRange } from './heat-map'

describe('heat map dashboard', () => {
  it('turns the filter bar into query filters', () => {
    expect(heatFilters({ business_unit_id: '', risk_category_id: '', as_of: '' })).toEqual({})
    expect(heatFilters({ business_unit_id: 'b', risk_category_id: 'IT_RISK', as_of: '2026-03-01' })).toEqual({
      business_unit_ids: ['b'],
      risk_category_ids: ['IT_RISK'],
      as_of: '2026-03-01',
    })
  })

  it('charts the twelve month ends up to this one', () => {
    expect(trendRange('2026-11-23')).toEqual({ from: '2025-12-01', to: '2026-11-30' })
    expect(trendRange('2026-01-05')).toEqual({ from: '2025-02-01', to: '2026-01-31' })
  })
})
