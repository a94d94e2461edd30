import { describe, expect, it } from 'vitest'
import { blockSecondsLeft, nextBlock } from './throttle'

const NOW = '2026-11-23T14:05:09.123Z'
const seconds = (failures: number) => {
  const until = nextBlock(failures, NOW)
  return until === null ? 0 : (Date.parse(until) - Date.parse(NOW)) / 1000
}

describe('sign-in throttle', () => {
  it('SEC-14 four failures are free, the 5th blocks 30 s, each further failure doubles, capped at 15 min', () => {
    expect([1, 2, 3, 4].map(seconds)).toEqual([0, 0, 0, 0])
    expect([5, 6, 7, 8, 9].map(seconds)).toEqual([30, 60, 120, 240, 480])
    expect(seconds(10)).toBe(900)
    expect(seconds(30)).toBe(900)
  })

  it('SEC-14 the countdown rounds up and ends at the block time', () => {
    expect(blockSecondsLeft(null, NOW)).toBe(0)
    expect(blockSecondsLeft('2026-11-23T14:05:39.123Z', NOW)).toBe(30)
    expect(blockSecondsLeft('2026-11-23T14:05:09.124Z', NOW)).toBe(1)
    expect(blockSecondsLeft(NOW, NOW)).toBe(0)
  })
})
