// The KRI register and breaches report as sheets (CSV / XLSX): exactly the rows the screen lists.
import type { Cell, Decimal, Sheet } from '#renderer/lib/sheet'
import { thresholdText } from './kri-logic'
import type { KriBreachRow, KriRow } from './kri-types'

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/

/** A KRI decimal string as an exact spreadsheet number with its own decimals ("12.5" → 125 with 1 digit). */
export function decimalCell(text: string | null | undefined): Decimal | null {
  const m = text == null ? null : DECIMAL.exec(text)
  if (!m) return null
  const frac = (m[3] ?? '').replace(/0+$/, '')
  return { minor: Number(`${m[1]}${m[2]}${frac}`), digits: frac.length }
}

type Column<R> = { header: string; kind: Sheet['columns'][number]['kind']; width?: number; value: (r: R) => Cell }

const KRI_COLUMNS: readonly Column<KriRow>[] = [
  { header: 'Ref', kind: 'text', width: 24, value: (r) => r.ref },
  { header: 'Name', kind: 'text', width: 36, value: (r) => r.name },
  { header: 'Business unit', kind: 'text', width: 18, value: (r) => r.business_unit.name },
  { header: 'Owner', kind: 'text', width: 22, value: (r) => r.owner.full_name },
  { header: 'Frequency', kind: 'text', value: (r) => r.frequency_label },
  { header: 'Direction', kind: 'text', width: 16, value: (r) => r.direction_label },
  { header: 'Status', kind: 'text', value: (r) => r.current_status },
  { header: 'Latest value', kind: 'decimal', value: (r) => decimalCell(r.current_value) },
  { header: 'Unit', kind: 'text', value: (r) => r.unit },
  { header: 'Latest period start', kind: 'date', value: (r) => r.current_period_start },
  { header: 'Latest period end', kind: 'date', value: (r) => r.current_period_end },
  { header: 'Overdue since', kind: 'date', value: (r) => r.overdue_period_start },
  { header: 'Linked risks', kind: 'text', width: 30, value: (r) => r.linked_risks.map((x) => x.ref).join('; ') },
  { header: 'Linked risks (all)', kind: 'integer', value: (r) => r.linked_risk_count },
  { header: 'Active', kind: 'boolean', value: (r) => r.is_active },
  { header: 'Id', kind: 'text', width: 38, value: (r) => r.id },
]

const BREACH_COLUMNS: readonly Column<KriBreachRow>[] = [
  { header: 'KRI ref', kind: 'text', width: 24, value: (r) => r.kri.ref },
  { header: 'KRI', kind: 'text', width: 36, value: (r) => r.kri.name },
  { header: 'Period start', kind: 'date', value: (r) => r.period_start },
  { header: 'Period end', kind: 'date', value: (r) => r.period_end },
  { header: 'Value', kind: 'decimal', value: (r) => decimalCell(r.value) },
  { header: 'Unit', kind: 'text', value: (r) => r.unit },
  { header: 'Status', kind: 'text', value: (r) => r.status },
  { header: 'Thresholds', kind: 'text', width: 40, value: (r) => thresholdText(r.thresholds) },
  { header: 'Version', kind: 'integer', value: (r) => r.version_no },
  { header: 'Corrected', kind: 'boolean', value: (r) => r.corrected },
  { header: 'Recorded by', kind: 'text', width: 22, value: (r) => r.recorded_by.full_name },
  { header: 'Recorded (UTC)', kind: 'datetime', width: 20, value: (r) => r.recorded_at },
  { header: 'Breach measure', kind: 'text', width: 22, value: (r) => r.breach_measure?.ref ?? null },
  { header: 'Measure status', kind: 'text', value: (r) => r.breach_measure?.status ?? null },
]

function sheetOf<R>(name: string, columns: readonly Column<R>[], rows: readonly R[]): Sheet {
  return {
    name,
    columns: columns.map(({ header, kind, width }) => ({ header, kind, ...(width ? { width } : {}) })),
    rows: rows.map((r) => columns.map((c) => c.value(r))),
  }
}

export const kriSheet = (name: string, rows: readonly KriRow[]) => sheetOf(name, KRI_COLUMNS, rows)
export const breachSheet = (name: string, rows: readonly KriBreachRow[]) => sheetOf(name, BREACH_COLUMNS, rows)
