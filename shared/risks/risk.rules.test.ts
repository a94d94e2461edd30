import { describe, expect, it } from 'vitest'
import {
  allowedBaselIds,
  approvalChecklist,
  averageEffectiveness,
  isBaselAllowed,
  lockedFields,
  lockMessage,
  nextReviewDate,
  nextReviewIssue,
  preconditionViolations,
  scoresOf,
  scoreWarnings,
  transitionRefusal,
  worstKriStatus,
} from './risk.rules'

const BANDS = {
  bands: [
    { code: 'LOW', label: 'Low', min_score: 1, max_score: 4, colour: '#2E7D32', text_colour: '#FFFFFF' },
    { code: 'MEDIUM', label: 'Medium', min_score: 5, max_score: 9, colour: '#F9A825', text_colour: '#000000' },
    { code: 'HIGH', label: 'High', min_score: 10, max_score: 14, colour: '#EF6C00', text_colour: '#FFFFFF' },
    { code: 'CRITICAL', label: 'Critical', min_score: 15, max_score: 25, colour: '#C62828', text_colour: '#FFFFFF' },
  ],
}
const messages = (violations: { message: string }[]) => violations.map((v) => v.message)
const TYPES = [
  { id: 'EL2', level: 1, parent_id: null },
  { id: 'EL2.1', level: 2, parent_id: 'EL2' },
  { id: 'EL2.2', level: 2, parent_id: 'EL2' },
  { id: 'EL6', level: 1, parent_id: null },
  { id: 'EL6.1', level: 2, parent_id: 'EL6' },
]
const scores = (il: number | null, ii: number | null, rl: number | null, ri: number | null) => ({
  inherent_likelihood: il,
  inherent_impact: ii,
  residual_likelihood: rl,
  residual_impact: ri,
})

describe('risk rules', () => {
  it('scores and bands per matrix version 1 (§3.1, §3.3)', () => {
    expect(scoresOf(BANDS, scores(4, 5, 3, 3))).toEqual({
      inherent_score: 20,
      inherent_band: 'CRITICAL',
      residual_score: 9,
      residual_band: 'MEDIUM',
    })
    const band = (l: number, i: number) => scoresOf(BANDS, scores(l, i, null, null)).inherent_band
    expect([band(2, 2), band(1, 5), band(3, 3), band(2, 5), band(3, 4), band(3, 5), band(5, 5)]).toEqual([
      'LOW',
      'MEDIUM',
      'MEDIUM',
      'HIGH',
      'HIGH',
      'CRITICAL',
      'CRITICAL',
    ])
    expect(scoresOf(BANDS, scores(4, null, null, 2))).toMatchObject({ inherent_score: null, inherent_band: null })
    expect(scoreWarnings(scores(3, 5, 4, 4))).toEqual(['Residual score is higher than inherent score.'])
    expect(scoreWarnings(scores(3, 5, 3, 5))).toEqual([])
  })

  it('Basel types allowed by a category (§3.4)', () => {
    const it6 = ['EL6', 'EL2.2']
    expect(isBaselAllowed('EL6.1', it6, TYPES)).toBe(true)
    expect(isBaselAllowed('EL2.2', it6, TYPES)).toBe(true)
    expect(isBaselAllowed('EL2', it6, TYPES)).toBe(false)
    expect(isBaselAllowed('EL2.1', it6, TYPES)).toBe(false)
    expect(allowedBaselIds(['EL2'], TYPES)).toEqual(['EL2', 'EL2.1', 'EL2.2'])
  })

  it('field locks name every changed field outside the union of the caller’s rows', () => {
    const rows = [
      { role: 'manager', field: 'title' },
      { role: 'risk_officer', field: 'residual_likelihood' },
    ]
    expect(lockedFields(['title', 'residual_likelihood'], rows, ['manager'])).toEqual(['residual_likelihood'])
    expect(lockedFields(['title', 'residual_likelihood'], rows, ['manager', 'risk_officer'])).toEqual([])
    expect(lockMessage(['inherent_likelihood'], 'ASSESSED', ['risk_officer'])).toBe(
      "Fields inherent_likelihood cannot be edited in ASSESSED by role 'Risk Officer'.",
    )
  })

  it('transition refusals in §5.2 step 5 order', () => {
    const rows = [
      { from_status: 'DRAFT', to_status: 'ASSESSED', role: 'manager' },
      { from_status: 'ASSESSED', to_status: 'ACTIVE', role: 'risk_officer' },
    ]
    expect(transitionRefusal(rows, 'RETIRED', 'ACTIVE', ['ASSESSED'], ['risk_officer'])).toBe(
      "Status 'RETIRED' has no defined transitions.",
    )
    expect(transitionRefusal(rows, 'DRAFT', 'RETIRED', ['ASSESSED'], ['risk_officer'])).toBe(
      "Transition from 'DRAFT' to 'RETIRED' is not defined.",
    )
    expect(transitionRefusal(rows, 'ASSESSED', 'ACTIVE', ['ASSESSED'], ['manager'])).toBe(
      "Role 'Manager' is not authorized to move from 'ASSESSED' to 'ACTIVE'.",
    )
    expect(transitionRefusal(rows, 'DRAFT', 'ASSESSED', ['DRAFT'], ['manager'])).toBeNull()
  })

  it('preconditions list every failure in spec order; P5 only with both scores, P2 only with a type', () => {
    const facts = { baselAllowed: true, activeControlCount: 0, requiredFields: [] }
    const assessed = { status: 'ASSESSED', basel_event_type_id: null, ...scores(3, 5, null, null) }
    expect(messages(preconditionViolations(assessed, 'ACTIVE', facts))).toEqual([
      'Residual risk scores required.',
      'Basel event type must be selected.',
      'At least one control must be linked before approval.',
    ])
    const over = { status: 'ASSESSED', basel_event_type_id: 'EL6.1', ...scores(3, 5, 4, 4) }
    expect(
      messages(preconditionViolations(over, 'ACTIVE', { ...facts, activeControlCount: 1, baselAllowed: false })),
    ).toEqual([
      'Residual risk score cannot exceed inherent risk score.',
      'Basel event type is not valid for risk category.',
    ])
    const draft = { status: 'DRAFT', basel_event_type_id: null, ...scores(3, null, null, null) }
    expect(
      preconditionViolations(draft, 'ASSESSED', { ...facts, requiredFields: ['inherent_justification', 'title'] }),
    ).toEqual([
      {
        code: 'P1',
        message: 'Inherent risk scores required before submission.',
        fields: ['inherent_likelihood', 'inherent_impact'],
      },
      {
        code: 'R',
        message: 'Fields inherent_justification, title are required for ASSESSED.',
        fields: ['inherent_justification', 'title'],
      },
    ])
    const lines = approvalChecklist(draft, facts)
    expect(lines.map((l) => [l.id, l.ok])).toEqual([
      ['P1', false],
      ['P3', false],
      ['P4', false],
      ['P5', true],
      ['P2', true],
      ['P6', false],
    ])
    expect(lines.find((l) => l.id === 'P5')?.checked).toBe(false)
  })

  it('next review date (§5.3, P7), average effectiveness and worst KRI (§2.4)', () => {
    expect(nextReviewIssue('2026-11-23', '2026-11-23')).toBe('Next review date must be after today.')
    expect(nextReviewIssue('2026-11-24', '2026-11-23')).toBeNull()
    expect(nextReviewDate(undefined, null, '2026-11-23', 365)).toBe('2027-11-23')
    expect(nextReviewDate(undefined, '2027-01-01', '2026-11-23', 365)).toBe('2027-01-01')
    expect(nextReviewDate(undefined, '2026-11-23', '2026-11-23', 365)).toBe('2027-11-23')
    expect(nextReviewDate('2026-12-01', '2027-01-01', '2026-11-23', 365)).toBe('2026-12-01')
    expect(averageEffectiveness([4, 3, null])).toBe('3.50')
    expect(averageEffectiveness([1, 2, 2])).toBe('1.67')
    expect(averageEffectiveness([1, 1, 2, 2, 2, 2, 2, 2])).toBe('1.75')
    expect(averageEffectiveness([null])).toBeNull()
    expect(averageEffectiveness([5])).toBe('5.00')
    expect(worstKriStatus(['GREEN', 'AMBER'])).toBe('AMBER')
    expect(worstKriStatus(['GREEN', 'RED', 'AMBER'])).toBe('RED')
    expect(worstKriStatus(['NO_DATA'])).toBeNull()
  })
})
