import { describe, expect, it } from 'vitest'
import {
  controlEvidenceStatusOn,
  effectiveRevision,
  heldRevision,
  recordStateOn,
  statusOnDate,
  type RecordFacts,
} from './evidence.rules'

const rev = (version_no: number, o: Partial<RecordFacts['revisions'][number]> = {}) => ({
  id: `r${version_no}`,
  version_no,
  status: 'PENDING',
  uploaded_at: '2026-01-10T09:00:00.000Z',
  reviewed_at: null,
  valid_until: null,
  ...o,
})

// CTL-15's record: revision 1 uploaded 10 Jan, accepted 11 Jan, valid until 30 Jun; revision 2 uploaded and
// accepted 10 Jul, valid until 31 Dec.
const record: RecordFacts = {
  created_at: '2026-01-10T09:00:00.000Z',
  archived_at: null,
  revisions: [
    rev(1, { status: 'ACCEPTED', reviewed_at: '2026-01-11T10:00:00.000Z', valid_until: '2026-06-30' }),
    rev(2, {
      status: 'ACCEPTED',
      uploaded_at: '2026-07-10T08:00:00.000Z',
      reviewed_at: '2026-07-10T15:00:00.000Z',
      valid_until: '2026-12-31',
    }),
  ],
}

describe('evidence state on a date (controls §6.4)', () => {
  it('holds revision 1 PENDING on 10 Jan: NONE', () => {
    expect(heldRevision(record.revisions, '2026-01-10')?.version_no).toBe(1)
    expect(statusOnDate(record.revisions[0]!, '2026-01-10')).toBe('PENDING')
    expect(effectiveRevision(record.revisions, '2026-01-10')).toBeNull()
    expect(recordStateOn(record, '2026-01-10')).toBe('NONE')
  })
  it('is VALID with revision 1 on 1 Mar, EXPIRED on 5 Jul, VALID with revision 2 on 15 Jul', () => {
    expect(recordStateOn(record, '2026-03-01')).toBe('VALID')
    expect(effectiveRevision(record.revisions, '2026-03-01')?.version_no).toBe(1)
    expect(recordStateOn(record, '2026-06-30')).toBe('VALID')
    expect(recordStateOn(record, '2026-07-05')).toBe('EXPIRED')
    expect(recordStateOn(record, '2026-07-15')).toBe('VALID')
    expect(effectiveRevision(record.revisions, '2026-07-15')?.version_no).toBe(2)
  })
  it('a newer accepted revision replaces an older in-date one; a pending or rejected one does not', () => {
    const r: RecordFacts = {
      created_at: '2026-01-01T00:00:00.000Z',
      archived_at: null,
      revisions: [
        rev(1, { status: 'ACCEPTED', reviewed_at: '2026-01-02T00:00:00.000Z', valid_until: '2026-12-31' }),
        rev(2, { status: 'ACCEPTED', reviewed_at: '2026-02-02T00:00:00.000Z', valid_until: '2026-02-10' }),
        rev(3, { status: 'REJECTED', reviewed_at: '2026-03-02T00:00:00.000Z' }),
        rev(4, { uploaded_at: '2026-03-03T00:00:00.000Z' }),
      ],
    }
    expect(recordStateOn(r, '2026-01-20')).toBe('VALID')
    expect(recordStateOn(r, '2026-03-05')).toBe('EXPIRED')
    expect(effectiveRevision(r.revisions, '2026-03-05')?.version_no).toBe(2)
    expect(heldRevision(r.revisions, '2026-03-05')?.version_no).toBe(4)
  })
  it('the control flag: EXPIRED beats VALID, archived and not-yet-created records are left out', () => {
    const expired: RecordFacts = { ...record, revisions: [record.revisions[0]!] }
    expect(controlEvidenceStatusOn([record, expired], '2026-07-15')).toBe('EXPIRED')
    expect(
      controlEvidenceStatusOn([record, { ...expired, archived_at: '2026-07-14T00:00:00.000Z' }], '2026-07-15'),
    ).toBe('VALID')
    expect(controlEvidenceStatusOn([{ ...record, created_at: '2026-08-01T00:00:00.000Z' }], '2026-07-15')).toBe('NONE')
    expect(controlEvidenceStatusOn([], '2026-07-15')).toBe('NONE')
  })
})
