import { describe, expect, it } from 'vitest'
import { FORMAT_MESSAGE, formatE4, formatE4OrNull, parseDecimal, RANGE_MESSAGE, toE4 } from './kri.decimal.rules'

describe('KRI decimals (kris.md §1)', () => {
  it.each([
    ['0', 0],
    ['12.5', 125_000],
    ['0.1', 1_000],
    ['0.2', 2_000],
    ['-1', -10_000],
    ['4.9999', 49_999],
    ['98.0001', 980_001],
    ['-0', 0],
    ['-0.0', 0],
    ['007.50', 75_000],
    ['123456789012', 1_234_567_890_120_000],
  ])('parses %s to %i', (text, e4) => {
    expect(parseDecimal(text)).toEqual({ ok: true, e4 })
  })

  it.each(['5.00001', '1e3', '', '.5', '5.', '+5', ' 5', '5 ', '1,5', 'abc', '--1', '0x10', 'NaN', 'Infinity'])(
    'refuses %j with the format message',
    (text) => {
      expect(parseDecimal(text)).toEqual({ ok: false, message: FORMAT_MESSAGE })
    },
  )

  it('refuses non-strings (a float on the wire) with the format message', () => {
    expect(parseDecimal(12.5)).toEqual({ ok: false, message: FORMAT_MESSAGE })
    expect(parseDecimal(null)).toEqual({ ok: false, message: FORMAT_MESSAGE })
  })

  it('refuses numbers beyond 12 integer digits and beyond the safe integer range as out of range', () => {
    expect(parseDecimal('1234567890123')).toEqual({ ok: false, message: RANGE_MESSAGE })
    expect(parseDecimal('-1234567890123.5')).toEqual({ ok: false, message: RANGE_MESSAGE })
    // 900 719 925 474.0991 × 10 000 = 2^53 − 1, the largest exact value
    expect(parseDecimal('900719925474.0991')).toEqual({ ok: true, e4: Number.MAX_SAFE_INTEGER })
    expect(parseDecimal('-900719925474.0991')).toEqual({ ok: true, e4: -Number.MAX_SAFE_INTEGER })
    expect(parseDecimal('900719925474.0992')).toEqual({ ok: false, message: RANGE_MESSAGE })
    expect(parseDecimal('999999999999.9999')).toEqual({ ok: false, message: RANGE_MESSAGE })
  })

  it('keeps exactness where floats would not (0.1 + 0.2)', () => {
    expect(toE4('0.1') + toE4('0.2')).toBe(toE4('0.3'))
  })

  it.each([
    [0, '0'],
    [125_000, '12.5'],
    [1_000, '0.1'],
    [10_000, '1'],
    [-10_000, '-1'],
    [-1, '-0.0001'],
    [49_999, '4.9999'],
    [2_500_000, '250'],
    [Number.MAX_SAFE_INTEGER, '900719925474.0991'],
    [-Number.MAX_SAFE_INTEGER, '-900719925474.0991'],
  ])('formats %i as %s (trailing zeros trimmed)', (e4, text) => {
    expect(formatE4(e4)).toBe(text)
  })

  it('round-trips every accepted text to its canonical form', () => {
    for (const t of ['1.2300', '-0.5000', '10', '100.0001', '0.0000'])
      expect(formatE4(toE4(t))).toBe(String(Number(t)).replace(/^-0$/, '0'))
    expect(formatE4OrNull(null)).toBeNull()
    expect(formatE4OrNull(5)).toBe('0.0005')
  })

  it('toE4 throws on invalid text', () => {
    expect(() => toE4('1e3')).toThrow(RangeError)
  })
})
