import type { Cell, CellKind, Sheet } from '#renderer/lib/sheet'
import type { IncidentForm, IncidentRow } from '#renderer/types'

type Column = { header: string; kind: CellKind; width?: number; value: (r: IncidentRow) => Cell }
type Digits = (currency: string) => number

/**
 * incidents §17 "Export what you see": the list row, every amount in minor and major units, the dates and the
 * classification codes. Timestamps are UTC, as stored.
 */
export function incidentColumns(form: IncidentForm | null, digits: Digits): Column[] {
  const reporting = form?.reporting_currency ?? null
  const basel = new Map((form?.basel_event_types ?? []).map((t) => [t.id, t]))
  const level1 = (id: string | null) => {
    const t = id === null ? undefined : basel.get(id)
    return t ? (t.parent_id ?? t.id) : id
  }
  const major = (minor: number | null, currency: string | null): Cell =>
    minor === null || currency === null ? null : { minor, digits: digits(currency) }

  return [
    { header: 'Ref', kind: 'text', width: 22, value: (r) => r.ref },
    { header: 'Title', kind: 'text', width: 40, value: (r) => r.title },
    { header: 'Status', kind: 'text', value: (r) => r.status },
    { header: 'Status name', kind: 'text', width: 24, value: (r) => r.status_name },
    { header: 'Severity', kind: 'text', value: (r) => r.severity },
    { header: 'Near miss', kind: 'boolean', value: (r) => r.near_miss },
    { header: 'Business unit', kind: 'text', width: 18, value: (r) => r.business_unit_name },
    { header: 'Simplified type code', kind: 'text', value: (r) => r.simplified_event_type_id },
    { header: 'Simplified type', kind: 'text', width: 24, value: (r) => r.simplified_event_type_name },
    { header: 'Basel event type code', kind: 'text', value: (r) => r.basel_event_type_id },
    {
      header: 'Basel event type',
      kind: 'text',
      width: 30,
      value: (r) => basel.get(r.basel_event_type_id ?? '')?.name ?? null,
    },
    { header: 'Basel level 1 code', kind: 'text', value: (r) => level1(r.basel_event_type_id) },
    { header: 'Business line code', kind: 'text', value: (r) => r.basel_business_line_id },
    { header: 'Currency', kind: 'text', value: (r) => r.currency_code },
    { header: 'Gross loss (minor units)', kind: 'integer', value: (r) => r.gross_loss_amount },
    { header: 'Gross loss', kind: 'decimal', value: (r) => major(r.gross_loss_amount, r.currency_code) },
    { header: 'Net loss (minor units)', kind: 'integer', value: (r) => r.net_loss_amount },
    { header: 'Net loss', kind: 'decimal', value: (r) => major(r.net_loss_amount, r.currency_code) },
    { header: 'Reporting currency', kind: 'text', value: () => reporting },
    { header: 'Gross loss in reporting currency (minor units)', kind: 'integer', value: (r) => r.gross_loss_reporting },
    {
      header: 'Gross loss in reporting currency',
      kind: 'decimal',
      value: (r) => major(r.gross_loss_reporting, reporting),
    },
    { header: 'Assignee', kind: 'text', width: 20, value: (r) => r.assignee_name },
    { header: 'Reported by', kind: 'text', width: 20, value: (r) => r.creator_name },
    { header: 'Current due (UTC)', kind: 'datetime', width: 20, value: (r) => r.current_due_at },
    { header: 'Overdue stage', kind: 'text', value: (r) => r.overdue_stage },
    { header: 'Discovered (UTC)', kind: 'datetime', width: 20, value: (r) => r.discovered_at },
    { header: 'First accounting date', kind: 'date', value: (r) => r.first_accounting_date },
    { header: 'Created (UTC)', kind: 'datetime', width: 20, value: (r) => r.created_at },
    { header: 'Updated (UTC)', kind: 'datetime', width: 20, value: (r) => r.updated_at },
    { header: 'Deleted (UTC)', kind: 'datetime', width: 20, value: (r) => r.deleted_at },
    { header: 'Id', kind: 'text', width: 38, value: (r) => r.id },
  ]
}

export function incidentSheet(
  name: string,
  rows: readonly IncidentRow[],
  form: IncidentForm | null,
  digits: Digits,
): Sheet {
  const columns = incidentColumns(form, digits)
  return {
    name,
    columns: columns.map(({ header, kind, width }) => ({ header, kind, ...(width ? { width } : {}) })),
    rows: rows.map((r) => columns.map((c) => c.value(r))),
  }
}
