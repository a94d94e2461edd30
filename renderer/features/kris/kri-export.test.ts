import { describe, expect, it } from 'vitest'
import { toCsv } from '#renderer/lib/csv'
import { allPages, decimalCell } from './kri-export'

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

describe('allPages', () => {
  it('follows next_cursor to the end', async () => {
    const pages: Record<string, { items: number[]; next_cursor: string | null }> = {
      start: { items: [1, 2], next_cursor: 'b' },
      b: { items: [3], next_cursor: null },
    }
    const seen: number[] = []
    expect(
      await allPages(
        async (c) => pages[c ?? 'start']!,
        (n) => seen.push(n),
      ),
    ).toEqual([1, 2, 3])
    expect(seen).toEqual([2, 3])
  })
})
