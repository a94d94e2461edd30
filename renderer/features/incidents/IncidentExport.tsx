import type { OutputOf } from '#shared/catalogue/types'
import { api } from '#renderer/api'
import { ExportButtons } from '#renderer/components/index'
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
