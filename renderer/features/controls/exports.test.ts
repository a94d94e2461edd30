import { describe, expect, it } from 'vitest'
import { toCsv } from '#renderer/lib/csv'
import type { MatrixAnswer } from './control-types'
import { matrixSheet } from './exports'
import { gridData } from './matrix-data'

const col = (id: string, code: string | null, title: string, total: number) => ({
  id,
  ref: `CTL-${id}`,
  code,
  title,
  is_active: true,
  header: code ? `${code} ${title}` : title,
  total,
})
const row = (id: string, ref: string, title: string, linked: (string | null)[], total: number) => ({
  risk_id: id,
  ref,
  title,
  status: 'ACTIVE',
  business_unit_id: 'bu',
  business_unit_name: 'Retail',
  total,
  highlight: total === 0 ? 'red' : total <= 2 ? 'amber' : null,
  cells: ['c1', 'c2'].map((c, i) => ({
    control_id: c,
    linked: linked[i] !== undefined && linked[i] !== '-',
    notes: linked[i] === '-' ? null : (linked[i] ?? null),
  })),
})

const answer: MatrixAnswer = {
  columns: [col('c1', 'A.12.4.1', 'Centralized Logging', 2), col('c2', null, 'Daily Reconciliation', 1)],
  rows: [
    row('r1', 'RSK-1', 'Outage', [null, 'Checked daily'], 2),
    row('r2', 'RSK-2', 'Backup, failure', [null, '-'], 1),
  ],
}

describe('risk–control matrix export and grid (controls.md §8.1)', () => {
  it('writes ref and title first, one "code title" column per control, X where linked', () => {
    expect(toCsv(matrixSheet(answer))).toBe(
      '\uFEFFRisk,Title,A.12.4.1 Centralized Logging,Daily Reconciliation\r\n' +
        'RSK-1,Outage,X,X\r\n' +
        'RSK-2,"Backup, failure",X,\r\n',
    )
  })

  it('gives the grid the links and their notes', () => {
    const g = gridData(answer)
    expect(g.rows.map((r) => r.control_ids)).toEqual([['c1', 'c2'], ['c1']])
    expect(g.cells).toContainEqual({ risk_id: 'r1', control_id: 'c2', notes: 'Checked daily' })
    expect(g.columns.map((c) => c.total)).toEqual([2, 1])
  })
})
