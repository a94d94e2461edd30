import { describe, expect, it } from 'vitest'
import { datesBetween, meanHours, nextDate } from './metrics.math'

const H = 3_600_000

describe('meanHours', () => {
  const t = (sum: number | string | null, n: number, expected: number | null) =>
    it(`${String(sum)} ms over ${n} → ${String(expected)} h`, () => expect(meanHours(sum, n)).toBe(expected))
  t(6 * H, 2, 3) // INC-47: (2 h + 4 h) / 2
  t(6 * H, 1, 6)
  t(null, 0, null)
  t(0, 0, null)
  t(H, 3, 0.33) // 0.3333…
  t(2 * H, 3, 0.67) // 0.6666…
  t(0.125 * H, 1, 0.13) // exactly half a hundredth: away from zero
  t(-0.125 * H, 1, -0.13)
  t(0.135 * H, 1, 0.14) // 0.135 is not exact in binary floating point; integer maths still rounds it up
  t('183600000000', 5000, 10.2) // PostgreSQL sums come back as text or numbers
  t(1, 1, 0)
})

describe('dates', () => {
  it('lists every date of a range, across a month end and a leap day', () => {
    expect(datesBetween('2028-02-27', '2028-03-02')).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
      '2028-03-02',
    ])
    expect(datesBetween('2026-11-23', '2026-11-23')).toEqual(['2026-11-23'])
  })
  it('nextDate crosses a year end', () => expect(nextDate('2026-12-31')).toBe('2027-01-01'))
})
