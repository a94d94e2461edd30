import type { InputOf, OutputOf } from '#shared/catalogue/types'
import { api } from '#renderer/api'
import { allPages, pageInput } from './all-pages'
import type { Cell, CellKind, Sheet } from './sheet'

type ListInput = InputOf<'measure.list'>
type Row = OutputOf<'measure.list'>['items'][number]
type Detail = OutputOf<'measure.get'>

const PARALLEL = 6

/** Every measure the current filters and the caller's visibility give: measure.list, paged to its end. */
export const allMeasureRows = (input: ListInput, progress: (n: number) => void): Promise<Row[]> =>
  allPages((cursor) => api.call('measure.list', pageInput(input, cursor)), progress)

/**
 * measures §16 wants the linked refs and the started/submitted/closed times, which list rows do not carry: each
 * row's measure.get fills them in, a few at a time.
 */
export async function measureDetails(
  rows: readonly Row[],
  progress: (n: number) => void,
): Promise<Map<string, Detail>> {
  const out = new Map<string, Detail>()
  let next = 0
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++]
      if (!row) continue
      out.set(row.id, await api.call('measure.get', { id: row.id }))
      progress(out.size)
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, rows.length) }, worker))
  return out
}

type Column = { header: string; kind: CellKind; width?: number; value: (r: Row, d: Detail | undefined) => Cell }

// Timestamps in UTC, as stored; the deadline is a calendar date.
const COLUMNS: readonly Column[] = [
  { header: 'Ref', kind: 'text', width: 22, value: (r) => r.ref },
  { header: 'Description', kind: 'text', width: 60, value: (r, d) => d?.description ?? r.description },
  { header: 'Status', kind: 'text', value: (r) => r.status },
  { header: 'Status name', kind: 'text', width: 16, value: (r) => r.status_name },
  { header: 'Responsible', kind: 'text', width: 22, value: (r) => r.responsible_name },
  { header: 'Responsible email', kind: 'text', width: 26, value: (_, d) => d?.responsible.email ?? null },
  { header: 'Deadline', kind: 'date', value: (r) => r.deadline },
  { header: 'Overdue', kind: 'boolean', value: (r) => r.is_overdue },
  {
    header: 'Linked incidents',
    kind: 'text',
    width: 30,
    value: (_, d) => d?.linked_incidents.map((i) => i.ref).join('; ') ?? null,
  },
  {
    header: 'Linked risks',
    kind: 'text',
    width: 30,
    value: (_, d) => d?.linked_risks.map((i) => i.ref).join('; ') ?? null,
  },
  { header: 'Created by', kind: 'text', width: 22, value: (_, d) => d?.created_by.full_name ?? null },
  { header: 'Created (UTC)', kind: 'datetime', width: 20, value: (r) => r.created_at },
  { header: 'Started (UTC)', kind: 'datetime', width: 20, value: (_, d) => d?.started_at ?? null },
  { header: 'Submitted (UTC)', kind: 'datetime', width: 20, value: (r) => r.submitted_at },
  { header: 'Closed (UTC)', kind: 'datetime', width: 20, value: (_, d) => d?.closed_at ?? null },
  { header: 'Id', kind: 'text', width: 38, value: (r) => r.id },
]

export function measureSheet(name: string, rows: readonly Row[], details: ReadonlyMap<string, Detail>): Sheet {
  return {
    name,
    columns: COLUMNS.map(({ header, kind, width }) => ({ header, kind, ...(width ? { width } : {}) })),
    rows: rows.map((r) => COLUMNS.map((c) => c.value(r, details.get(r.id)))),
  }
}
