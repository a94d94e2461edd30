// Exact KRI numbers (kris.md §1): decimal strings on the wire, integers scaled by 10 000 in the store.
//
// Range choice: the wire format allows 12 integer digits, so 999 999 999 999.9999 × 10 000 would exceed 2^53 and
// lose precision as a JS number (both store drivers hand bigint columns back as numbers, and the PostgreSQL one
// refuses an int8 outside the safe range). Parsing therefore runs in BigInt and accepts only scaled values within
// ±Number.MAX_SAFE_INTEGER (|v| ≤ 900 719 925 474.0991); anything larger answers "Number out of range.". Inside
// that range every scaled value is an exact JS integer, so comparisons on numbers are exact.

export const SCALE = 10_000
export const FORMAT_MESSAGE = 'Must be a number with at most 4 decimal places.'
export const RANGE_MESSAGE = 'Number out of range.'

/** The wire format of §1. */
export const DECIMAL_PATTERN = /^-?\d{1,12}(\.\d{1,4})?$/
/** Decimal-looking text that fails only on size (more integer digits): "Number out of range.". */
const OVERSIZED = /^-?\d{13,}(\.\d{1,4})?$/
const MAX_E4 = BigInt(Number.MAX_SAFE_INTEGER)

export type ParsedDecimal = { ok: true; e4: number } | { ok: false; message: string }

/** Parses a wire decimal into its ×10 000 integer, exactly. */
export function parseDecimal(text: unknown): ParsedDecimal {
  if (typeof text !== 'string') return { ok: false, message: FORMAT_MESSAGE }
  if (OVERSIZED.test(text)) return { ok: false, message: RANGE_MESSAGE }
  if (!DECIMAL_PATTERN.test(text)) return { ok: false, message: FORMAT_MESSAGE }
  const negative = text.startsWith('-')
  const [whole, frac = ''] = (negative ? text.slice(1) : text).split('.') as [string, string?]
  const magnitude = BigInt(whole) * BigInt(SCALE) + BigInt(frac.padEnd(4, '0'))
  if (magnitude > MAX_E4) return { ok: false, message: RANGE_MESSAGE }
  const e4 = Number(negative ? -magnitude : magnitude)
  return { ok: true, e4: e4 === 0 ? 0 : e4 }
}

/** The ×10 000 integer of a valid decimal; throws on invalid text (use parseDecimal for user input). */
export function toE4(text: string): number {
  const p = parseDecimal(text)
  if (!p.ok) throw new RangeError(`${text}: ${p.message}`)
  return p.e4
}

/** The display/wire form of a scaled integer: no trailing zeros, no trailing dot, "-0" never appears. */
export function formatE4(e4: number | bigint): string {
  const n = BigInt(e4)
  const negative = n < 0n
  const abs = negative ? -n : n
  const whole = abs / BigInt(SCALE)
  const frac = (abs % BigInt(SCALE)).toString().padStart(4, '0').replace(/0+$/, '')
  const body = frac ? `${whole}.${frac}` : `${whole}`
  return negative && abs !== 0n ? `-${body}` : body
}

/** A nullable scaled integer as a decimal string, or null. */
export function formatE4OrNull(e4: number | bigint | null | undefined): string | null {
  return e4 === null || e4 === undefined ? null : formatE4(e4)
}
