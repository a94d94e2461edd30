/** An exported table, independent of the file format: what CSV and XLSX both write. */
export type CellKind = 'text' | 'integer' | 'decimal' | 'datetime' | 'date' | 'boolean'

/** Major units kept exact: the minor-unit integer and the currency's number of decimals. */
export type Decimal = { minor: number; digits: number }
export type Cell = string | number | boolean | Decimal | null

export type SheetColumn = { header: string; kind: CellKind; width?: number }
export type Sheet = { name: string; columns: readonly SheetColumn[]; rows: readonly (readonly Cell[])[] }

export const isDecimal = (c: Cell): c is Decimal => typeof c === 'object' && c !== null

/** `123456` with 2 digits → `1234.56`; never through floating point, so every amount prints exactly. */
export function decimalText({ minor, digits }: Decimal): string {
  const sign = minor < 0 ? '-' : ''
  const text = Math.abs(Math.trunc(minor))
    .toString()
    .padStart(digits + 1, '0')
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`
}
