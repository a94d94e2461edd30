import { describe, expect, it } from 'vitest'
import { intervalEnds } from './risk.trend'

describe('portfolio trend interval ends (risks.md §10)', () => {
  it('lists the month ends inside [from, to]', () => {
    expect(intervalEnds('2026-01-15', '2026-04-30', 'MONTH')).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ])
    expect(intervalEnds('2024-02-01', '2024-02-29', 'MONTH')).toEqual(['2024-02-29'])
    expect(intervalEnds('2026-01-01', '2026-01-30', 'MONTH')).toEqual([])
    expect(intervalEnds('2026-11-30', '2027-01-01', 'MONTH')).toEqual(['2026-11-30', '2026-12-31'])
  })

  it('lists the quarter ends inside [from, to]', () => {
    expect(intervalEnds('2026-02-10', '2027-01-01', 'QUARTER')).toEqual([
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
    ])
    expect(intervalEnds('2026-04-01', '2026-06-29', 'QUARTER')).toEqual([])
  })

  it('stops one past the 60-point limit however long the range', () => {
    expect(intervalEnds('1900-01-01', '2999-12-31', 'MONTH')).toHaveLength(61)
    expect(intervalEnds('2011-01-01', '2025-12-31', 'QUARTER')).toHaveLength(60)
  })
})
