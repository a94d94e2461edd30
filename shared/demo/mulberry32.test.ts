import { describe, expect, it } from 'vitest'
import { intBetween, mulberry32, pick } from './mulberry32'

// Reference outputs (as unsigned 32-bit words) computed by an independent implementation with unsigned arithmetic.
const VECTORS: [number, number[]][] = [
  [1, [2693262067, 11749833, 2265367787, 4213581821]],
  [0, [1144304738, 1416247, 958946056, 627933444]],
  [4294967295, [3850105811, 813802916, 3073704848, 4054706436]],
  [123456789, [1107202814, 4169434471, 3372958138, 885470128]],
]

describe('mulberry32', () => {
  for (const [state, words] of VECTORS)
    it(`state ${state} gives the reference sequence`, () => {
      const rng = mulberry32(state)
      expect(words.map(() => rng() * 4294967296)).toEqual(words)
    })

  it('the same state replays the same sequence; another state does not', () => {
    const a = mulberry32(42)
    const b = mulberry32(42)
    const c = mulberry32(43)
    const seqA = Array.from({ length: 100 }, a)
    expect(Array.from({ length: 100 }, b)).toEqual(seqA)
    expect(Array.from({ length: 100 }, c)).not.toEqual(seqA)
  })

  it('draws lie in [0, 1) and are roughly uniform', () => {
    const rng = mulberry32(7)
    const buckets = new Array<number>(10).fill(0)
    let outside = 0
    for (let i = 0; i < 100_000; i++) {
      const x = rng()
      if (!(x >= 0 && x < 1)) outside++
      else buckets[Math.floor(x * 10)]! += 1
    }
    expect(outside).toBe(0)
    for (const n of buckets) expect(Math.abs(n - 10_000)).toBeLessThan(500)
  })

  it('intBetween covers both ends and nothing outside; pick reaches every item', () => {
    const rng = mulberry32(3)
    const seen = new Set<number>()
    for (let i = 0; i < 10_000; i++) seen.add(intBetween(rng, 1, 48))
    expect([...seen].sort((x, y) => x - y)).toEqual(Array.from({ length: 48 }, (_, i) => i + 1))
    const picked = new Set<string>()
    for (let i = 0; i < 1_000; i++) picked.add(pick(rng, ['a', 'b', 'c']))
    expect(picked).toEqual(new Set(['a', 'b', 'c']))
    expect(() => pick(rng, [])).toThrow()
  })
})
