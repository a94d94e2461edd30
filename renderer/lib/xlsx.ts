import type * as ExcelJS from 'exceljs'
import { isDecimal, type Cell, type Sheet } from './sheet'

type ExcelModule = typeof ExcelJS

// exceljs ships a UMD bundle for browsers: loaded on demand (it is large), default or namespace export alike.
async function loadExcel(): Promise<ExcelModule> {
  const mod = await import('exceljs')
  return (mod as unknown as { default?: ExcelModule }).default ?? mod
}

const numberFormat = (digits: number) => (digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`)

function excelValue(cell: Cell, kind: Sheet['columns'][number]['kind']): string | number | boolean | Date | null {
  if (cell === null) return null
  if (isDecimal(cell)) return cell.minor / 10 ** cell.digits
  if (kind === 'datetime' && typeof cell === 'string') return new Date(cell)
  if (kind === 'date' && typeof cell === 'string') return new Date(`${cell}T00:00:00.000Z`)
  return cell
}

/** One worksheet with a bold, frozen header row; amounts as numbers, times as UTC date cells. */
export async function toXlsx(sheet: Sheet): Promise<Blob> {
  const Excel = await loadExcel()
  const workbook = new Excel.Workbook()
  workbook.creator = 'RiskDesk'
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(12, c.header.length + 2) }))
  ws.getRow(1).font = { bold: true }
  for (const row of sheet.rows) {
    const added = ws.addRow(row.map((cell, n) => excelValue(cell, sheet.columns[n]?.kind ?? 'text')))
    row.forEach((cell, n) => {
      const kind = sheet.columns[n]?.kind
      const target = added.getCell(n + 1)
      if (isDecimal(cell)) target.numFmt = numberFormat(cell.digits)
      else if (kind === 'datetime' && cell !== null) target.numFmt = 'yyyy-mm-dd hh:mm:ss'
      else if (kind === 'date' && cell !== null) target.numFmt = 'yyyy-mm-dd'
    })
  }
  const buffer = await workbook.xlsx.writeBuffer()
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
}
