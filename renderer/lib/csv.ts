import { decimalText, isDecimal, type Cell, type Sheet } from './sheet'

// Spreadsheet programs run a cell that starts with one of these as a formula (CSV injection): such text gets a
// leading apostrophe, which they show as plain text. Numbers are written as numbers and never guarded.
const FORMULA_START = /^[=+\-@\t\r]/

function cellText(cell: Cell): string {
  if (cell === null) return ''
  if (isDecimal(cell)) return decimalText(cell)
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell)
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}

/** RFC 4180: a field holding a comma, a double quote or a line break is quoted, with quotes doubled. */
export function csvField(cell: Cell): string {
  const text = cellText(cell)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The whole file: UTF-8 BOM (so spreadsheet programs read the encoding right), CRLF after every record. */
export function toCsv(sheet: Pick<Sheet, 'columns' | 'rows'>): string {
  const lines = [sheet.columns.map((c) => csvField(c.header)), ...sheet.rows.map((r) => r.map(csvField))]
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`
}
