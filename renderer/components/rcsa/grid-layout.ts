// Pure layout rules for the 5×5 grids (risks.md §11: likelihood 5 at the top, impact 1 on the left) and the
// risk–control matrix paging and highlighting (controls.md §8.1).
import { bandOf } from '#shared/risk-matrix/matrix.bands'
import type { MatrixBand, MatrixLevel, RcmCell, RcmRow } from './types'

/** Likelihood rows top to bottom. */
export const LIKELIHOOD_ORDER = [5, 4, 3, 2, 1] as const
/** Impact columns left to right. */
export const IMPACT_ORDER = [1, 2, 3, 4, 5] as const

export type GridRow<T> = { likelihood: number; cells: { impact: number; cell: T | null }[] }

/** Cells in reading order: rows likelihood 5 → 1, columns impact 1 → 5; a missing cell is null. */
export function gridRows<T extends { likelihood: number; impact: number }>(cells: readonly T[]): GridRow<T>[] {
  return LIKELIHOOD_ORDER.map((likelihood) => ({
    likelihood,
    cells: IMPACT_ORDER.map((impact) => ({
      impact,
      cell: cells.find((c) => c.likelihood === likelihood && c.impact === impact) ?? null,
    })),
  }))
}

export type PickerCell = { likelihood: number; impact: number; score: number; band: MatrixBand | null }

/** The 25 cells of a matrix version for the scoring picker and the draft preview, in reading order. */
export function matrixCells(bands: readonly MatrixBand[]): GridRow<PickerCell>[] {
  const cells: PickerCell[] = []
  for (const likelihood of LIKELIHOOD_ORDER) {
    for (const impact of IMPACT_ORDER) {
      const score = likelihood * impact
      cells.push({ likelihood, impact, score, band: bandOf({ bands: [...bands] }, score) })
    }
  }
  return gridRows(cells)
}

/** "3 Possible"; the bare number when the matrix lacks the level. */
export function levelText(levels: readonly MatrixLevel[], level: number): string {
  const label = levels.find((l) => l.level === level)?.label
  return label ? `${level} ${label}` : String(level)
}

export const countText = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

// ---------- Risk–control matrix ----------

export const RCM_PAGE_SIZE = 100

export const pageCount = (total: number, size = RCM_PAGE_SIZE) => Math.max(1, Math.ceil(total / size))

/** The rows of page `page` (0-based), the page clamped into range. */
export function pageSlice<T>(rows: readonly T[], page: number, size = RCM_PAGE_SIZE): T[] {
  const last = pageCount(rows.length, size) - 1
  const p = Math.min(Math.max(0, page), last)
  return rows.slice(p * size, (p + 1) * size)
}

/** "Rows 101–200 of 250"; "No rows" when empty. */
export function pageRangeText(page: number, total: number, size = RCM_PAGE_SIZE): string {
  if (total === 0) return 'No rows'
  const p = Math.min(Math.max(0, page), pageCount(total, size) - 1)
  return `Rows ${p * size + 1}–${Math.min(total, (p + 1) * size)} of ${total}`
}

/** controls.md §8.1: a risk with no active control is red, one or two amber. */
export function rowTotalTone(total: number): 'red' | 'amber' | null {
  if (total === 0) return 'red'
  if (total <= 2) return 'amber'
  return null
}

const linkKey = (riskId: string, controlId: string) => `${riskId}\u0000${controlId}`

/** Linked pairs with their notes: a row's control_ids and the answer's cells both count as links. */
export function linkIndex(rows: readonly RcmRow[], cells: readonly RcmCell[]) {
  const links = new Map<string, string | null>()
  for (const r of rows) for (const c of r.control_ids) links.set(linkKey(r.risk_id, c), null)
  for (const c of cells) links.set(linkKey(c.risk_id, c.control_id), c.notes)
  return {
    linked: (riskId: string, controlId: string) => links.has(linkKey(riskId, controlId)),
    notes: (riskId: string, controlId: string) => links.get(linkKey(riskId, controlId)) ?? null,
  }
}

/** Column heading as the export writes it: "code title", or the title alone when the control has no code. */
export const controlHeading = (c: { code: string | null; title: string }) => (c.code ? `${c.code} ${c.title}` : c.title)
