import type { Db } from '../db/schema'

// Currency conversion of incidents §4 and Reports §2.4, exact: the rate is a decimal string and every step is
// integer arithmetic on BigInt, so no binary fraction ever rounds a cent the wrong way.

/** A positive decimal: at most 12 integer digits and 10 decimals, no sign, no exponent (Reports §3.5). */
export const RATE_PATTERN = /^(\d{1,12})(?:\.(\d{1,10}))?$/

export type ParsedRate = { units: bigint; scale: number }

/** "0.9200" → 9200 × 10^-4; null when the text is not a rate. */
export function parseRate(rate: string): ParsedRate | null {
  const m = RATE_PATTERN.exec(rate)
  if (!m) return null
  const fraction = m[2] ?? ''
  return { units: BigInt(`${m[1]}${fraction}`), scale: fraction.length }
}

/** n / 10^k rounded half away from zero. */
function divPow10HalfAway(n: bigint, k: number): bigint {
  if (k <= 0) return n * 10n ** BigInt(-k)
  const d = 10n ** BigInt(k)
  const abs = n < 0n ? -n : n
  const q = abs / d
  const rounded = (abs % d) * 2n >= d ? q + 1n : q
  return n < 0n ? -rounded : rounded
}

/** round_half_away_from_zero(amount × rate × 10^(d_rep − d_cur)), exactly. */
export function toReportingMinorExact(
  amount: bigint,
  currencyDigits: number,
  reportingDigits: number,
  rate: string,
): bigint {
  const r = parseRate(rate)
  if (!r) throw new RangeError(`Not an exchange rate: '${rate}'.`)
  return divPow10HalfAway(amount * r.units, r.scale - (reportingDigits - currencyDigits))
}

/** The same in `number` minor units (money stays within ±10^15, far inside the safe-integer range). */
export function toReportingMinor(
  amount: number,
  currencyDigits: number,
  reportingDigits: number,
  rate: string,
): number {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Not a whole number of minor units: ${amount}.`)
  const out = toReportingMinorExact(BigInt(amount), currencyDigits, reportingDigits, rate)
  if (out > BigInt(Number.MAX_SAFE_INTEGER) || out < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError('The converted amount is out of range.')
  return Number(out)
}

export type RateOnFile = { id: string; currency_code: string; rate_date: string; rate: string }

/** The latest rate of `currency` dated on or before `onDate` (YYYY-MM-DD), or null when none exists. */
export async function findRate(
  db: Db,
  currency: string,
  onDate: string,
  tenantId?: string,
): Promise<RateOnFile | null> {
  let q = db
    .selectFrom('fx_rate')
    .select(['id', 'currency_code', 'rate_date', 'rate'])
    .where('currency_code', '=', currency)
    .where('rate_date', '<=', onDate)
  if (tenantId !== undefined) q = q.where('tenant_id', '=', tenantId)
  return (await q.orderBy('rate_date', 'desc').limit(1).executeTakeFirst()) ?? null
}
