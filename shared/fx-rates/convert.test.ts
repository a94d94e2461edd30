import { describe, expect, it } from 'vitest'
import { parseRate, toReportingMinor, toReportingMinorExact } from './convert'
import { rateIssue } from './fx-rate.rules'

const t = (amount: number, dCur: number, dRep: number, rate: string, expected: number) =>
  it(`${amount} (${dCur} digits) × ${rate} → ${expected} (${dRep} digits)`, () =>
    expect(toReportingMinor(amount, dCur, dRep, rate)).toBe(expected))

describe('toReportingMinor', () => {
  // INC-46: USD 50,000.00 at 0.9 → EUR 45,000.00.
  t(5_000_000, 2, 2, '0.9', 4_500_000)
  t(5_000_000, 2, 2, '0.9000000000', 4_500_000)
  // Reports §6.8 example D: GBP 1,234.57 × 1.1712345 = 144,597.0977… → 144,597; JPY (0 digits) → EUR (2 digits).
  t(123_457, 2, 2, '1.1712345', 144_597)
  t(1_500_000, 0, 2, '0.0061234', 918_510)
  t(10_000_000, 2, 2, '0.9200', 9_200_000)
  // EUR (2 digits) → JPY (0 digits) and → BHD (3 digits).
  t(12_345, 2, 0, '160.5', 19_814)
  t(100, 2, 3, '0.4', 400)
  // Half away from zero, on both sides of zero: 0.5 → 1, 1.5 → 2, 2.5 → 3, −2.5 → −3; 0.4999… → 0.
  t(1, 2, 2, '0.5', 1)
  t(3, 2, 2, '0.5', 2)
  t(5, 2, 2, '0.5', 3)
  t(-5, 2, 2, '0.5', -3)
  t(1, 2, 2, '0.4999999999', 0)
  t(0, 2, 2, '1.2345', 0)

  it('is exact where a double is not: 10^15 minor units at a 10-decimal rate', () => {
    expect(toReportingMinor(1_000_000_000_000_000, 2, 2, '0.0000000001')).toBe(100_000)
    expect(toReportingMinorExact(999_999_999_999_999n, 2, 2, '0.3333333333')).toBe(333_333_333_300_000n)
    // 0.1 + 0.2 in floating point is 0.30000000000000004; here 3 × 0.1 is 0.3 exactly.
    expect(toReportingMinor(15, 2, 2, '0.1')).toBe(2)
  })

  it('refuses text that is not a rate and results beyond the safe range', () => {
    expect(() => toReportingMinor(1, 2, 2, '1e3')).toThrow(RangeError)
    expect(() => toReportingMinor(1_000_000_000_000_000, 2, 2, '999999999999')).toThrow(RangeError)
    expect(() => toReportingMinor(1.5, 2, 2, '1')).toThrow(RangeError)
  })
})

describe('rates', () => {
  it('parses decimal strings without a float', () => {
    expect(parseRate('0.9200')).toEqual({ units: 9200n, scale: 4 })
    expect(parseRate('12')).toEqual({ units: 12n, scale: 0 })
    expect(parseRate('.5')).toBeNull()
  })

  it('Reports §3.5: > 0, at most 10 decimals and 12 integer digits', () => {
    const bad = 'Rate must be a positive number with at most 10 decimal places.'
    expect(rateIssue('0')).toBe(bad)
    expect(rateIssue('0.0000000000')).toBe(bad)
    expect(rateIssue('1.12345678901')).toBe(bad)
    expect(rateIssue('-1')).toBe(bad)
    expect(rateIssue('1e3')).toBe(bad)
    expect(rateIssue('1.')).toBe(bad)
    expect(rateIssue('1234567890123')).toBe('Rate must have at most 12 digits before the decimal point.')
    expect(rateIssue('0.0000000001')).toBeNull()
    expect(rateIssue('999999999999.9999999999')).toBeNull()
  })
})
