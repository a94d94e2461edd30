import { ExportButtons } from '#renderer/components/index'
import { allMeasureRows, measureDetails, measureSheet } from '#renderer/lib/export-measures'
import type { MeasureListInput } from './measure-types'

type Props = { input: MeasureListInput; fileBase: string; sheetName: string }

/** measures §16: "Export CSV" / "Export XLSX" of the filtered list, within the caller's visibility. */
export function MeasureExport({ input, fileBase, sheetName }: Props) {
  const build = async (progress: (text: string) => void) => {
    const rows = await allMeasureRows(input, (n) => progress(`Exporting… ${n} rows`))
    const details = await measureDetails(rows, (n) => progress(`Exporting… details ${n} of ${rows.length}`))
    return measureSheet(sheetName, rows, details)
  }
  return <ExportButtons fileBase={fileBase} build={build} />
}
