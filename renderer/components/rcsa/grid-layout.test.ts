import { describe, expect, it } from 'vitest'
import {
  controlHeading,
  gridRows,
  levelText,
  linkIndex,
  matrixCells,
  pageCount,
  pageRangeText,
  pageSlice,
  rowTotalTone,
} from './grid-layout'
import type { MatrixBand, MatrixLevel } from './types'

// Version 1 of risks.md §3.3.
const BANDS: MatrixBand[] = [
  { code: 'LOW', label: 'Low', min_score: 1, max_score: 4, colour: '#2E7D32', text_colour: '#FFFFFF' },
  { code: 'MEDIUM', label: 'Medium', min_score: 5, max_score: 9, colour: '#F9A825', text_colour: '#000000' },
  { code: 'HIGH', label: 'High', min_score: 10, max_score: 14, colour: '#EF6C00', text_colour: '#FFFFFF' },
  { code: 'CRITICAL', label: 'Critical', min_score: 15, max_score: 25, colour: '#C62828', text_colour: '#FFFFFF' },
]
const LIKELIHOOD: MatrixLevel[] = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'].map((label, i) => ({
  level: i + 1,
  label,
  description: '',
}))

describe('5×5 grid order', () => {
  it('reads likelihood 5 → 1 top to bottom and impact 1 → 5 left to right', () => {
    const cells = [] as { likelihood: number; impact: number }[]
    for (let l = 1; l <= 5; l++) for (let i = 1; i <= 5; i++) cells.push({ likelihood: l, impact: i })
    const rows = gridRows(cells)
    expect(rows.map((r) => r.likelihood)).toEqual([5, 4, 3, 2, 1])
    expect(rows[0]?.cells.map((c) => c.impact)).toEqual([1, 2, 3, 4, 5])
    expect(rows[0]?.cells[0]?.cell).toEqual({ likelihood: 5, impact: 1 })
    expect(rows[4]?.cells[4]?.cell).toEqual({ likelihood: 1, impact: 5 })
  })
  it('leaves a missing cell null', () => {
    expect(gridRows([{ likelihood: 3, impact: 3 }])[2]?.cells[2]?.cell).toEqual({ likelihood: 3, impact: 3 })
    expect(gridRows([])[0]?.cells[0]?.cell).toBeNull()
  })
  it('gives the grid of risks.md §3.3 for version 1', () => {
    const letters = matrixCells(BANDS).map((r) =>
      r.cells.map(({ cell }) => `${cell?.score} ${cell?.band?.code.slice(0, 1)}`).join(' | '),
    )
    expect(letters).toEqual([
      '5 M | 10 H | 15 C | 20 C | 25 C',
      '4 L | 8 M | 12 H | 16 C | 20 C',
      '3 L | 6 M | 9 M | 12 H | 15 C',
      '2 L | 4 L | 6 M | 8 M | 10 H',
      '1 L | 2 L | 3 L | 4 L | 5 M',
    ])
  })
  it('labels levels with number and label', () => {
    expect(levelText(LIKELIHOOD, 3)).toBe('3 Possible')
    expect(levelText([], 3)).toBe('3')
  })
})

describe('risk–control matrix', () => {
  it('pages rows in blocks of 100', () => {
    const rows = Array.from({ length: 250 }, (_, i) => i)
    expect(pageCount(250)).toBe(3)
    expect(pageCount(0)).toBe(1)
    expect(pageSlice(rows, 0)).toHaveLength(100)
    expect(pageSlice(rows, 2)).toEqual(rows.slice(200))
    expect(pageSlice(rows, 9)).toEqual(rows.slice(200))
    expect(pageRangeText(1, 250)).toBe('Rows 101–200 of 250')
    expect(pageRangeText(2, 250)).toBe('Rows 201–250 of 250')
    expect(pageRangeText(0, 0)).toBe('No rows')
  })
  it('highlights a row red at 0 active controls and amber at 1–2', () => {
    expect([0, 1, 2, 3, 10].map(rowTotalTone)).toEqual(['red', 'amber', 'amber', null, null])
  })
  it('finds links from the rows and notes from the cells', () => {
    const links = linkIndex(
      [{ risk_id: 'r1', ref: 'RSK-1', title: 't', control_ids: ['c1', 'c2'], total: 2 }],
      [{ risk_id: 'r1', control_id: 'c2', notes: 'Covers card fraud' }],
    )
    expect(links.linked('r1', 'c1')).toBe(true)
    expect(links.notes('r1', 'c1')).toBeNull()
    expect(links.notes('r1', 'c2')).toBe('Covers card fraud')
    expect(links.linked('r1', 'c3')).toBe(false)
  })
  it('heads a control column "code title"', () => {
    expect(controlHeading({ code: 'C-01', title: 'Dual control' })).toBe('C-01 Dual control')
    expect(controlHeading({ code: null, title: 'Dual control' })).toBe('Dual control')
  })
})
