// controls.md §6.4–§6.5: the state of an evidence record on a date, and the control's evidence flag. Pure.

export type RevisionFacts = {
  id: string
  version_no: number
  status: string
  uploaded_at: string
  reviewed_at: string | null
  valid_until: string | null
}

export type RecordFacts<R extends RevisionFacts = RevisionFacts> = {
  created_at: string
  archived_at: string | null
  revisions: R[]
}

export type RecordState = 'VALID' | 'EXPIRED' | 'NONE' | 'ARCHIVED'

/** All times compare against the end of D (D 23:59:59.999Z). */
export const endOf = (date: string) => `${date}T23:59:59.999Z`

/** The highest version_no uploaded by the end of D. */
export function heldRevision<R extends RevisionFacts>(revisions: readonly R[], date: string): R | null {
  const end = endOf(date)
  let best: R | null = null
  for (const r of revisions) if (r.uploaded_at <= end && (!best || r.version_no > best.version_no)) best = r
  return best
}

/** The highest version_no ACCEPTED with reviewed_at by the end of D. */
export function effectiveRevision<R extends RevisionFacts>(revisions: readonly R[], date: string): R | null {
  const end = endOf(date)
  let best: R | null = null
  for (const r of revisions)
    if (
      r.status === 'ACCEPTED' &&
      r.reviewed_at !== null &&
      r.reviewed_at <= end &&
      (!best || r.version_no > best.version_no)
    )
      best = r
  return best
}

/** The revision's status as it stood on D: PENDING until its review happened. */
export function statusOnDate(r: RevisionFacts, date: string): string {
  return r.reviewed_at === null || r.reviewed_at > endOf(date) ? 'PENDING' : r.status
}

/** Whether the record existed on D (a record created after D does not). */
export const existsOn = (rec: RecordFacts, date: string) => rec.created_at <= endOf(date)

/** The state of one record on D (§6.4); ARCHIVED wins once `archived_at` ≤ D. */
export function recordStateOn(rec: RecordFacts, date: string): RecordState {
  if (rec.archived_at !== null && rec.archived_at <= endOf(date)) return 'ARCHIVED'
  const eff = effectiveRevision(rec.revisions, date)
  if (!eff) return 'NONE'
  return eff.valid_until === null || date <= eff.valid_until ? 'VALID' : 'EXPIRED'
}

/** §6.5 over the records that existed and were not ARCHIVED on D: EXPIRED, else VALID, else NONE. */
export function controlEvidenceStatusOn(records: readonly RecordFacts[], date: string): 'VALID' | 'EXPIRED' | 'NONE' {
  let valid = false
  for (const rec of records) {
    if (!existsOn(rec, date)) continue
    const s = recordStateOn(rec, date)
    if (s === 'EXPIRED') return 'EXPIRED'
    if (s === 'VALID') valid = true
  }
  return valid ? 'VALID' : 'NONE'
}
