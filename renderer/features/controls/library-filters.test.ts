import { describe, expect, it } from 'vitest'
import { listInput, moreFilterCount, NO_FILTERS, toggled } from './library-filters'

describe('library filters → control.list input (controls.md §12)', () => {
  it('sends only the sort when nothing is chosen', () => {
    expect(listInput(NO_FILTERS)).toEqual({ sort: 'title' })
  })

  it('maps every filter to its query field', () => {
    expect(
      listInput({
        ...NO_FILTERS,
        search: '  log ',
        status: 'inactive',
        evidence: ['EXPIRED', 'NONE'],
        lastTest: ['INEFFECTIVE', 'NONE'],
        types: ['DETECTIVE'],
        natures: ['AUTOMATED'],
        frequencies: ['DAILY'],
        implementation: 'PLANNED',
        businessUnitId: 'bu-1',
        ownerMe: true,
        groupWide: 'yes',
        frameworkId: 'ISO27001_2013',
        clausePrefix: ' A.12 ',
        linkedActive: 'no',
        effectivenessLte: '2',
        sort: 'code',
      }),
    ).toEqual({
      sort: 'code',
      search: 'log',
      is_active: false,
      evidence_status: ['EXPIRED', 'NONE'],
      last_test_result: ['INEFFECTIVE', 'NONE'],
      control_type: ['DETECTIVE'],
      control_nature: ['AUTOMATED'],
      control_frequency: ['DAILY'],
      implementation_status: 'PLANNED',
      business_unit_id: ['bu-1'],
      owner_id: 'me',
      group_wide: true,
      framework_id: 'ISO27001_2013',
      clause_prefix: 'A.12',
      linked_to_active_risk: false,
      effectiveness_lte: 2,
    })
  })

  it('drops a clause prefix without a framework', () => {
    expect(listInput({ ...NO_FILTERS, clausePrefix: 'A.12' })).toEqual({ sort: 'title' })
  })

  it('counts the folded-away filters', () => {
    expect(moreFilterCount(NO_FILTERS)).toBe(0)
    expect(moreFilterCount({ ...NO_FILTERS, ownerMe: true, frameworkId: 'X', search: 'a' })).toBe(2)
  })

  it('toggles list values in their display order', () => {
    const all = ['A', 'B', 'C'] as const
    expect(toggled(all, ['C'], 'A', true)).toEqual(['A', 'C'])
    expect(toggled(all, ['A', 'C'], 'A', false)).toEqual(['C'])
  })
})
