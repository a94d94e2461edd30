import { describe, expect, it } from 'vitest'
import { NO_FILTERS, withFilters } from './list-filters'

describe('withFilters (measures §13)', () => {
  it('adds nothing for empty filters', () => {
    expect(withFilters({ responsible: 'me', ordering: 'deadline' }, NO_FILTERS)).toEqual({
      responsible: 'me',
      ordering: 'deadline',
    })
  })

  it('maps every filter to its list parameter', () => {
    expect(
      withFilters(
        {},
        {
          status: ['OPEN', 'IN_PROGRESS'],
          q: 'firewall',
          responsible: 'me',
          createdBy: '0190a000-0000-7000-8000-000000000001',
          incidentRef: 'INC-2026-ABC-00001',
          incidentId: '0190a000-0000-7000-8000-000000000002',
          deadlineAfter: '2026-01-01',
          deadlineBefore: '2026-12-31',
          overdue: 'no',
          awaitingMe: true,
          ordering: '-deadline',
        },
      ),
    ).toEqual({
      status: ['OPEN', 'IN_PROGRESS'],
      q: 'firewall',
      responsible: 'me',
      created_by: '0190a000-0000-7000-8000-000000000001',
      incident_id: '0190a000-0000-7000-8000-000000000002',
      deadline_after: '2026-01-01',
      deadline_before: '2026-12-31',
      is_overdue: false,
      awaiting_me: true,
      ordering: '-deadline',
    })
  })
})
