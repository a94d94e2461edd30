import { describe, expect, it } from 'vitest'
import {
  addDays,
  currentDueAt,
  lossAndDateIssues,
  netLoss,
  overdueStage,
  severityOf,
  type LossFacts,
} from './incident.rules'

const NOW = '2026-11-23T14:05:09.123Z'
const facts = (f: Partial<LossFacts>): LossFacts => ({
  near_miss: false,
  gross_loss_amount: null,
  currency_code: null,
  occurred_at: null,
  discovered_at: null,
  resolved_at: null,
  first_accounting_date: null,
  recovery_count: 0,
  ...f,
})
const messages = (f: Partial<LossFacts>) =>
  lossAndDateIssues(facts(f), NOW).map((i) => `${i.path.join('.')}: ${i.message}`)

describe('incident rules', () => {
  it('INC-01 "+7 days" is 7 × 86,400,000 ms on now, in UTC', () => {
    expect(addDays(NOW, 7)).toBe('2026-11-30T14:05:09.123Z')
    expect(addDays('2026-03-28T12:00:00.000Z', 1)).toBe('2026-03-29T12:00:00.000Z')
  })

  const sev = (minor: number | null, expected: string) =>
    it(`severity of ${minor} EUR minor units is ${expected}`, () => expect(severityOf(minor, 2)).toBe(expected))
  sev(null, 'unrated')
  sev(0, 'low')
  sev(999_999, 'low')
  sev(1_000_000, 'medium')
  sev(9_999_999, 'medium')
  sev(10_000_000, 'high')
  sev(99_999_999, 'high')
  sev(100_000_000, 'critical')
  it('INC-46 the bands are in major units of the reporting currency (JPY has no minor digits)', () => {
    expect(severityOf(10_000, 0)).toBe('medium')
    expect(severityOf(9_999, 0)).toBe('low')
  })

  it('INC-35 net loss is the override when set, else gross − recoveries, else null', () => {
    expect(netLoss(10_000, 3_000, null)).toBe(7_000)
    expect(netLoss(10_000, 3_000, 6_500)).toBe(6_500)
    expect(netLoss(null, 0, null)).toBeNull()
  })

  it('INC-41 date order and the future are refused on the field that is wrong', () => {
    expect(messages({ occurred_at: '2026-11-24T00:00:00.000Z' })).toEqual([
      'occurred_at: Occurrence time cannot be in the future.',
    ])
    expect(messages({ occurred_at: '2026-11-20T10:00:00.000Z', discovered_at: '2026-11-20T09:59:59.999Z' })).toEqual([
      'discovered_at: The discovery time cannot be before the occurrence time.',
    ])
    expect(messages({ discovered_at: '2026-11-20T10:00:00.000Z', resolved_at: '2026-11-20T09:00:00.000Z' })).toEqual([
      'resolved_at: The resolution time cannot be before the discovery time.',
    ])
    expect(messages({ occurred_at: '2026-11-20T10:00:00.000Z', resolved_at: '2026-11-20T09:00:00.000Z' })).toEqual([
      'resolved_at: The resolution time cannot be before the occurrence time.',
    ])
    expect(messages({ occurred_at: NOW, discovered_at: NOW, resolved_at: NOW })).toEqual([])
    expect(messages({ gross_loss_amount: 100 })).toEqual(['currency_code: Choose the currency of the amount.'])
  })

  it('INC-39 first accounting date: not in the future, not before the occurrence date', () => {
    expect(messages({ first_accounting_date: '2026-11-24' })).toEqual([
      'first_accounting_date: The first accounting date cannot be in the future.',
    ])
    expect(messages({ occurred_at: '2026-03-10T09:00:00.000Z', first_accounting_date: '2026-03-09' })).toEqual([
      'first_accounting_date: The first accounting date cannot be before the occurrence date.',
    ])
    expect(messages({ occurred_at: '2026-03-10T09:00:00.000Z', first_accounting_date: '2026-03-10' })).toEqual([])
  })

  it('INC-42 a near miss has no loss amount, no recoveries and no accounting date', () => {
    expect(messages({ near_miss: true, gross_loss_amount: 5000, currency_code: 'EUR' })).toEqual([
      'gross_loss_amount: A near miss has no loss amount.',
    ])
    expect(messages({ near_miss: true, gross_loss_amount: 0, currency_code: 'EUR' })).toEqual([])
    expect(messages({ near_miss: true, recovery_count: 1 })).toEqual(['recoveries: A near miss has no recoveries.'])
    expect(messages({ near_miss: true, first_accounting_date: '2026-11-01' })).toEqual([
      'first_accounting_date: A near miss has no accounting date.',
    ])
  })

  it('current due date follows the stage and overdue is a flag, never a status', () => {
    const due = { draft_due_at: 'D', review_due_at: 'R', validation_due_at: 'V' }
    expect(
      ['DRAFT', 'PENDING_REVIEW', 'PENDING_VALIDATION', 'VALIDATED', 'CLOSED'].map((s) => currentDueAt(s, due)),
    ).toEqual(['D', 'R', 'V', null, null])
    expect(overdueStage('DRAFT', '2026-11-23T14:05:09.122Z', NOW)).toBe('DRAFT')
    expect(overdueStage('DRAFT', NOW, NOW)).toBeNull()
    expect(overdueStage('PENDING_REVIEW', '2026-01-01T00:00:00.000Z', NOW)).toBe('REVIEW')
    expect(overdueStage('VALIDATED', '2026-01-01T00:00:00.000Z', NOW)).toBeNull()
  })
})
