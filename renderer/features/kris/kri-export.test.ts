import { describe, expect, it } from 'vitest'
import { toCsv } from '#renderer/lib/csv'
import { decimalCell } from './kri-export'

describe('decimalCell', () => {
  it('keeps KRI decimals exact with their own number of places', () => {
    expect(decimalCell('12.5')).toEqual({ minor: 125, digits: 1 })
    expect(decimalCell('-0.0001')).toEqual({ minor: -1, digits: 4 })
    expect(decimalCell('10')).toEqual({ minor: 10, digits: 0 })
    expect(decimalCell('3.5000')).toEqual({ minor: 35, digits: 1 })
    expect(decimalCell(null)).toBeNull()
    expect(toCsv({ columns: [{ header: 'v', kind: 'decimal' }], rows: [[decimalCell('-0.0001')]] })).toBe(
      '\uFEFFv\r\n-0.0001\r\n',
    )
  })
})
