import type { MatrixBand, MatrixLevel } from '#shared/risk-matrix/matrix.bands'
import { BAND_CODE, bandIssues, HEX_COLOUR, levelIssues } from '#shared/risk-matrix/matrix.rules'
import { MatrixName } from '#shared/risk-matrix/matrix.schema'
import type { HeatMapAnswer } from '#renderer/components/rcsa/index'

// The draft editor's form state (text as typed) and what it shows while the admin types: the catalogue's own
// §3.2 rules (matrix.rules), the cells a rule points at, the live 5×5 preview and the update shape of a save.

export type LevelForm = { level: number; label: string; description: string }
export type BandForm = {
  code: string
  label: string
  min: string
  max: string
  colour: string
  text_colour: string
}
export type DraftForm = { name: string; likelihood: LevelForm[]; impact: LevelForm[]; bands: BandForm[] }

/** The content of a matrix version as the queries answer it. */
export type MatrixContent = {
  name: string
  likelihood_levels: MatrixLevel[]
  impact_levels: MatrixLevel[]
  bands: MatrixBand[]
}

export const MAX_BANDS = 6

export function formOf(m: MatrixContent): DraftForm {
  const levels = (ls: MatrixLevel[]) =>
    [...ls].sort((a, b) => a.level - b.level).map((l) => ({ ...l, description: l.description ?? '' }))
  return {
    name: m.name,
    likelihood: levels(m.likelihood_levels),
    impact: levels(m.impact_levels),
    bands: m.bands.map((b) => ({
      code: b.code,
      label: b.label,
      min: String(b.min_score),
      max: String(b.max_score),
      colour: b.colour,
      text_colour: b.text_colour,
    })),
  }
}

/** A score as typed: a whole number, or NaN (which no rule accepts and no cell matches). */
export const scoreText = (s: string) => (/^\s*\d{1,3}\s*$/.test(s) ? Number(s) : NaN)

export const bandsOf = (bands: readonly BandForm[]): MatrixBand[] =>
  bands.map((b) => ({
    code: b.code.trim(),
    label: b.label,
    min_score: scoreText(b.min),
    max_score: scoreText(b.max),
    colour: b.colour.trim(),
    text_colour: b.text_colour.trim(),
  }))

export const levelsOf = (levels: readonly LevelForm[]): MatrixLevel[] =>
  levels.map((l) => ({ level: l.level, label: l.label, description: l.description }))

export type DraftIssues = { name: string[]; likelihood: string[]; impact: string[]; bands: string[] }

/** Every §3.2 message the draft breaks right now, per part of the form (the same rules the save runs). */
export function draftIssues(form: DraftForm): DraftIssues {
  const name = MatrixName.safeParse(form.name)
  return {
    name: name.success ? [] : [...new Set(name.error.issues.map((i) => i.message))],
    likelihood: levelIssues(levelsOf(form.likelihood)),
    impact: levelIssues(levelsOf(form.impact)),
    bands: bandIssues(bandsOf(form.bands)),
  }
}

export const hasIssues = (i: DraftIssues) => i.name.length + i.likelihood.length + i.impact.length + i.bands.length > 0

const len = (s: string) => [...s.trim()].length
const dupes = (values: string[]) => {
  const seen = new Map<string, number>()
  for (const v of values) seen.set(v, (seen.get(v) ?? 0) + 1)
  return (v: string) => (seen.get(v) ?? 0) > 1
}

export type BandFlags = Record<keyof BandForm, boolean>

/**
 * Which inputs of each band row a broken rule points at, so the row is marked where the fix goes: a min that does
 * not follow the previous max (or 1), a max below its min or a last max other than 25, duplicate or malformed codes
 * and labels, colours that are not #RRGGBB.
 */
export function bandFlags(bands: readonly BandForm[]): BandFlags[] {
  const parsed = bandsOf(bands)
  const codeDupe = dupes(parsed.map((b) => b.code))
  const labelDupe = dupes(parsed.map((b) => b.label.trim().toLowerCase()))
  return parsed.map((b, i) => {
    const expectedMin = i === 0 ? 1 : (parsed[i - 1]?.max_score ?? NaN) + 1
    const last = i === parsed.length - 1
    return {
      code: !BAND_CODE.test(b.code) || codeDupe(b.code),
      label: len(b.label) < 1 || len(b.label) > 40 || labelDupe(b.label.trim().toLowerCase()),
      min: !Number.isInteger(b.min_score) || b.min_score !== expectedMin,
      max:
        !Number.isInteger(b.max_score) || b.max_score < b.min_score || b.max_score > 25 || (last && b.max_score !== 25),
      colour: !HEX_COLOUR.test(b.colour),
      text_colour: !HEX_COLOUR.test(b.text_colour),
    }
  })
}

/** Which level rows a broken axis rule points at: a label out of 1–40 or repeated on the axis, guidance over 300. */
export function levelFlags(levels: readonly LevelForm[]): { label: boolean; description: boolean }[] {
  const labelDupe = dupes(levels.map((l) => l.label.trim().toLowerCase()))
  return levels.map((l) => ({
    label: len(l.label) < 1 || len(l.label) > 40 || labelDupe(l.label.trim().toLowerCase()),
    description: len(l.description) > 300,
  }))
}

/** A new band appended after the last one: it starts where the last one ends + 1 when that is still below 25. */
export function nextBand(bands: readonly BandForm[]): BandForm {
  const lastMax = scoreText(bands.at(-1)?.max ?? '0')
  const min = Number.isInteger(lastMax) && lastMax < 25 ? String(lastMax + 1) : ''
  return { code: '', label: '', min, max: min === '' ? '' : '25', colour: '#607D8B', text_colour: '#FFFFFF' }
}

export const NO_BAND = { code: 'NONE', label: 'No band', colour: '#ECEFF3', text_colour: '#B3261E' } as const

/** The 25 preview cells for the shared HeatMap: each score on its band's colours, grey when no band covers it. */
export function previewOf(bands: readonly MatrixBand[]): HeatMapAnswer {
  const cells: HeatMapAnswer['cells'] = []
  for (let likelihood = 5; likelihood >= 1; likelihood--)
    for (let impact = 1; impact <= 5; impact++) {
      const score = likelihood * impact
      const band = bands.find((b) => score >= b.min_score && score <= b.max_score)
      const valid = band && HEX_COLOUR.test(band.colour) && HEX_COLOUR.test(band.text_colour)
      cells.push({
        likelihood,
        impact,
        score,
        band: band?.code || NO_BAND.code,
        colour: valid ? band.colour : NO_BAND.colour,
        text_colour: valid ? band.text_colour : NO_BAND.text_colour,
        count: 0,
      })
    }
  return { cells, total: 0, earlier_matrix_count: 0 }
}

export type DraftChanges = Partial<{
  name: { before: string; after: string }
  likelihood_levels: { before: MatrixLevel[]; after: MatrixLevel[] }
  impact_levels: { before: MatrixLevel[]; after: MatrixLevel[] }
  bands: { before: MatrixBand[]; after: MatrixBand[] }
}>

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** The `fields` update shape of a save: each changed part with the stored value the editor started from. */
export function changesOf(saved: MatrixContent, form: DraftForm): DraftChanges {
  const base = formOf(saved)
  const out: DraftChanges = {}
  if (form.name.trim() !== base.name.trim()) out.name = { before: saved.name, after: form.name.trim() }
  if (!same(form.likelihood, base.likelihood))
    out.likelihood_levels = { before: saved.likelihood_levels, after: levelsOf(form.likelihood) }
  if (!same(form.impact, base.impact)) out.impact_levels = { before: saved.impact_levels, after: levelsOf(form.impact) }
  if (!same(form.bands, base.bands)) out.bands = { before: saved.bands, after: bandsOf(form.bands) }
  return out
}

/** Where a VALIDATION issue of `riskMatrix.updateDraft` belongs: changes.<field>.after… → the editor's part. */
export function issuePart(path: readonly (string | number)[]): keyof DraftIssues | null {
  const field = path[0] === 'changes' ? path[1] : path[0]
  switch (field) {
    case 'name':
      return 'name'
    case 'likelihood_levels':
      return 'likelihood'
    case 'impact_levels':
      return 'impact'
    case 'bands':
      return 'bands'
    default:
      return null
  }
}
