import { parseRate } from './convert'

// Value rules and messages of Reports §3.5 and §16, pure so the form gives the same answer early.

export const FX_MESSAGES = {
  forbidden: 'Only Risk Officers and administrators can maintain exchange rates.',
  forbiddenList: 'Your role cannot view exchange rates.',
  rate: 'Rate must be a positive number with at most 10 decimal places.',
  rateDigits: 'Rate must have at most 12 digits before the decimal point.',
  currency: 'Currency not found or inactive.',
  reporting: 'The reporting currency needs no exchange rate.',
  future: 'Rate date cannot be in the future.',
  duplicate: (currency: string, date: string) => `A rate for ${currency} on ${date} already exists.`,
  conflict: 'This exchange rate was changed by someone else. Reload and try again.',
} as const

/** The message for a rate that is not a positive decimal within the limits, or null. */
export function rateIssue(text: string): string | null {
  const intDigits = /^(\d+)(?:\.\d+)?$/.exec(text)?.[1]
  if (intDigits !== undefined && intDigits.replace(/^0+(?=\d)/, '').length > 12) return FX_MESSAGES.rateDigits
  const parsed = parseRate(text)
  if (!parsed || parsed.units === 0n) return FX_MESSAGES.rate
  return null
}

/** Stored form: surrounding space and leading integer zeros dropped; the decimals stay as typed ("0.9200"). */
export function normalizeRate(text: string): string {
  return text.trim().replace(/^0+(?=\d)/, '')
}

/** A real calendar date (2026-02-30 is not). */
export function isCalendarDate(date: string): boolean {
  const ms = Date.parse(`${date}T00:00:00.000Z`)
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date
}
