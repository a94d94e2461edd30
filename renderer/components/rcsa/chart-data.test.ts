import { describe, expect, it } from 'vitest'
import {
  decimalToNumber,
  indexTicks,
  kriChartModel,
  kriDomain,
  niceTicks,
  numericThresholds,
  paddedDomain,
  zoneSegments,
  zonesFor,
} from './chart-data'
import { periodLabel, thresholdSummary, trimDecimal } from './kri-format'
import { portfolioSeries, riskTrendRows } from './risk-trend-data'
import type { KriTrendPoint, KriTrendThresholds } from './types'

const hiw = (amber: string, red: string, target: string, set_seq = 1): KriTrendThresholds => ({
  set_seq,
  direction: 'higher_is_worse',
  amber,
  red,
  target,
})

const point = (i: number, value: string | null, t: KriTrendThresholds | null, extra: Partial<KriTrendPoint> = {}) =>
  ({
    period_start: `2026-${String(i + 1).padStart(2, '0')}-01`,
    period_end: `2026-${String(i + 1).padStart(2, '0')}-28`,
    value,
    status: value == null ? null : 'GREEN',
    version_no: value == null ? null : 1,
    missing: value == null,
    overdue: false,
    thresholds: t,
    ...extra,
  }) satisfies KriTrendPoint

describe('decimalToNumber', () => {
  it('reads the wire decimals of kris.md §1', () => {
    expect(decimalToNumber('12.5')).toBe(12.5)
    expect(decimalToNumber('-0.0001')).toBe(-0.0001)
    expect(decimalToNumber('999999999999.9999')).toBeCloseTo(999999999999.9999, 3)
    expect(decimalToNumber('4')).toBe(4)
  })
  it('gives null for null and malformed strings, which the chart draws as gaps', () => {
    expect(decimalToNumber(null)).toBeNull()
    expect(decimalToNumber(undefined)).toBeNull()
    expect(decimalToNumber('')).toBeNull()
    expect(decimalToNumber('1e3')).toBeNull()
    expect(decimalToNumber('1.23456')).toBeNull()
    expect(decimalToNumber('abc')).toBeNull()
  })
  it('trims trailing zeros for display', () => {
    expect(trimDecimal('12.5000')).toBe('12.5')
    expect(trimDecimal('12.0')).toBe('12')
    expect(trimDecimal('120')).toBe('120')
  })
})

describe('paddedDomain', () => {
  it('adds 10 % of the span on each side', () => {
    expect(paddedDomain([0, 10])).toEqual([-1, 11])
    expect(paddedDomain([2, null, 12, 5])).toEqual([1, 13])
    expect(paddedDomain([-5, 5])).toEqual([-6, 6])
  })
  it('pads a flat series by 10 % of its magnitude, or 1 around zero', () => {
    expect(paddedDomain([50, 50])).toEqual([45, 55])
    expect(paddedDomain([0])).toEqual([-1, 1])
  })
  it('has a default range when there is nothing to show', () => {
    expect(paddedDomain([null, undefined])).toEqual([0, 1])
  })
  it('spans every value and every threshold in range, target included', () => {
    const points = [point(0, '4', hiw('5', '10', '2')), point(1, '250', hiw('5', '10', '2')), point(2, null, null)]
    // min 2 (target), max 250 → span 248, pad 24.8
    expect(kriDomain(points)).toEqual([-22.8, 274.8])
  })
})

describe('zonesFor', () => {
  const domain = [0, 20] as const
  it('higher is worse: green below amber, amber up to red, red above', () => {
    expect(zonesFor(numericThresholds(hiw('5', '10', '2')), domain)).toEqual([
      { status: 'GREEN', y1: 0, y2: 5 },
      { status: 'AMBER', y1: 5, y2: 10 },
      { status: 'RED', y1: 10, y2: 20 },
    ])
  })
  it('lower is worse: red at the bottom, green on top', () => {
    const t = numericThresholds({ set_seq: 1, direction: 'lower_is_worse', amber: '98', red: '95', target: '99.5' })
    expect(zonesFor(t, [90, 100])).toEqual([
      { status: 'RED', y1: 90, y2: 95 },
      { status: 'AMBER', y1: 95, y2: 98 },
      { status: 'GREEN', y1: 98, y2: 100 },
    ])
  })
  it('within band: red, amber, green, amber, red from the bottom', () => {
    const t = numericThresholds({
      set_seq: 1,
      direction: 'within_band',
      red_low: '10',
      amber_low: '20',
      amber_high: '80',
      red_high: '90',
      target: '50',
    })
    expect(zonesFor(t, [0, 100]).map((z) => [z.status, z.y1, z.y2])).toEqual([
      ['RED', 0, 10],
      ['AMBER', 10, 20],
      ['GREEN', 20, 80],
      ['AMBER', 80, 90],
      ['RED', 90, 100],
    ])
  })
  it('clips zones to the axis and drops those outside it', () => {
    expect(zonesFor(numericThresholds(hiw('5', '10', '2')), [6, 9])).toEqual([{ status: 'AMBER', y1: 6, y2: 9 }])
  })
  it('draws nothing when the set lacks its direction’s thresholds', () => {
    expect(zonesFor(numericThresholds({ set_seq: 1, direction: 'higher_is_worse', target: '2' }), domain)).toEqual([])
  })
})

describe('zoneSegments', () => {
  it('merges periods under the same thresholds and steps halfway between periods when they change', () => {
    const a = hiw('5', '10', '2', 1)
    const b = hiw('6', '12', '3', 2)
    const points = [point(0, '1', a), point(1, '2', a), point(2, '3', b), point(3, null, b)]
    const segs = zoneSegments(points, [0, 20])
    expect(segs.map((s) => [s.first, s.last, s.x1, s.x2, s.target])).toEqual([
      [0, 1, -0.5, 1.5, 2],
      [2, 3, 1.5, 3.5, 3],
    ])
    expect(segs[1]?.zones[0]).toEqual({ status: 'GREEN', y1: 0, y2: 6 })
  })
  it('leaves periods without thresholds uncovered and does not bridge them', () => {
    const a = hiw('5', '10', '2')
    const segs = zoneSegments([point(0, '1', a), point(1, '1', null), point(2, '1', a)], [0, 20])
    expect(segs.map((s) => [s.first, s.last])).toEqual([
      [0, 0],
      [2, 2],
    ])
  })
})

describe('kriChartModel', () => {
  it('keeps missing periods as gaps and puts a marker near the bottom only on overdue ones', () => {
    const t = hiw('5', '10', '2')
    const model = kriChartModel([
      point(0, '4', t),
      point(1, null, t, { overdue: true }),
      point(2, null, t),
      point(3, '11', t, { status: 'RED' }),
    ])
    expect(model.rows.map((r) => r.value)).toEqual([4, null, null, 11])
    expect(model.rows.map((r) => r.overdueY != null)).toEqual([false, true, false, false])
    const [lo, hi] = model.domain
    const y = model.rows[1]?.overdueY ?? NaN
    expect(y).toBeGreaterThan(lo)
    expect(y).toBeLessThan(lo + (hi - lo) * 0.1)
    expect(model.rows[3]?.status).toBe('RED')
    expect(model.ticks).toEqual([0, 1, 2, 3])
  })
})

describe('axis helpers', () => {
  it('spaces ticks evenly and always ends on the last period', () => {
    expect(indexTicks(0)).toEqual([])
    expect(indexTicks(5, 8)).toEqual([0, 1, 2, 3, 4])
    expect(indexTicks(24, 8)).toEqual([2, 5, 8, 11, 14, 17, 20, 23])
    expect(indexTicks(10, 4).at(-1)).toBe(9)
  })
  it('labels a period by its frequency', () => {
    expect(periodLabel('MONTHLY', '2026-10-01', '2026-10-31')).toBe('2026-10')
    expect(periodLabel('QUARTERLY', '2026-10-01', '2026-12-31')).toBe('2026 Q4')
    expect(periodLabel('QUARTERLY', '2026-04-01', '2026-06-30')).toBe('2026 Q2')
    expect(periodLabel('ANNUALLY', '2026-01-01', '2026-12-31')).toBe('2026')
    expect(periodLabel('WEEKLY', '2026-11-16', '2026-11-22')).toBe('2026-11-22')
  })
  it('states the thresholds in words', () => {
    expect(thresholdSummary(hiw('5.0000', '10', '2'))).toBe('Amber 5 · Red 10 · Target 2')
    expect(
      thresholdSummary({
        set_seq: 1,
        direction: 'within_band',
        red_low: '10',
        amber_low: '20',
        amber_high: '80',
        red_high: '90',
        target: '50',
      }),
    ).toBe('Red low 10 · Amber low 20 · Amber high 80 · Red high 90 · Target 50')
    expect(thresholdSummary(null)).toBe('No thresholds')
  })
})

describe('risk trends', () => {
  const bands = [
    { code: 'LOW', label: 'Low', colour: '#2E7D32', text_colour: '#FFFFFF' },
    { code: 'MEDIUM', label: 'Medium', colour: '#F9A825', text_colour: '#000000' },
  ]
  it('places snapshots on a time axis with their band colours', () => {
    const rows = riskTrendRows(
      [
        {
          taken_at: '2026-01-10T09:00:00.000Z',
          trigger: 'APPROVAL',
          inherent_score: 9,
          inherent_band: 'MEDIUM',
          residual_score: 4,
          residual_band: 'LOW',
          control_count: 2,
          worst_kri_status: null,
        },
      ],
      bands,
    )
    expect(rows[0]?.t).toBe(Date.parse('2026-01-10T09:00:00.000Z'))
    expect(rows[0]?.inherentBand?.colour).toBe('#F9A825')
    expect(rows[0]?.residualBand?.label).toBe('Low')
  })
  it('stacks portfolio counts per band with zeros filled and unknown codes appended', () => {
    const { rows, series } = portfolioSeries(
      [
        { date: '2026-01-31', counts: { LOW: 2 } },
        { date: '2026-02-28', counts: { MEDIUM: 1, OLD: 1 } },
      ],
      bands,
    )
    expect(series.map((s) => s.code)).toEqual(['LOW', 'MEDIUM', 'OLD'])
    expect(rows).toEqual([
      { date: '2026-01-31', LOW: 2, MEDIUM: 0, OLD: 0 },
      { date: '2026-02-28', LOW: 0, MEDIUM: 1, OLD: 1 },
    ])
  })
})

describe('niceTicks', () => {
  it('picks round steps inside the padded domain', () => {
    expect(niceTicks([0.9, 14.1])).toEqual([2.5, 5, 7.5, 10, 12.5])
    expect(niceTicks([1.8, 100.2])).toEqual([20, 40, 60, 80, 100])
    expect(niceTicks([93.42, 100.38])).toEqual([94, 96, 98, 100])
    expect(niceTicks([-1, 1])).toEqual([-1, -0.5, 0, 0.5, 1])
    expect(niceTicks([5, 5])).toEqual([5])
  })
})
