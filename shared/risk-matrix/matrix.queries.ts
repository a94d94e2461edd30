import { z } from 'zod'
import { defineQuery } from '../catalogue/define'
import { loadMatrixRow, matrixView, type MatrixRow } from './matrix.commands'
import { gridOf } from './matrix.rules'
import { MatrixIdInput } from './matrix.schema'

/** A version with its 25-cell preview (likelihood 5 → 1, impact 1 → 5), as the editor and scoring picker draw it. */
function withGrid(row: MatrixRow) {
  const view = matrixView(row)
  return {
    ...view,
    cells: gridOf(view.bands).map((c) => ({
      likelihood: c.likelihood,
      impact: c.impact,
      score: c.score,
      band: c.band?.code ?? null,
      band_label: c.band?.label ?? null,
      colour: c.band?.colour ?? null,
      text_colour: c.band?.text_colour ?? null,
    })),
  }
}

/** risks.md §16: every version, newest first; the matrix is read by every signed-in user. */
export const listMatrixVersions = defineQuery({
  name: 'riskMatrix.list',
  summary: 'Risk matrix versions, newest first.',
  input: z.strictObject({}),
  async handler(ctx) {
    const rows = await ctx.db.selectFrom('risk_matrix_version').selectAll().orderBy('version', 'desc').execute()
    const items = rows.map(matrixView)
    return { items, next_cursor: null, total: items.length }
  },
})

export const getMatrixVersion = defineQuery({
  name: 'riskMatrix.get',
  summary: 'One risk matrix version with its 5×5 preview.',
  input: MatrixIdInput,
  async handler(ctx, input) {
    return withGrid(await loadMatrixRow(ctx, input.id))
  },
})

export const currentMatrix = defineQuery({
  name: 'riskMatrix.current',
  summary: 'The published risk matrix version, which new risks pin.',
  input: z.strictObject({}),
  async handler(ctx) {
    return withGrid(
      await ctx.db
        .selectFrom('risk_matrix_version')
        .selectAll()
        .where('status', '=', 'PUBLISHED')
        .executeTakeFirstOrThrow(),
    )
  },
})

export const MATRIX_QUERIES = [listMatrixVersions, getMatrixVersion, currentMatrix] as const
