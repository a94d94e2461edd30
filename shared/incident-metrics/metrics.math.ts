const MS_PER_HOUR = 3_600_000n

function toBigInt(v: number | string | bigint): bigint {
  if (typeof v === 'bigint') return v
  if (typeof v === 'number') return BigInt(Math.round(v))
  return BigInt(v.includes('.') ? v.slice(0, v.indexOf('.')) : v)
}

/**
 * `round_half_away_from_zero(Σ ms / n / 3,600,000, 2)` hours (incidents §11), in exact integer arithmetic so
 * a mean of exactly x.xx5 h rounds the way the spec says; null when n = 0.
 */
export function meanHours(sumMs: number | string | bigint | null, n: number | string | bigint): number | null {
  const count = toBigInt(n)
  if (count === 0n || sumMs === null) return null
  const num = toBigInt(sumMs) * 100n
  const den = count * MS_PER_HOUR
  const abs = num < 0n ? -num : num
  const hundredths = (2n * abs + den) / (2n * den)
  return (num < 0n ? -Number(hundredths) : Number(hundredths)) / 100
}

/** Every calendar date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = []
  const end = Date.parse(`${to}T00:00:00.000Z`)
  for (let t = Date.parse(`${from}T00:00:00.000Z`); t <= end; t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10))
  return out
}

/** The next calendar date, for an inclusive upper bound on a timestamp column. */
export const nextDate = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10)
