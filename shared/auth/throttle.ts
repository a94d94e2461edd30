const BASE_MS = 30_000
const MAX_MS = 15 * 60_000
const FREE_ATTEMPTS = 4

/** After the 5th consecutive failure: blocked 30 s, doubling with each further failure, at most 15 min. */
export function nextBlock(failedSignIns: number, now: string): string | null {
  if (failedSignIns <= FREE_ATTEMPTS) return null
  const ms = Math.min(BASE_MS * 2 ** (failedSignIns - FREE_ATTEMPTS - 1), MAX_MS)
  return new Date(Date.parse(now) + ms).toISOString()
}

export function blockSecondsLeft(blockedUntil: string | null, now: string): number {
  if (!blockedUntil) return 0
  const ms = Date.parse(blockedUntil) - Date.parse(now)
  return ms > 0 ? Math.ceil(ms / 1000) : 0
}
