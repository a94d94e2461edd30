import { describe, expect, it } from 'vitest'
import { evidenceStateText, newerPending } from './evidence-state'

const e = (state: string, pending = false, validUntil: string | null = null, effective = true) => ({
  state,
  pending_review: pending,
  effective_revision: effective ? { valid_until: validUntil } : null,
})

describe('evidenceStateText (controls.md §11 evidence card)', () => {
  it('names the date an accepted revision is valid until', () => {
    expect(evidenceStateText(e('VALID', false, '2027-03-31')).text).toBe('Valid until 2027-03-31')
  })
  it('says an accepted revision without end date does not expire', () => {
    expect(evidenceStateText(e('VALID')).text).toBe('Valid (no expiry date)')
  })
  it('names the date an expired revision ran out', () => {
    expect(evidenceStateText(e('EXPIRED', false, '2026-01-10'))).toEqual({
      text: 'Expired on 2026-01-10',
      tone: 'danger',
    })
  })
  it('tells pending review from no accepted revision', () => {
    expect(evidenceStateText(e('NONE', true, null, false)).text).toBe('Pending review')
    expect(evidenceStateText(e('NONE', false, null, false)).text).toBe('No accepted revision')
  })
  it('archived wins', () => {
    expect(evidenceStateText(e('ARCHIVED', true, '2027-01-01')).text).toBe('Archived')
  })
  it('flags a newer pending revision only beside an accepted one', () => {
    expect(newerPending(e('VALID', true, '2027-01-01'))).toBe(true)
    expect(newerPending(e('NONE', true, null, false))).toBe(false)
  })
})
