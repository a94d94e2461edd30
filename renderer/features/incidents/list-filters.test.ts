import { describe, expect, it } from 'vitest'
import { moreFiltersSet, NO_FILTERS, withFilters } from './list-filters'

describe('withFilters (incidents §14.1)', () => {
  it('adds nothing for untouched filters', () => {
    expect(withFilters({ created_by: 'me' }, NO_FILTERS)).toEqual({ created_by: 'me' })
  })

  it('maps every filter to its list parameter', () => {
    const input = withFilters(
      {},
      {
        status: ['DRAFT', 'CLOSED'],
        nearMiss: 'exclude',
        q: 'card',
        severity: ['high'],
        overdue: 'yes',
        overdueStage: 'REVIEW',
        createdBy: 'me',
        assignedTo: 'me',
        businessUnitId: 'bu',
        simplifiedTypeId: 'FRAUD',
        baselTypeId: 'EL2',
        discoveredFrom: '2026-01-01',
        discoveredTo: '2026-01-31',
        accountingFrom: '2026-02-01',
        accountingTo: '2026-02-28',
        deleted: 'only',
        sort: 'gross_loss_reporting',
        direction: 'desc',
      },
    )
    expect(input).toEqual({
      status: ['DRAFT', 'CLOSED'],
      near_miss: false,
      q: 'card',
      severity: ['high'],
      overdue: true,
      overdue_stage: 'REVIEW',
      created_by: 'me',
      assigned_to: 'me',
      business_unit_id: 'bu',
      simplified_event_type_id: 'FRAUD',
      basel_event_type_id: 'EL2',
      discovered_from: '2026-01-01',
      discovered_to: '2026-01-31',
      first_accounting_from: '2026-02-01',
      first_accounting_to: '2026-02-28',
      deleted: 'only',
      sort: 'gross_loss_reporting',
      direction: 'desc',
    })
  })

  it("keeps the screen's own preset over the user's choice", () => {
    const input = withFilters({ overdue_stage: 'DRAFT' }, { ...NO_FILTERS, overdueStage: 'VALIDATION' })
    expect(input.overdue_stage).toBe('DRAFT')
  })

  it('counts the folded-away filters that are set', () => {
    expect(moreFiltersSet(NO_FILTERS)).toBe(0)
    expect(moreFiltersSet({ ...NO_FILTERS, severity: ['low'], discoveredTo: '2026-01-01' })).toBe(2)
  })
})
