import type { Db } from '../db/schema'

export type MatrixLevel = { level: number; label: string; description: string }
export type MatrixBand = {
  code: string
  label: string
  min_score: number
  max_score: number
  colour: string
  text_colour: string
}
export type Matrix = {
  id: string
  version: number
  name: string
  status: 'DRAFT' | 'PUBLISHED' | 'SUPERSEDED'
  likelihood_levels: MatrixLevel[]
  impact_levels: MatrixLevel[]
  bands: MatrixBand[]
}

/** Score = likelihood × impact, null when either is missing (risks.md §3.1). */
export const scoreOf = (likelihood: number | null | undefined, impact: number | null | undefined) =>
  likelihood == null || impact == null ? null : likelihood * impact

/** The band of a score in a matrix version; null for a null score. */
export function bandOf(matrix: Pick<Matrix, 'bands'>, score: number | null): MatrixBand | null {
  if (score == null) return null
  return matrix.bands.find((b) => score >= b.min_score && score <= b.max_score) ?? null
}

type Row = {
  id: string
  version: number
  name: string
  status: string
  likelihood_levels: string
  impact_levels: string
  bands: string
}
export const matrixOf = (r: Row): Matrix => ({
  id: r.id,
  version: Number(r.version),
  name: r.name,
  status: r.status as Matrix['status'],
  likelihood_levels: JSON.parse(r.likelihood_levels) as MatrixLevel[],
  impact_levels: JSON.parse(r.impact_levels) as MatrixLevel[],
  bands: JSON.parse(r.bands) as MatrixBand[],
})

const COLUMNS = ['id', 'version', 'name', 'status', 'likelihood_levels', 'impact_levels', 'bands'] as const

export async function publishedMatrix(db: Db): Promise<Matrix> {
  const row = await db
    .selectFrom('risk_matrix_version')
    .select(COLUMNS)
    .where('status', '=', 'PUBLISHED')
    .executeTakeFirstOrThrow()
  return matrixOf(row)
}

export async function matrixById(db: Db, id: string): Promise<Matrix> {
  return matrixOf(
    await db.selectFrom('risk_matrix_version').select(COLUMNS).where('id', '=', id).executeTakeFirstOrThrow(),
  )
}

/** Every matrix version by id (a handful of rows): labels and colours of bands stored under older versions. */
export async function allMatrices(db: Db): Promise<Map<string, Matrix>> {
  const rows = await db.selectFrom('risk_matrix_version').select(COLUMNS).execute()
  return new Map(rows.map((r) => [r.id, matrixOf(r)]))
}

/** The label and colours of a band code in a matrix version; nulls when the code is not in it. */
export function bandStyle(matrix: Pick<Matrix, 'bands'> | undefined, code: string | null) {
  const band = code === null ? undefined : matrix?.bands.find((b) => b.code === code)
  return { label: band?.label ?? null, colour: band?.colour ?? null, text_colour: band?.text_colour ?? null }
}
