import { useState } from 'react'
import { toApiError, type ApiError } from '#renderer/api'
import { toCsv } from '#renderer/lib/csv'
import { download, stampedName } from '#renderer/lib/download'
import type { Sheet } from '#renderer/lib/sheet'
import { toXlsx } from '#renderer/lib/xlsx'
import { ErrorBanner } from './ErrorBanner'

type Props = {
  fileBase: string
  /** Builds the sheet of exactly what the screen lists (its filters, the caller's visibility). */
  build: (progress: (text: string) => void) => Promise<Sheet>
}

/** "Export CSV" / "Export XLSX" of a list (incidents §17, measures §16). */
export function ExportButtons({ fileBase, build }: Props) {
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  const run = async (format: 'csv' | 'xlsx') => {
    setError(null)
    setBusy('Exporting…')
    try {
      const sheet = await build(setBusy)
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
