import type { MatrixBand, MatrixLevel } from './matrix.bands'

// risks.md §3.2: the pure rules of a matrix version's content, with the spec's exact messages. The zod
// schemas of the matrix commands run them, so the renderer's draft editor can show the same messages live.

export const MATRIX_MESSAGES = {
  levels: 'Each axis needs exactly 5 levels, numbered 1 to 5.',
  labels: 'Level labels must be 1–40 characters and unique on their axis.',
  description: 'Level guidance must be at most 300 characters.',
  cover: 'Bands must cover scores 1 to 25 without gaps or overlaps.',
  bandCount: 'A matrix needs 1 to 6 bands.',
  unique: 'Band codes and labels must be unique.',
  colour: 'Band colour must be a hex colour like #C62828.',
  draftExists: 'A draft matrix version already exists.',
  readOnly: 'Published matrix versions cannot be changed.',
  forbidden: 'Only administrators can change the risk matrix.',
} as const

export const BAND_CODE = /^[A-Z][A-Z_]{1,19}$/
export const HEX_COLOUR = /^#[0-9A-Fa-f]{6}$/

const length = (s: string) => [...s.trim()].length

/** The axis rules: levels 1–5 exactly once; labels 1–40 code points, unique on the axis (case-insensitive). */
export function levelIssues(levels: readonly MatrixLevel[]): string[] {
  const out: string[] = []
  const numbers = levels.map((l) => l.level).sort((a, b) => a - b)
  if (numbers.length !== 5 || numbers.some((n, i) => n !== i + 1)) out.push(MATRIX_MESSAGES.levels)
  const labels = levels.map((l) => l.label.trim().toLowerCase())
  if (levels.some((l) => length(l.label) < 1 || length(l.label) > 40) || new Set(labels).size !== labels.length)
    out.push(MATRIX_MESSAGES.labels)
  if (levels.some((l) => length(l.description) > 300)) out.push(MATRIX_MESSAGES.description)
  return out
}

/**
 * The band rules: 1–6 bands, ascending and contiguous from 1 to 25 (each min ≤ max); codes match
 * `^[A-Z][A-Z_]{1,19}$`, codes and labels (1–40 code points) unique; both colours `#RRGGBB`.
 */
export function bandIssues(bands: readonly MatrixBand[]): string[] {
  const out: string[] = []
  if (bands.length < 1 || bands.length > 6) out.push(MATRIX_MESSAGES.bandCount)
  let next = 1
  let covered = bands.length > 0
  for (const b of bands) {
    if (b.min_score !== next || b.max_score < b.min_score) covered = false
    next = b.max_score + 1
  }
  if (!covered || next !== 26) out.push(MATRIX_MESSAGES.cover)
  const codes = bands.map((b) => b.code)
  const labels = bands.map((b) => b.label.trim().toLowerCase())
  if (
    codes.some((c) => !BAND_CODE.test(c)) ||
    bands.some((b) => length(b.label) < 1 || length(b.label) > 40) ||
    new Set(codes).size !== codes.length ||
    new Set(labels).size !== labels.length
  )
    out.push(MATRIX_MESSAGES.unique)
  if (bands.some((b) => !HEX_COLOUR.test(b.colour) || !HEX_COLOUR.test(b.text_colour))) out.push(MATRIX_MESSAGES.colour)
  return out
}

export type MatrixContent = {
  likelihood_levels: readonly MatrixLevel[]
  impact_levels: readonly MatrixLevel[]
  bands: readonly MatrixBand[]
}

/** Every rule over a whole version, each issue with its field path; empty when the version can be published. */
export function matrixIssues(m: MatrixContent): { path: string[]; message: string }[] {
  return [
    ...levelIssues(m.likelihood_levels).map((message) => ({ path: ['likelihood_levels'], message })),
    ...levelIssues(m.impact_levels).map((message) => ({ path: ['impact_levels'], message })),
    ...bandIssues(m.bands).map((message) => ({ path: ['bands'], message })),
  ]
}

/** Levels in ascending order with trimmed text, as they are stored. */
export const normaliseLevels = (levels: readonly MatrixLevel[]): MatrixLevel[] =>
  [...levels]
    .sort((a, b) => a.level - b.level)
    .map((l) => ({ level: l.level, label: l.label.trim(), description: l.description.trim() }))

/** Bands with trimmed labels and upper-case colours, in the order given (the rules require ascending). */
export const normaliseBands = (bands: readonly MatrixBand[]): MatrixBand[] =>
  bands.map((b) => ({
    code: b.code,
    label: b.label.trim(),
    min_score: b.min_score,
    max_score: b.max_score,
    colour: b.colour.toUpperCase(),
    text_colour: b.text_colour.toUpperCase(),
  }))

/** The 25 cells of a matrix (likelihood 5 → 1, impact 1 → 5) with their score and band. */
export function gridOf(bands: readonly MatrixBand[]) {
  const cells: { likelihood: number; impact: number; score: number; band: MatrixBand | null }[] = []
  for (let likelihood = 5; likelihood >= 1; likelihood--)
    for (let impact = 1; impact <= 5; impact++) {
      const score = likelihood * impact
      cells.push({
        likelihood,
        impact,
        score,
        band: bands.find((b) => score >= b.min_score && score <= b.max_score) ?? null,
      })
    }
  return cells
}
