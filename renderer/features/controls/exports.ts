// The sheets the controls screens export (controls.md §8.1, §8.2, §11): pure, from the query answers.
import type { Cell, CellKind, Sheet } from '#renderer/lib/sheet'
import type { ControlRow, CoverageAnswer, MatrixAnswer } from './control-types'
import {
  effectivenessText,
  evidenceStatusLabel,
  frequencyLabel,
  implementationLabel,
  natureLabel,
  riskStatusLabel,
  testResultLabel,
  typeLabel,
} from './labels'

type Column<R> = { header: string; kind: CellKind; width?: number; value: (r: R) => Cell }

const sheetOf = <R>(name: string, columns: readonly Column<R>[], rows: readonly R[]): Sheet => ({
  name,
  columns: columns.map(({ header, kind, width }) => ({ header, kind, ...(width ? { width } : {}) })),
  rows: rows.map((r) => columns.map((c) => c.value(r))),
})

const LIBRARY: readonly Column<ControlRow>[] = [
  { header: 'Ref', kind: 'text', width: 24, value: (r) => r.ref },
  { header: 'Code', kind: 'text', width: 12, value: (r) => r.code },
  { header: 'Title', kind: 'text', width: 36, value: (r) => r.title },
  { header: 'Type', kind: 'text', value: (r) => typeLabel(r.control_type) },
  { header: 'Nature', kind: 'text', width: 20, value: (r) => natureLabel(r.control_nature) },
  { header: 'Frequency', kind: 'text', width: 20, value: (r) => frequencyLabel(r.control_frequency) },
  { header: 'Design effectiveness', kind: 'integer', value: (r) => r.effectiveness },
  {
    header: 'Design effectiveness label',
    kind: 'text',
    value: (r) => effectivenessText(r.effectiveness).replace(/^\d /, ''),
  },
  { header: 'Owner', kind: 'text', width: 22, value: (r) => r.owner_name },
  { header: 'Business unit', kind: 'text', width: 18, value: (r) => r.business_unit_name },
  { header: 'Status', kind: 'text', value: (r) => (r.is_active ? 'Active' : 'Inactive') },
  { header: 'Implementation', kind: 'text', value: (r) => implementationLabel(r.implementation_status) },
  { header: 'Group-wide', kind: 'boolean', value: (r) => r.group_wide },
  { header: 'Evidence', kind: 'text', width: 18, value: (r) => evidenceStatusLabel(r.evidence_status) },
  { header: 'Last test', kind: 'text', width: 18, value: (r) => testResultLabel(r.last_test_result) },
  { header: 'Last test date', kind: 'date', value: (r) => r.last_test_date },
  { header: 'ACTIVE linked risks', kind: 'integer', value: (r) => r.active_risks_count },
  { header: 'Linked risks', kind: 'integer', value: (r) => r.linked_risks_count },
  { header: 'Updated (UTC)', kind: 'datetime', width: 20, value: (r) => r.updated_at },
  { header: 'Id', kind: 'text', width: 38, value: (r) => r.id },
]

/** controls.md §11 library export: the filtered set, one row per control. */
export const librarySheet = (rows: readonly ControlRow[]) => sheetOf('Controls library', LIBRARY, rows)

/** §8.1: risk ref and title first, one column per control headed "code title", "X" where linked. */
export function matrixSheet(m: MatrixAnswer): Sheet {
  return {
    name: 'Risk-control matrix',
    columns: [
      { header: 'Risk', kind: 'text', width: 24 },
      { header: 'Title', kind: 'text', width: 40 },
      ...m.columns.map((c) => ({ header: c.header, kind: 'text' as const, width: 18 })),
    ],
    rows: m.rows.map((r) => [r.ref, r.title, ...r.cells.map((c) => (c.linked ? 'X' : null))]),
  }
}

type CoverageRow = {
  section: string
  item: string | null
  title: string | null
  status: string | null
  unit: string | null
  value: string | number | null
}

/** §8.2 export: the metrics, then each list, in one sheet with a section column. */
export function coverageSheet(c: CoverageAnswer): Sheet {
  const metric = (item: string, value: string | number | null): CoverageRow => ({
    section: 'Metric',
    item,
    title: null,
    status: null,
    unit: null,
    value,
  })
  const riskRow = (section: string) => (r: CoverageAnswer['risks_without_controls']['items'][number]) => ({
    section,
    item: r.ref,
    title: r.title,
    status: riskStatusLabel(r.status),
    unit: r.business_unit_name,
    value: r.control_count,
  })
  const rows: CoverageRow[] = [
    metric('Total controls', c.total_controls),
    metric('Active controls', c.active_controls),
    metric('Average design effectiveness', c.avg_design_effectiveness),
    ...Object.entries(c.by_type).map(([k, n]) => metric(`Active ${typeLabel(k).toLowerCase()} controls`, n)),
    ...Object.entries(c.by_nature).map(([k, n]) => metric(`Active ${natureLabel(k)} controls`, n)),
    metric('Controls with expired evidence', c.evidence_expired_count),
    metric('Controls last tested Ineffective', c.last_test_ineffective_count),
    metric('Risks counted', c.risks_counted),
    metric('Risks without controls', c.risks_without_controls.count),
    metric('Risks with fewer than 3 controls', c.risks_with_fewer_than_3_controls.count),
    ...c.risks_without_controls.items.map(riskRow('Risks without controls')),
    ...c.risks_with_fewer_than_3_controls.items.map(riskRow('Risks with fewer than 3 controls')),
    ...c.most_used_controls.map((m) => ({
      section: 'Most used controls',
      item: m.code,
      title: m.title,
      status: null,
      unit: null,
      value: m.risk_count,
    })),
  ]
  return sheetOf(
    'Control coverage',
    [
      { header: 'Section', kind: 'text', width: 30, value: (r: CoverageRow) => r.section },
      { header: 'Item', kind: 'text', width: 32, value: (r) => r.item },
      { header: 'Title', kind: 'text', width: 40, value: (r) => r.title },
      { header: 'Risk status', kind: 'text', width: 16, value: (r) => r.status },
      { header: 'Business unit', kind: 'text', width: 18, value: (r) => r.unit },
      { header: 'Value', kind: 'text', value: (r) => r.value },
    ],
    rows,
  )
}
