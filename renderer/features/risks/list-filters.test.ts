import { describe, expect, it } from 'vitest'
import {
  cellFilters,
  clearFilters,
  hasFilters,
  parseRegisterQuery,
  registerPath,
  registerQueryString,
  registerTabs,
  withFilter,
  withSort,
} from './list-filters'

const parse = (text: string) => parseRegisterQuery(new URLSearchParams(text))

describe('register query in the address', () => {
  it('reads the heat map cell link as risk.list filters', () => {
    expect(
      parse(
        'status=ACTIVE&residual_likelihood=3&residual_impact=3&business_unit_id=0196d1a0-0000-7000-8000-000000000001',
      ),
    ).toEqual({
      status: ['ACTIVE'],
      residual_likelihood: 3,
      residual_impact: 3,
      business_unit_id: ['0196d1a0-0000-7000-8000-000000000001'],
    })
  })

  it('drops values the list would refuse and half cells', () => {
    expect(parse('status=ACTIVE,BOGUS&inherent_score_gte=30&inherent_likelihood=4&owner_id=me&queue=NOPE')).toEqual({
      owner_id: 'me',
    })
    expect(parse('residual_likelihood=6&residual_impact=2')).toEqual({})
  })

  it('writes one canonical address for a query and reads it back', () => {
    const q = {
      search: 'card fraud',
      status: ['ACTIVE', 'RETIRED'] as ('ACTIVE' | 'RETIRED')[],
      inherent_score_gte: 15,
      queue: 'MY_DRAFTS' as const,
    }
    const text = registerQueryString(q)
    expect(text).toBe('queue=MY_DRAFTS&status=ACTIVE,RETIRED&inherent_score_gte=15&search=card+fraud')
    expect(parse(text)).toEqual(q)
    expect(registerPath({})).toBe('/risks')
    expect(registerPath({ owner_id: 'me' })).toBe('/risks?owner_id=me')
  })

  it('changes, clears and sorts without touching the tab', () => {
    const q = withFilter({ queue: 'PENDING_MY_VALIDATION' }, 'status', ['ASSESSED'])
    expect(hasFilters(q)).toBe(true)
    expect(withFilter(q, 'status', [])).toEqual({ queue: 'PENDING_MY_VALIDATION' })
    expect(clearFilters({ ...q, search: 'x', sort: 'ref', direction: 'asc' })).toEqual({
      queue: 'PENDING_MY_VALIDATION',
      sort: 'ref',
      direction: 'asc',
    })
    expect(withSort(q, 'inherent_score:desc')).toMatchObject({ sort: 'inherent_score', direction: 'desc' })
    expect(withSort({ sort: 'ref' }, '')).toEqual({})
  })

  it('names the cell filters', () => {
    expect(cellFilters({ inherent_likelihood: 4, inherent_impact: 5 })).toEqual([
      { basis: 'inherent', likelihood: 4, impact: 5 },
    ])
  })
})

describe('register tabs (§7 queues the role has)', () => {
  it('gives each role its queues, then All', () => {
    expect(registerTabs(['employee']).map((t) => t.label)).toEqual(['All risks'])
    expect(registerTabs(['auditor']).map((t) => t.label)).toEqual(['All risks'])
    expect(registerTabs(['manager']).map((t) => t.label)).toEqual(['My drafts', 'Due for reassessment', 'All risks'])
    expect(registerTabs(['risk_officer']).map((t) => t.label)).toEqual([
      'My drafts',
      'Pending my validation',
      'Due for reassessment',
      'All risks',
    ])
  })
})
