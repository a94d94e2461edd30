import { describe, expect, it } from 'vitest'
import {
  bandFlags,
  bandsOf,
  changesOf,
  draftIssues,
  formOf,
  issuePart,
  levelFlags,
  nextBand,
  NO_BAND,
  previewOf,
  type MatrixContent,
} from './matrix-draft'

const level = (n: number, label: string) => ({ level: n, label, description: '' })
const V1: MatrixContent = {
  name: 'Standard 5×5',
  likelihood_levels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'].map((l, i) => level(i + 1, l)),
  impact_levels: ['Insignificant', 'Minor', 'Moderate', 'Major', 'Severe'].map((l, i) => level(i + 1, l)),
  bands: [
    { code: 'LOW', label: 'Low', min_score: 1, max_score: 4, colour: '#2E7D32', text_colour: '#FFFFFF' },
    { code: 'MEDIUM', label: 'Medium', min_score: 5, max_score: 9, colour: '#F9A825', text_colour: '#000000' },
    { code: 'HIGH', label: 'High', min_score: 10, max_score: 14, colour: '#EF6C00', text_colour: '#FFFFFF' },
    { code: 'CRITICAL', label: 'Critical', min_score: 15, max_score: 25, colour: '#C62828', text_colour: '#FFFFFF' },
  ],
}
const GAP = 'Bands must cover scores 1 to 25 without gaps or overlaps.'
const COLOUR = 'Band colour must be a hex colour like #C62828.'

describe('matrix draft editor', () => {
  it('the installed version breaks no rule and sends no change', () => {
    const form = formOf(V1)
    expect(draftIssues(form)).toEqual({ name: [], likelihood: [], impact: [], bands: [] })
    expect(changesOf(V1, form)).toEqual({})
    expect(bandFlags(form.bands).every((f) => Object.values(f).every((x) => !x))).toBe(true)
  })

  it('a gap shows the §3.2 message and points at the band that does not follow on', () => {
    const form = formOf(V1)
    form.bands[2]!.max = '13'
    expect(draftIssues(form).bands).toEqual([GAP])
    const flags = bandFlags(form.bands)
    expect(flags[3]!.min).toBe(true)
    expect(flags[2]!.max).toBe(false)
    expect(
      previewOf(bandsOf(form.bands))
        .cells.filter((c) => c.band === NO_BAND.code)
        .map((c) => c.score),
    ).toEqual([])
  })

  it('an uncovered score is grey in the preview; a fixed split moves 15 into High', () => {
    const gap = formOf(V1)
    gap.bands[3]!.min = '16'
    const grey = previewOf(bandsOf(gap.bands)).cells.filter((c) => c.band === NO_BAND.code)
    expect(grey.map((c) => [c.likelihood, c.impact])).toEqual([
      [5, 3],
      [3, 5],
    ])
    gap.bands[2]!.max = '15'
    expect(draftIssues(gap).bands).toEqual([])
    const cell = previewOf(bandsOf(gap.bands)).cells.find((c) => c.likelihood === 5 && c.impact === 3)!
    expect(cell).toMatchObject({ score: 15, band: 'HIGH', colour: '#EF6C00' })
    expect(Object.keys(changesOf(V1, gap))).toEqual(['bands'])
    expect(changesOf(V1, gap).bands!.after[2]).toMatchObject({ min_score: 10, max_score: 15 })
    expect(changesOf(V1, gap).bands!.before).toBe(V1.bands)
  })

  it('a colour that is not #RRGGBB is named, marked, and drawn neutral', () => {
    const form = formOf(V1)
    form.bands[0]!.colour = 'green'
    expect(draftIssues(form).bands).toEqual([COLOUR])
    expect(bandFlags(form.bands)[0]!.colour).toBe(true)
    expect(previewOf(bandsOf(form.bands)).cells.find((c) => c.score === 1)!.colour).toBe(NO_BAND.colour)
  })

  it('scores typed as text that is not a whole number never cover anything', () => {
    const form = formOf(V1)
    form.bands[1]!.min = '5a'
    expect(bandsOf(form.bands)[1]!.min_score).toBeNaN()
    expect(draftIssues(form).bands).toEqual([GAP])
    expect(bandFlags(form.bands)[1]!.min).toBe(true)
  })

  it('repeated level labels break the axis rule and mark both rows', () => {
    const form = formOf(V1)
    form.impact[1]!.label = 'insignificant'
    expect(draftIssues(form).impact).toEqual(['Level labels must be 1–40 characters and unique on their axis.'])
    expect(levelFlags(form.impact).map((f) => f.label)).toEqual([true, true, false, false, false])
  })

  it('a new band starts after the last one; VALIDATION paths find their part', () => {
    const form = formOf(V1)
    form.bands[3]!.max = '20'
    expect(nextBand(form.bands)).toMatchObject({ min: '21', max: '25' })
    expect(nextBand(formOf(V1).bands)).toMatchObject({ min: '', max: '' })
    expect(issuePart(['changes', 'bands', 'after'])).toBe('bands')
    expect(issuePart(['changes', 'impact_levels', 'after', 0])).toBe('impact')
    expect(issuePart(['id'])).toBeNull()
  })
})
