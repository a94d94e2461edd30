import { describe, expect, it } from 'vitest'
import {
  addWeekdays,
  defaultFirstPeriodStart,
  enumeratePeriods,
  graceDeadline,
  isOverdue,
  isPeriodStart,
  latestStartedPeriod,
  nextPeriodStart,
  overduePeriods,
  periodContaining,
  periodEnd,
  periodsBefore,
  periodStartIssue,
  type Calendar,
  type OverdueFacts,
} from './kri.period.rules'

const DAILY: Calendar = { frequency: 'DAILY', weekdaysOnly: false }
const WD: Calendar = { frequency: 'DAILY', weekdaysOnly: true }
const WEEKLY: Calendar = { frequency: 'WEEKLY', weekdaysOnly: false }
const MONTHLY: Calendar = { frequency: 'MONTHLY', weekdaysOnly: false }
const QUARTERLY: Calendar = { frequency: 'QUARTERLY', weekdaysOnly: false }
const ANNUALLY: Calendar = { frequency: 'ANNUALLY', weekdaysOnly: false }

// 2026-03-06 is a Friday, 2026-03-07 Saturday, 2026-03-09 Monday, 2026-03-10 Tuesday.
describe('period starts (kris.md §3)', () => {
  it('daily: any date; weekdays only: Monday to Friday', () => {
    expect(isPeriodStart(DAILY, '2026-03-07')).toBe(true)
    expect(isPeriodStart(WD, '2026-03-06')).toBe(true)
    expect(isPeriodStart(WD, '2026-03-07')).toBe(false)
    expect(isPeriodStart(WD, '2026-03-08')).toBe(false)
    expect(isPeriodStart(WD, '2026-03-09')).toBe(true)
  })
  it('weekly: Mondays only (ISO week)', () => {
    expect(isPeriodStart(WEEKLY, '2026-03-09')).toBe(true)
    expect(isPeriodStart(WEEKLY, '2026-03-10')).toBe(false)
    expect(isPeriodStart(WEEKLY, '2026-03-08')).toBe(false)
  })
  it('monthly: the 1st; quarterly: 1 Jan/Apr/Jul/Oct; annually: 1 Jan', () => {
    expect(isPeriodStart(MONTHLY, '2026-03-01')).toBe(true)
    expect(isPeriodStart(MONTHLY, '2026-03-02')).toBe(false)
    for (const d of ['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'])
      expect(isPeriodStart(QUARTERLY, d)).toBe(true)
    for (const d of ['2026-02-01', '2026-05-01', '2026-12-01']) expect(isPeriodStart(QUARTERLY, d)).toBe(false)
    expect(isPeriodStart(ANNUALLY, '2026-01-01')).toBe(true)
    expect(isPeriodStart(ANNUALLY, '2026-07-01')).toBe(false)
  })
  it('names the reason a date is not a period start, in the words of §5.2', () => {
    expect(periodStartIssue(MONTHLY, '2026-03-02')).toBe('Period start must be the first day of a monthly period.')
    expect(periodStartIssue(WEEKLY, '2026-03-10')).toBe('Period start must be the first day of a weekly period.')
    expect(periodStartIssue(QUARTERLY, '2026-02-01')).toBe('Period start must be the first day of a quarterly period.')
    expect(periodStartIssue(ANNUALLY, '2026-02-01')).toBe('Period start must be the first day of an annual period.')
    expect(periodStartIssue(WD, '2026-03-07')).toBe('Saturdays and Sundays are not periods for this KRI.')
    expect(periodStartIssue(MONTHLY, '2026-03-01')).toBeNull()
  })
})

describe('period ends', () => {
  it.each([
    [DAILY, '2026-03-07', '2026-03-07'],
    [WEEKLY, '2026-03-09', '2026-03-15'],
    [MONTHLY, '2026-03-01', '2026-03-31'],
    [MONTHLY, '2026-02-01', '2026-02-28'],
    [MONTHLY, '2028-02-01', '2028-02-29'],
    [MONTHLY, '2026-12-01', '2026-12-31'],
    [QUARTERLY, '2026-04-01', '2026-06-30'],
    [QUARTERLY, '2026-10-01', '2026-12-31'],
    [ANNUALLY, '2026-01-01', '2026-12-31'],
  ])('%o from %s ends %s', (cal, start, end) => {
    expect(periodEnd(cal, start)).toBe(end)
  })
})

describe('next period, containing period, enumeration', () => {
  it('next period start', () => {
    expect(nextPeriodStart(WD, '2026-03-06')).toBe('2026-03-09')
    expect(nextPeriodStart(DAILY, '2026-03-06')).toBe('2026-03-07')
    expect(nextPeriodStart(WEEKLY, '2026-03-09')).toBe('2026-03-16')
    expect(nextPeriodStart(MONTHLY, '2026-12-01')).toBe('2027-01-01')
    expect(nextPeriodStart(QUARTERLY, '2026-10-01')).toBe('2027-01-01')
    expect(nextPeriodStart(ANNUALLY, '2026-01-01')).toBe('2027-01-01')
  })
  it('the period containing a date', () => {
    expect(periodContaining(MONTHLY, '2026-03-17')).toEqual({ start: '2026-03-01', end: '2026-03-31' })
    expect(periodContaining(QUARTERLY, '2026-08-17')).toEqual({ start: '2026-07-01', end: '2026-09-30' })
    expect(periodContaining(WEEKLY, '2026-03-15')).toEqual({ start: '2026-03-09', end: '2026-03-15' })
    expect(periodContaining(ANNUALLY, '2026-08-17')).toEqual({ start: '2026-01-01', end: '2026-12-31' })
    expect(periodContaining(WD, '2026-03-07')).toBeNull()
    expect(periodContaining(WD, '2026-03-06')).toEqual({ start: '2026-03-06', end: '2026-03-06' })
  })
  it('default first period start: the period containing today, the next Monday at a weekend', () => {
    expect(defaultFirstPeriodStart(MONTHLY, '2026-11-23')).toBe('2026-11-01')
    expect(defaultFirstPeriodStart(WD, '2026-03-07')).toBe('2026-03-09')
    expect(defaultFirstPeriodStart(WD, '2026-03-08')).toBe('2026-03-09')
    expect(defaultFirstPeriodStart(DAILY, '2026-03-08')).toBe('2026-03-08')
  })
  it('latest started period: a weekend falls back to Friday', () => {
    expect(latestStartedPeriod(WD, '2026-03-08')).toEqual({ start: '2026-03-06', end: '2026-03-06' })
    expect(latestStartedPeriod(MONTHLY, '2026-03-08').start).toBe('2026-03-01')
  })
  it('periods before', () => {
    expect(periodsBefore(MONTHLY, '2026-03-01', 23)).toBe('2024-04-01')
    expect(periodsBefore(QUARTERLY, '2026-01-01', 1)).toBe('2025-10-01')
    expect(periodsBefore(WEEKLY, '2026-03-09', 2)).toBe('2026-02-23')
    expect(periodsBefore(WD, '2026-03-09', 1)).toBe('2026-03-06')
    expect(periodsBefore(DAILY, '2026-03-09', 1)).toBe('2026-03-08')
    expect(periodsBefore(ANNUALLY, '2026-01-01', 9)).toBe('2017-01-01')
  })
  it('enumerates overlapping periods oldest first, skipping weekends', () => {
    expect(enumeratePeriods(WD, '2026-03-05', '2026-03-10').map((p) => p.start)).toEqual([
      '2026-03-05',
      '2026-03-06',
      '2026-03-09',
      '2026-03-10',
    ])
    expect(enumeratePeriods(MONTHLY, '2026-01-15', '2026-03-01')).toEqual([
      { start: '2026-01-01', end: '2026-01-31' },
      { start: '2026-02-01', end: '2026-02-28' },
      { start: '2026-03-01', end: '2026-03-31' },
    ])
    expect(enumeratePeriods(WEEKLY, '2026-03-08', '2026-03-09').map((p) => p.start)).toEqual([
      '2026-03-02',
      '2026-03-09',
    ])
    expect(enumeratePeriods(MONTHLY, '2026-03-01', '2026-02-01')).toEqual([])
  })
  it('stops after limit + 1 periods', () => {
    expect(enumeratePeriods(DAILY, '2020-01-01', '2030-01-01', 1000)).toHaveLength(1001)
  })
})

describe('grace deadline and overdue (kris.md §6)', () => {
  it('weekdays-only daily: grace counts weekdays (Friday + 1 → Monday)', () => {
    expect(graceDeadline(WD, '2026-03-06', 1)).toBe('2026-03-09')
    expect(graceDeadline(WD, '2026-03-06', 0)).toBe('2026-03-06')
    expect(addWeekdays('2026-03-05', 3)).toBe('2026-03-10')
    expect(graceDeadline(DAILY, '2026-03-06', 1)).toBe('2026-03-07')
    expect(graceDeadline(MONTHLY, '2026-01-31', 5)).toBe('2026-02-05')
  })

  const monthly: OverdueFacts = {
    ...MONTHLY,
    firstPeriodStart: '2026-01-01',
    graceDays: 5,
    activatedOn: '2026-01-10',
    isActive: true,
    deleted: false,
  }
  const jan = { start: '2026-01-01', end: '2026-01-31' }

  it('KRI-11: monthly, grace 5: not overdue on the deadline day, overdue the day after', () => {
    expect(isOverdue(monthly, jan, false, '2026-02-05')).toBe(false)
    expect(isOverdue(monthly, jan, false, '2026-02-06')).toBe(true)
    expect(isOverdue(monthly, jan, true, '2026-02-06')).toBe(false)
    expect(overduePeriods(monthly, new Set(), '2026-02-06')).toEqual([{ ...jan, deadline: '2026-02-05' }])
    expect(overduePeriods(monthly, new Set(['2026-01-01']), '2026-02-06')).toEqual([])
  })

  it('KRI-12: weekdays-only daily, grace 1: Friday is overdue on Tuesday only', () => {
    const wd: OverdueFacts = {
      ...WD,
      firstPeriodStart: '2026-03-02',
      graceDays: 1,
      activatedOn: '2026-03-02',
      isActive: true,
      deleted: false,
    }
    const fri = { start: '2026-03-06', end: '2026-03-06' }
    for (const today of ['2026-03-07', '2026-03-08', '2026-03-09']) expect(isOverdue(wd, fri, false, today)).toBe(false)
    expect(isOverdue(wd, fri, false, '2026-03-10')).toBe(true)
  })

  it('KRI-13: periods whose deadline is before activation are missing, never overdue', () => {
    const back: OverdueFacts = { ...monthly, activatedOn: '2026-03-15' }
    expect(overduePeriods(back, new Set(), '2026-03-16')).toEqual([])
    expect(overduePeriods(back, new Set(), '2026-04-05')).toEqual([])
    expect(overduePeriods(back, new Set(), '2026-04-06')).toEqual([
      { start: '2026-03-01', end: '2026-03-31', deadline: '2026-04-05' },
    ])
  })

  it('inactive or deleted KRIs and periods before the first period have no overdue periods', () => {
    expect(overduePeriods({ ...monthly, isActive: false }, new Set(), '2026-06-01')).toEqual([])
    expect(overduePeriods({ ...monthly, deleted: true }, new Set(), '2026-06-01')).toEqual([])
    expect(isOverdue({ ...monthly, firstPeriodStart: '2026-02-01' }, jan, false, '2026-06-01')).toBe(false)
  })

  it('lists every overdue period oldest first, skipping valued ones', () => {
    const got = overduePeriods(monthly, new Set(['2026-02-01']), '2026-05-06')
    expect(got.map((p) => p.start)).toEqual(['2026-01-01', '2026-03-01', '2026-04-01'])
    expect(overduePeriods(monthly, new Set(), '2026-05-06').map((p) => p.start)).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
    ])
  })

  it('after reactivation only periods whose deadline is on or after the reactivation date count', () => {
    const re: OverdueFacts = { ...monthly, activatedOn: '2026-04-05' }
    // March: deadline 5 Apr = activation date → counts; February: deadline 5 Mar → does not.
    expect(overduePeriods(re, new Set(), '2026-04-06').map((p) => p.start)).toEqual(['2026-03-01'])
  })
})
