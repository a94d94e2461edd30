import { describe, expect, it } from 'vitest'
import {
  bandSegments,
  defaultEffectiveFrom,
  effectiveFromChoices,
  issueField,
  periodText,
  preselectedPeriod,
  previewStatus,
  recordablePeriods,
  scaledThresholds,
  thresholdImpact,
  thresholdText,
  withUnit,
} from './kri-logic'

const higher = scaledThresholds({ direction: 'higher_is_worse', amber: '5', red: '10', target: '2' })
const band = scaledThresholds({
  direction: 'within_band',
  red_low: '10',
  amber_low: '20',
  amber_high: '80',
  red_high: '90',
  target: '50',
})
const monthly = { frequency: 'MONTHLY' as const, weekdays_only: false, first_period_start: '2026-01-01' }

describe('previewStatus', () => {
  it('applies the shared boundary rule: a value on a threshold takes the worse status', () => {
    expect(previewStatus('4.9999', higher)).toEqual({ kind: 'status', status: 'GREEN' })
    expect(previewStatus('5', higher)).toEqual({ kind: 'status', status: 'AMBER' })
    expect(previewStatus('10', higher)).toEqual({ kind: 'status', status: 'RED' })
    expect(previewStatus('20', band)).toEqual({ kind: 'status', status: 'AMBER' })
    expect(previewStatus('50', band)).toEqual({ kind: 'status', status: 'GREEN' })
    expect(previewStatus('90', band)).toEqual({ kind: 'status', status: 'RED' })
  })
  it('shows the number message for a malformed value and nothing for an empty one', () => {
    expect(previewStatus('5.00001', higher)).toEqual({
      kind: 'invalid',
      message: 'Must be a number with at most 4 decimal places.',
    })
    expect(previewStatus('1e3', higher).kind).toBe('invalid')
    expect(previewStatus('  ', higher)).toEqual({ kind: 'empty' })
  })
})

describe('scaledThresholds', () => {
  it('is null while a limit of the direction is missing', () => {
    expect(scaledThresholds({ direction: 'higher_is_worse', amber: '5', red: null, target: '2' })).toBeNull()
    expect(higher).toMatchObject({ amber_e4: 50_000, red_e4: 100_000, target_e4: 20_000, red_low_e4: null })
  })
})

describe('texts', () => {
  it('writes values with units, periods and thresholds', () => {
    expect(withUnit('12.5000', '%')).toBe('12.5 %')
    expect(withUnit(null, '%')).toBe('—')
    expect(periodText('MONTHLY', '2026-03-01')).toBe('2026-03')
    expect(periodText('QUARTERLY', '2026-04-01')).toBe('2026 Q2')
    expect(periodText('QUARTERLY', '2026-10-01')).toBe('2026 Q4')
    expect(periodText('WEEKLY', '2026-03-02')).toBe('Week of 2026-03-02')
    expect(thresholdText({ direction: 'higher_is_worse', amber: '5', red: '10', target: '2' })).toBe(
      'Amber 5 · Red 10 · Target 2',
    )
    expect(
      thresholdText({
        direction: 'within_band',
        red_low: '10',
        amber_low: '20',
        amber_high: '80',
        red_high: '90',
        target: '50',
      }),
    ).toBe('Red low 10 · Amber low 20 · Amber high 80 · Red high 90 · Target 50')
  })
})

describe('recordablePeriods', () => {
  it('lists the valid starts up to today without recorded ones, newest first; the oldest overdue preselected', () => {
    const choices = recordablePeriods(monthly, '2026-04-15', new Set(['2026-02-01']), ['2026-01-01'])
    expect(choices.map((c) => c.start)).toEqual(['2026-04-01', '2026-03-01', '2026-01-01'])
    expect(choices.find((c) => c.start === '2026-01-01')).toMatchObject({ end: '2026-01-31', overdue: true })
    expect(preselectedPeriod(choices, ['2026-03-01', '2026-01-01'])).toBe('2026-01-01')
    expect(preselectedPeriod(choices, [])).toBe('2026-04-01')
  })
  it('skips weekends of a weekdays-only daily KRI and caps the list', () => {
    const daily = { frequency: 'DAILY' as const, weekdays_only: true, first_period_start: '2026-01-05' }
    const choices = recordablePeriods(daily, '2026-03-08', new Set(), [], 10)
    expect(choices).toHaveLength(10)
    expect(choices[0]!.start).toBe('2026-03-06') // Sunday → the Friday before
    expect(choices.every((c) => ![0, 6].includes(new Date(`${c.start}T00:00:00Z`).getUTCDay()))).toBe(true)
  })
  it('is empty before the first period has started', () => {
    expect(recordablePeriods({ ...monthly, first_period_start: '2026-05-01' }, '2026-04-15', new Set(), [])).toEqual([])
  })
})

describe('thresholds dialog', () => {
  it('defaults to the period after the latest value, else the first period (§5.3)', () => {
    expect(defaultEffectiveFrom(monthly, '2026-03-01')).toBe('2026-04-01')
    expect(defaultEffectiveFrom(monthly, null)).toBe('2026-01-01')
    const choices = effectiveFromChoices(monthly, '2026-04-01', 2)
    expect(choices.map((c) => c.start)).toEqual([
      '2026-06-01',
      '2026-05-01',
      '2026-04-01',
      '2026-03-01',
      '2026-02-01',
      '2026-01-01',
    ])
  })
  it('lists the recorded periods whose status the new thresholds would change', () => {
    const values = [
      { period_start: '2026-01-01', period_end: '2026-01-31', value: '4', status: 'GREEN' },
      { period_start: '2026-02-01', period_end: '2026-02-28', value: '6', status: 'AMBER' },
      { period_start: '2026-03-01', period_end: '2026-03-31', value: '12', status: 'RED' },
    ]
    const stricter = scaledThresholds({ direction: 'higher_is_worse', amber: '3', red: '6', target: '1' })
    expect(thresholdImpact(values, stricter, '2026-04-01')).toEqual({ affected: 0, changed: [] })
    const impact = thresholdImpact(values, stricter, '2026-01-01')
    expect(impact.affected).toBe(3)
    expect(impact.changed.map((c) => [c.period_start, c.status, c.to])).toEqual([
      ['2026-01-01', 'GREEN', 'AMBER'],
      ['2026-02-01', 'AMBER', 'RED'],
    ])
  })
})

describe('bandSegments', () => {
  it('draws the zones low to high with the limits in words', () => {
    const b = bandSegments(higher)!
    expect(b.segments.map((s) => [s.status, s.label])).toEqual([
      ['GREEN', '< 5'],
      ['AMBER', '5 to < 10'],
      ['RED', '≥ 10'],
    ])
    expect(b.target).toBe(2)
    expect(b.segments[0]!.from).toBeLessThan(2)
    expect(bandSegments(band)!.segments.map((s) => s.status)).toEqual(['RED', 'AMBER', 'GREEN', 'AMBER', 'RED'])
    expect(bandSegments(null)).toBeNull()
  })
})

describe('issueField', () => {
  it('names the field of nested paths', () => {
    expect(issueField(['thresholds', 'red'])).toBe('red')
    expect(issueField(['changes', 'unit', 'after'])).toBe('unit')
    expect(issueField(['name'])).toBe('name')
    expect(issueField([])).toBeNull()
  })
})
