import { api } from '#renderer/api'
import { allPages, pageInput } from '#renderer/lib/all-pages'
import type { Cell, CellKind, Sheet } from '#renderer/lib/sheet'
import type { RegisterQuery } from './list-filters'
import type { RiskRow } from './risk-types'

/** Every risk the register's filters and the caller's visibility give: risk.list, paged to its end. */
export const allRiskRows = (query: RegisterQuery, progress: (n: number) => void): Promise<RiskRow[]> =>
  allPages((cursor) => api.call('risk.list', pageInput(query, cursor)), progress)

type Column = { header: string; kind: CellKind; width?: number; value: (r: RiskRow) => Cell }

// risks.md §15 register columns, the scores split into their parts; timestamps in UTC as stored.
export const RISK_EXPORT_COLUMNS: readonly Column[] = [
  { header: 'Ref', kind: 'text', width: 22, value: (r) => r.ref },
  { header: 'Title', kind: 'text', width: 50, value: (r) => r.title },
  { header: 'Status', kind: 'text', value: (r) => r.status },
  { header: 'Status name', kind: 'text', width: 26, value: (r) => r.status_label },
  { header: 'Category', kind: 'text', width: 20, value: (r) => r.risk_category_name },
  { header: 'Basel event type', kind: 'text', value: (r) => r.basel_event_type_id },
  { header: 'Business unit', kind: 'text', width: 20, value: (r) => r.business_unit_name },
  { header: 'Owner', kind: 'text', width: 22, value: (r) => r.owner_name },
  { header: 'Inherent likelihood', kind: 'integer', value: (r) => r.inherent_likelihood },
  { header: 'Inherent impact', kind: 'integer', value: (r) => r.inherent_impact },
  { header: 'Inherent score', kind: 'integer', value: (r) => r.inherent_score },
  { header: 'Inherent band', kind: 'text', value: (r) => r.bands.inherent?.label ?? r.inherent_band },
  { header: 'Residual likelihood', kind: 'integer', value: (r) => r.residual_likelihood },
  { header: 'Residual impact', kind: 'integer', value: (r) => r.residual_impact },
  { header: 'Residual score', kind: 'integer', value: (r) => r.residual_score },
  { header: 'Residual band', kind: 'text', value: (r) => r.bands.residual?.label ?? r.residual_band },
  { header: 'Controls', kind: 'integer', value: (r) => r.control_count },
  { header: 'Active controls', kind: 'integer', value: (r) => r.active_control_count },
  { header: 'Next review', kind: 'date', value: (r) => r.next_review_date },
  { header: 'Acceptance', kind: 'text', width: 28, value: (r) => r.acceptance?.label ?? null },
  { header: 'Submitted (UTC)', kind: 'datetime', width: 20, value: (r) => r.submitted_for_review_at },
  { header: 'Created (UTC)', kind: 'datetime', width: 20, value: (r) => r.created_at },
  { header: 'Updated (UTC)', kind: 'datetime', width: 20, value: (r) => r.updated_at },
  { header: 'Id', kind: 'text', width: 38, value: (r) => r.id },
]

export function riskSheet(name: string, rows: readonly RiskRow[]): Sheet {
  return {
    name,
    columns: RISK_EXPORT_COLUMNS.map(({ header, kind, width }) => ({ header, kind, ...(width ? { width } : {}) })),
    rows: rows.map((r) => RISK_EXPORT_COLUMNS.map((c) => c.value(r))),
  }
}
