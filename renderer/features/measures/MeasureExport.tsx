import { useState } from 'react'
import { toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner } from '#renderer/components/index'
import { toCsv } from '#renderer/lib/csv'
import { download, stampedName } from '#renderer/lib/download'
import { allMeasureRows, measureDetails, measureSheet } from '#renderer/lib/export-measures'
import { toXlsx } from '#renderer/lib/xlsx'
import type { MeasureListInput } from './measure-types'

type Props = { input: MeasureListInput; fileBase: string; sheetName: string }

/** measures §16: "Export CSV" / "Export XLSX" of the filtered list, within the caller's visibility. */
export function MeasureExport({ input, fileBase, sheetName }: Props) {
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  const run = async (format: 'csv' | 'xlsx') => {
    setError(null)
    setBusy('Exporting…')
    try {
      const rows = await allMeasureRows(input, (n) => setBusy(`Exporting… ${n} rows`))
      const details = await measureDetails(rows, (n) => setBusy(`Exporting… details ${n} of ${rows.length}`))
      const sheet = measureSheet(sheetName, rows, details)
      const blob = format === 'csv' ? new Blob([toCsv(sheet)], { type: 'text/csv;charset=utf-8' }) : await toXlsx(sheet)
      download(blob, stampedName(fileBase, format))
    } catch (e) {
      setError(toApiError(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="export">
      <div className="inline">
        <button type="button" className="button-secondary" disabled={busy !== null} onClick={() => void run('csv')}>
          Export CSV
        </button>
        <button type="button" className="button-secondary" disabled={busy !== null} onClick={() => void run('xlsx')}>
          Export XLSX
        </button>
        {busy && (
          <span className="muted" role="status">
            {busy}
          </span>
        )}
      </div>
      <ErrorBanner error={error} />
    </div>
  )
}
