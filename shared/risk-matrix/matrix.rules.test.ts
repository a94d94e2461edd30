import { describe, expect, it } from 'vitest'
import type { MatrixBand, MatrixLevel } from './matrix.bands'
import { bandIssues, gridOf, levelIssues, matrixIssues, MATRIX_MESSAGES, normaliseBands } from './matrix.rules'

const axis = (labels = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']): MatrixLevel[] =>
  labels.map((label, i) => ({ level: i + 1, label, description: '' }))

const band = (code: string, label: string, min: number, max: number, colour = '#2E7D32'): MatrixBand => ({
  code,
  label,
  min_score: min,
  max_score: max,
  colour,
  text_colour: '#FFFFFF',
})
const V1 = [
  band('LOW', 'Low', 1, 4),
  band('MEDIUM', 'Medium', 5, 9, '#F9A825'),
  band('HIGH', 'High', 10, 14, '#EF6C00'),
  band('CRITICAL', 'Critical', 15, 25, '#C62828'),
]

describe('matrix level rules (risks.md §3.2)', () => {
  it('accepts five levels numbered 1 to 5 in any order', () => {
    expect(levelIssues(axis())).toEqual([])
    expect(levelIssues([...axis()].reverse())).toEqual([])
  })

  it('refuses four or six levels, a duplicate number or a level 0', () => {
    expect(levelIssues(axis().slice(0, 4))).toEqual([MATRIX_MESSAGES.levels])
    expect(levelIssues([...axis(), { level: 6, label: 'More', description: '' }])).toEqual([MATRIX_MESSAGES.levels])
    const dup = axis().map((l) => (l.level === 5 ? { ...l, level: 4 } : l))
    expect(levelIssues(dup)).toEqual([MATRIX_MESSAGES.levels])
    const zero = axis().map((l) => (l.level === 1 ? { ...l, level: 0 } : l))
    expect(levelIssues(zero)).toEqual(['Each axis needs exactly 5 levels, numbered 1 to 5.'])
  })

  it('refuses an empty, a 41-character or a repeated label; 40 characters are fine', () => {
    const msg = 'Level labels must be 1–40 characters and unique on their axis.'
    expect(levelIssues(axis(['  ', 'b', 'c', 'd', 'e']))).toEqual([msg])
    expect(levelIssues(axis(['x'.repeat(41), 'b', 'c', 'd', 'e']))).toEqual([msg])
    expect(levelIssues(axis(['x'.repeat(40), 'b', 'c', 'd', 'e']))).toEqual([])
    expect(levelIssues(axis(['Rare', 'rare ', 'c', 'd', 'e']))).toEqual([msg])
  })

  it('limits guidance to 300 characters', () => {
    const long = axis().map((l, i) => (i === 0 ? { ...l, description: 'g'.repeat(301) } : l))
    expect(levelIssues(long)).toEqual([MATRIX_MESSAGES.description])
  })
})

describe('matrix band rules (risks.md §3.2)', () => {
  it('accepts the installed version 1 bands and a single band 1–25', () => {
    expect(bandIssues(V1)).toEqual([])
    expect(bandIssues([band('ALL', 'All', 1, 25)])).toEqual([])
  })

  it('RSK-37 refuses a gap (1–4, 6–25)', () => {
    expect(bandIssues([band('LOW', 'Low', 1, 4), band('HIGH', 'High', 6, 25)])).toEqual([
      'Bands must cover scores 1 to 25 without gaps or overlaps.',
    ])
  })

  it('refuses an overlap, a wrong start or end, descending order and min above max', () => {
    const cover = [MATRIX_MESSAGES.cover]
    expect(bandIssues([band('LOW', 'Low', 1, 5), band('HIGH', 'High', 5, 25)])).toEqual(cover)
    expect(bandIssues([band('LOW', 'Low', 2, 4), band('HIGH', 'High', 5, 25)])).toEqual(cover)
    expect(bandIssues([band('LOW', 'Low', 1, 4), band('HIGH', 'High', 5, 24)])).toEqual(cover)
    expect(bandIssues([band('HIGH', 'High', 5, 25), band('LOW', 'Low', 1, 4)])).toEqual(cover)
    expect(bandIssues([band('LOW', 'Low', 1, 9), band('MID', 'Mid', 10, 8), band('HIGH', 'High', 9, 25)])).toEqual(
      cover,
    )
  })

  it('refuses no band and more than six bands', () => {
    expect(bandIssues([])).toEqual([MATRIX_MESSAGES.bandCount, MATRIX_MESSAGES.cover])
    const seven = [1, 2, 3, 4, 5, 6].map((n) => band(`B${'X'.repeat(n)}`, `B${n}`, n, n))
    seven.push(band('TOP', 'Top', 7, 25))
    expect(bandIssues(seven)).toEqual([MATRIX_MESSAGES.bandCount])
  })

  it('refuses duplicate codes or labels and codes outside ^[A-Z][A-Z_]{1,19}$', () => {
    const msg = 'Band codes and labels must be unique.'
    expect(bandIssues([band('LOW', 'Low', 1, 4), band('LOW', 'High', 5, 25)])).toEqual([msg])
    expect(bandIssues([band('LOW', 'Low', 1, 4), band('HIGH', 'low', 5, 25)])).toEqual([msg])
    for (const code of ['L', 'low', '1LOW', 'LOW-1', 'A'.repeat(21)])
      expect(bandIssues([band(code, 'All', 1, 25)])).toEqual([msg])
    expect(bandIssues([band('VERY_HIGH', 'All', 1, 25)])).toEqual([])
    expect(bandIssues([band('ALL', ' ', 1, 25)])).toEqual([msg])
  })

  it('RSK-37 refuses a colour "red" and a bad text colour; lower-case hex is fine', () => {
    const msg = 'Band colour must be a hex colour like #C62828.'
    expect(bandIssues([band('ALL', 'All', 1, 25, 'red')])).toEqual([msg])
    expect(bandIssues([{ ...band('ALL', 'All', 1, 25), text_colour: '#FFF' }])).toEqual([msg])
    expect(bandIssues([band('ALL', 'All', 1, 25, '#c62828')])).toEqual([])
    expect(normaliseBands([band('ALL', ' All ', 1, 25, '#c62828')])[0]).toMatchObject({
      label: 'All',
      colour: '#C62828',
    })
  })
})

describe('whole matrix', () => {
  it('names the field of each issue', () => {
    expect(
      matrixIssues({ likelihood_levels: axis().slice(1), impact_levels: axis(), bands: [band('X', 'x', 1, 25)] }),
    ).toEqual([
      { path: ['likelihood_levels'], message: MATRIX_MESSAGES.levels },
      { path: ['bands'], message: MATRIX_MESSAGES.unique },
    ])
  })

  it('lays out the 25 cells likelihood 5 → 1, impact 1 → 5 with the version 1 bands (risks.md §3.3)', () => {
    const grid = gridOf(V1)
    expect(grid).toHaveLength(25)
    const codes = [5, 4, 3, 2, 1].map((l) =>
      grid
        .filter((c) => c.likelihood === l)
        .map((c) => `${c.score}${c.band!.code[0]}`)
        .join(' '),
    )
    expect(codes).toEqual([
      '5M 10H 15C 20C 25C',
      '4L 8M 12H 16C 20C',
      '3L 6M 9M 12H 15C',
      '2L 4L 6M 8M 10H',
      '1L 2L 3L 4L 5M',
    ])
  })
})
