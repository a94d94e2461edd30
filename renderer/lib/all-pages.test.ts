import { describe, expect, it } from 'vitest'
import { allPages, pageInput } from './all-pages'

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

describe('pageInput', () => {
  it('asks for 100 rows and sends the cursor only after the first page', () => {
    expect(pageInput({ q: 'x' }, undefined)).toEqual({ q: 'x', limit: 100 })
    expect(pageInput({ q: 'x' }, 'c1')).toEqual({ q: 'x', limit: 100, cursor: 'c1' })
  })
})
