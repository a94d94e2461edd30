/** A draw in [0, 1), 2^-32 resolution. */
export type Rng = () => number

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator), started from the 32-bit state `state` (incidents §12).
 * Pure: the same state always yields the same sequence on every engine and machine.
 */
export function mulberry32(state: number): Rng {
  let a = state >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** U{lo..hi}, both ends included. */
export const intBetween = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1))

/** A uniform pick from a non-empty list. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}
