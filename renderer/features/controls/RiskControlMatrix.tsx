import { useCallback, useState } from 'react'
import { api } from '#renderer/api'
import { ErrorBanner, ExportButtons, Page } from '#renderer/components/index'
import { RiskControlMatrixGrid } from '#renderer/components/rcsa/index'
import { useLoad } from '#renderer/hooks/use-load'
import { controlPath, navigate, riskPath } from '#renderer/router'
import type { MatrixInput } from './control-types'
import { matrixSheet } from './exports'
import { plural } from './labels'
import { gridData } from './matrix-data'
import { RiskFilters, type RiskFilterValues } from './RiskFilters'
import { useLastValue } from './use-control'

/** controls.md §8.1, §11 "Risk–control matrix": visible risks × their controls, filters, export of the whole matrix. */
export function RiskControlMatrix() {
  const [filters, setFilters] = useState<RiskFilterValues>({ businessUnitId: '', categoryId: '', statuses: ['ACTIVE'] })
  const [inactive, setInactive] = useState(false)
  const [allControls, setAllControls] = useState(false)
  const input: MatrixInput = {
    ...(filters.businessUnitId ? { business_unit_ids: [filters.businessUnitId] } : {}),
    ...(filters.categoryId ? { risk_category_ids: [filters.categoryId] } : {}),
    ...(filters.statuses.length ? { risk_statuses: filters.statuses } : {}),
    include_inactive_controls: inactive,
    all_controls: allControls,
  }
  const key = JSON.stringify(input)
  const load = useCallback(() => api.call('control.riskControlMatrix', JSON.parse(key) as MatrixInput), [key])
  const matrix = useLoad(load)
  const data = useLastValue(matrix.data)

  return (
    <Page
      title="Risk–control matrix"
      actions={
        <ExportButtons
          fileBase="risk-control-matrix"
          build={async () => matrixSheet(await api.call('control.riskControlMatrix', JSON.parse(key) as MatrixInput))}
        />
      }
    >
      <div className="toolbar">
        <RiskFilters values={filters} onChange={setFilters} label="Filter the matrix" />
        <div className="inline wrap">
          <label className="check">
            <input type="checkbox" checked={inactive} onChange={(e) => setInactive(e.target.checked)} />
            Include inactive controls
          </label>
          <label className="check">
            <input type="checkbox" checked={allControls} onChange={(e) => setAllControls(e.target.checked)} />
            All active controls as columns
          </label>
        </div>
      </div>
      {filters.statuses.length === 0 && <p className="muted">No status chosen: ACTIVE risks are shown.</p>}
      <ErrorBanner error={matrix.error} onRetry={matrix.reload} />
      {!data ? (
        !matrix.error && (
          <p className="muted" role="status">
            Loading the matrix…
          </p>
        )
      ) : (
        <>
          <p className="muted" role="status">
            {plural(data.rows.length, 'risk')} × {plural(data.columns.length, 'control')}. Rows with no active control
            are red, with one or two amber.
          </p>
          <RiskControlMatrixGrid
            data={gridData(data)}
            onRiskClick={(id) => navigate(riskPath(id))}
            onControlClick={(id) => navigate(controlPath(id))}
          />
        </>
      )}
    </Page>
  )
}
