// The `control.riskControlMatrix` answer in the shape the RiskControlMatrixGrid draws (controls.md §8.1).
import type { RiskControlMatrixAnswer } from '#renderer/components/rcsa/index'
import type { MatrixAnswer } from './control-types'

export function gridData(m: MatrixAnswer): RiskControlMatrixAnswer {
  return {
    columns: m.columns.map((c) => ({
      control_id: c.id,
      code: c.code,
      title: c.title,
      is_active: c.is_active,
      total: c.total,
    })),
    rows: m.rows.map((r) => ({
      risk_id: r.risk_id,
      ref: r.ref,
      title: r.title,
      control_ids: r.cells.filter((c) => c.linked).map((c) => c.control_id),
      total: r.total,
    })),
    cells: m.rows.flatMap((r) =>
      r.cells.filter((c) => c.linked).map((c) => ({ risk_id: r.risk_id, control_id: c.control_id, notes: c.notes })),
    ),
  }
}
