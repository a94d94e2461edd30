import { GROSS_MESSAGE, GrossLoss, MAX_MONEY } from '#shared/incidents/incident.schema'

/** `EUR 1,234.56`: minor units shown in major units with the currency's own number of decimals. */
export function formatMoney(minor: number, currency: string, digits: number): string {
  const sign = minor < 0 ? '-' : ''
  const text = Math.abs(Math.trunc(minor))
    .toString()
    .padStart(digits + 1, '0')
  const whole = text.slice(0, text.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const fraction = digits > 0 ? `.${text.slice(text.length - digits)}` : ''
  return `${currency} ${sign}${whole}${fraction}`
}

export type ParsedAmount = { ok: true; minor: number | null } | { ok: false; message: string }

// Plain digits, or digits grouped by commas, with an optional decimal part: "1234.5", "1,234.56".
const AMOUNT = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/

/** Major units as typed → integer minor units; an empty box means "not known yet" (null), never 0. */
export function parseAmount(typed: string, currency: string, digits: number): ParsedAmount {
  const text = typed.trim().replace(/\s/g, '')
  if (text === '') return { ok: true, minor: null }
  const match = AMOUNT.exec(text)
  if (!match) return { ok: false, message: 'Enter an amount like 1,234.56.' }
  const whole = (match[1] ?? '0').replace(/,/g, '')
  const fraction = match[2] ?? ''
  if (fraction.length > digits)
    return {
      ok: false,
      message:
        digits === 0 ? `${currency} amounts have no decimals.` : `${currency} amounts have at most ${digits} decimals.`,
    }
  // BigInt: sixteen typed digits would already lose precision as a double before the range check.
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0')
  if (minor > BigInt(MAX_MONEY)) return { ok: false, message: GROSS_MESSAGE }
  const checked = GrossLoss.safeParse(Number(minor))
  return checked.success ? { ok: true, minor: checked.data } : { ok: false, message: GROSS_MESSAGE }
}

/** Minor units → the text an amount input starts with (`1234.50`): no grouping, the currency's decimals. */
export function minorToInput(minor: number | null, digits: number): string {
  if (minor === null) return ''
  return formatMoney(minor, '', digits).trim().replace(/,/g, '')
}

/** Minor units in major units as a number, for spreadsheets (exact for every amount below 2^53). */
export function minorToMajor(minor: number, digits: number): number {
  return minor / 10 ** digits
}
