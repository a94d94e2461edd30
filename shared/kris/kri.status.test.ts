import { describe, expect, it } from 'vitest'
import { toE4 } from './kri.decimal.rules'
import {
  checkThresholds,
  compareWorstFirst,
  redLimitText,
  statusOf,
  THRESHOLD_MESSAGES,
  thresholdsAsDecimals,
  type ThresholdInput,
  type Thresholds,
} from './kri.status.rules'

function set(input: ThresholdInput): Thresholds {
  const r = checkThresholds(input)
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.thresholds
}

describe('status boundaries (kris.md §4 worked table)', () => {
  const higher = set({ direction: 'higher_is_worse', target: '2', amber: '5', red: '10' })
  const lower = set({ direction: 'lower_is_worse', target: '99.5', amber: '98', red: '95' })
  const band = set({
    direction: 'within_band',
    target: '50',
    red_low: '10',
    amber_low: '20',
    amber_high: '80',
    red_high: '90',
  })
  it.each([
    ['-1', 'GREEN'],
    ['4', 'GREEN'],
    ['4.9999', 'GREEN'],
    ['5', 'AMBER'],
    ['6', 'AMBER'],
    ['9.9999', 'AMBER'],
    ['10', 'RED'],
    ['250', 'RED'],
  ])('higher_is_worse %s → %s', (v, s) => expect(statusOf(higher, toE4(v))).toBe(s))
  it.each([
    ['100', 'GREEN'],
    ['98.0001', 'GREEN'],
    ['98', 'AMBER'],
    ['95.0001', 'AMBER'],
    ['95', 'RED'],
    ['0', 'RED'],
  ])('lower_is_worse %s → %s', (v, s) => expect(statusOf(lower, toE4(v))).toBe(s))
  it.each([
    ['50', 'GREEN'],
    ['20.0001', 'GREEN'],
    ['20', 'AMBER'],
    ['10.0001', 'AMBER'],
    ['10', 'RED'],
    ['9', 'RED'],
    ['79.9999', 'GREEN'],
    ['80', 'AMBER'],
    ['89.9999', 'AMBER'],
    ['90', 'RED'],
  ])('within_band %s → %s', (v, s) => expect(statusOf(band, toE4(v))).toBe(s))
})

describe('threshold validation (kris.md §4, KRI-02)', () => {
  const first = (input: ThresholdInput) => {
    const r = checkThresholds(input)
    return r.ok ? null : r.issues[0]
  }
  it('higher_is_worse: red must exceed amber (equal refused too)', () => {
    expect(first({ direction: 'higher_is_worse', amber: '10', red: '5', target: '1' })).toEqual({
      path: ['red'],
      message: THRESHOLD_MESSAGES.higherOrder,
    })
    expect(first({ direction: 'higher_is_worse', amber: '5', red: '5', target: '1' })?.message).toBe(
      THRESHOLD_MESSAGES.higherOrder,
    )
  })
  it('lower_is_worse: red must be below amber', () => {
    expect(first({ direction: 'lower_is_worse', amber: '95', red: '98', target: '99' })?.message).toBe(
      THRESHOLD_MESSAGES.lowerOrder,
    )
  })
  it('within_band: strict order red low < amber low < amber high < red high', () => {
    expect(
      first({
        direction: 'within_band',
        red_low: '10',
        amber_low: '20',
        amber_high: '20',
        red_high: '90',
        target: '20',
      }),
    ).toEqual({ path: ['red_low'], message: THRESHOLD_MESSAGES.bandOrder })
  })
  it('the target must lie in the Green zone', () => {
    expect(first({ direction: 'higher_is_worse', amber: '5', red: '10', target: '5' })).toEqual({
      path: ['target'],
      message: THRESHOLD_MESSAGES.higherTarget,
    })
    expect(first({ direction: 'lower_is_worse', amber: '98', red: '95', target: '98' })?.message).toBe(
      THRESHOLD_MESSAGES.lowerTarget,
    )
    expect(
      first({
        direction: 'within_band',
        red_low: '10',
        amber_low: '20',
        amber_high: '80',
        red_high: '90',
        target: '80',
      })?.message,
    ).toBe(THRESHOLD_MESSAGES.bandTarget)
  })
  it('a field of the other direction is refused; missing fields are required; numbers are checked', () => {
    expect(first({ direction: 'higher_is_worse', amber: '5', red: '10', target: '2', amber_low: '1' })).toEqual({
      path: ['amber_low'],
      message: THRESHOLD_MESSAGES.notUsed,
    })
    expect(
      first({
        direction: 'within_band',
        amber: '5',
        red_low: '1',
        amber_low: '2',
        amber_high: '3',
        red_high: '4',
        target: '2.5',
      }),
    ).toEqual({
      path: ['amber'],
      message: THRESHOLD_MESSAGES.notUsed,
    })
    expect(first({ direction: 'higher_is_worse', amber: '5', target: '2' })).toEqual({
      path: ['red'],
      message: 'This field is required.',
    })
    expect(first({ direction: 'higher_is_worse', amber: '5', red: '1e3', target: '2' })).toEqual({
      path: ['red'],
      message: 'Must be a number with at most 4 decimal places.',
    })
  })
  it('a valid set keeps only its direction’s fields, as exact integers', () => {
    expect(set({ direction: 'higher_is_worse', amber: '5', red: '10', target: '2' })).toEqual({
      direction: 'higher_is_worse',
      amber_e4: 50_000,
      red_e4: 100_000,
      amber_low_e4: null,
      amber_high_e4: null,
      red_low_e4: null,
      red_high_e4: null,
      target_e4: 20_000,
    })
  })
  it('renders decimals and the red limit text', () => {
    const band = set({
      direction: 'within_band',
      red_low: '10',
      amber_low: '20',
      amber_high: '80',
      red_high: '90.5',
      target: '50',
    })
    expect(thresholdsAsDecimals(band)).toEqual({
      direction: 'within_band',
      amber: null,
      red: null,
      amber_low: '20',
      amber_high: '80',
      red_low: '10',
      red_high: '90.5',
      target: '50',
    })
    expect(redLimitText(band)).toBe('(red band ≤ 10 or ≥ 90.5)')
    expect(redLimitText(set({ direction: 'higher_is_worse', amber: '5', red: '10', target: '2' }))).toBe(
      '(red threshold 10)',
    )
  })
})

describe('worst-first order (kris.md §9.3)', () => {
  it('RED, AMBER, NO_DATA, GREEN; overdue first; then name, then id', () => {
    const rows = [
      { id: '6', name: 'A', current_status: 'GREEN', overdue_period_start: null },
      { id: '5', name: 'B', current_status: 'NO_DATA', overdue_period_start: null },
      { id: '4', name: 'Z', current_status: 'NO_DATA', overdue_period_start: '2026-01-01' },
      { id: '3', name: 'C', current_status: 'AMBER', overdue_period_start: null },
      { id: '2', name: 'B', current_status: 'RED', overdue_period_start: null },
      { id: '1', name: 'B', current_status: 'RED', overdue_period_start: null },
    ]
    expect([...rows].sort(compareWorstFirst).map((r) => r.id)).toEqual(['1', '2', '3', '4', '5', '6'])
  })
})
