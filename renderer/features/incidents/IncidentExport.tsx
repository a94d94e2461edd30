import { api } from '#renderer/api'
import { ExportButtons } from '#renderer/components/index'
import { allPages, pageInput } from '#renderer/lib/all-pages'
import { digitsOf, useReference } from '#renderer/stores/reference'
import type { IncidentListInput, IncidentRow } from '#renderer/types'
import { incidentSheet } from './export-columns'

/** Every row the current filters and the caller's visibility give: the list, paged to its end. */
const allRows = (input: IncidentListInput, progress: (n: number) => void): Promise<IncidentRow[]> =>
  allPages((cursor) => api.call('incident.list', pageInput(input, cursor)), progress)

type Props = { input: IncidentListInput; fileBase: string; sheetName: string }

/** incidents §17: "Export CSV" / "Export XLSX" of exactly what the screen lists. */
export function IncidentExport({ input, fileBase, sheetName }: Props) {
  const ensureLoaded = useReference((s) => s.ensureLoaded)
  const build = async (progress: (text: string) => void) => {
    await ensureLoaded()
    const rows = await allRows(input, (n) => progress(`Exporting… ${n} rows`))
    const form = useReference.getState().form
    return incidentSheet(sheetName, rows, form, (c) => digitsOf(form, c))
  }
  return <ExportButtons fileBase={fileBase} build={build} />
}
