import { useState } from 'react'
import type { OutputOf } from '#shared/catalogue/types'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner } from '#renderer/components/index'
import { toCsv } from '#renderer/lib/csv'
import { download, stampedName } from '#renderer/lib/download'
import { toXlsx } from '#renderer/lib/xlsx'
import { digitsOf, useReference } from '#renderer/stores/reference'
import type { IncidentListInput, IncidentRow } from '#renderer/types'
import { incidentSheet } from './export-columns'

const PAGE = 100

/** Every row the current filters and the caller's visibility give: the list, paged to its end. */
async function allRows(input: IncidentListInput, progress: (n: number) => void): Promise<IncidentRow[]> {
  const rows: IncidentRow[] = []
  let cursor: string | null = null
  do {
    const page: OutputOf<'incident.list'> = await api.call('incident.list', {
      ...input,
      limit: PAGE,
      ...(cursor === null ? {} : { cursor }),
    })
    rows.push(...page.items)
    progress(rows.length)
    cursor = page.next_cursor
  } while (cursor !== null)
  return rows
}

type Props = { input: IncidentListInput; fileBase: string; sheetName: string }

/** incidents §17: "Export CSV" / "Export XLSX" of exactly what the screen lists. */
export function ExportButtons({ input, fileBase, sheetName }: Props) {
  const ensureLoaded = useReference((s) => s.ensureLoaded)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  const run = async (format: 'csv' | 'xlsx') => {
    setError(null)
    setBusy('Exporting…')
    try {
      await ensureLoaded()
      const rows = await allRows(input, (n) => setBusy(`Exporting… ${n} rows`))
      const form = useReference.getState().form
      const sheet = incidentSheet(sheetName, rows, form, (c) => digitsOf(form, c))
      const blob = format === 'csv' ? new Blob([toCsv(sheet)], { type: 'text/csv;charset=utf-8' }) : await toXlsx(sheet)
      download(blob, stampedName(fileBase, format))
      setBusy(null)
    } catch (e) {
      setError(toApiError(e))
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
