// The words of an evidence card's state (controls.md §6.4, §11). The state itself comes from evidence.list.

export type EvidenceStateFacts = {
  state: string
  pending_review: boolean
  effective_revision: { valid_until: string | null } | null
}

export type StateText = { text: string; tone: 'ok' | 'danger' | 'pending' | 'neutral' }

/** "Valid until …", "Expired on …", "Pending review", "No accepted revision", "Archived". */
export function evidenceStateText(e: EvidenceStateFacts): StateText {
  const until = e.effective_revision?.valid_until ?? null
  switch (e.state) {
    case 'ARCHIVED':
      return { text: 'Archived', tone: 'neutral' }
    case 'VALID':
      return { text: until ? `Valid until ${until}` : 'Valid (no expiry date)', tone: 'ok' }
    case 'EXPIRED':
      return { text: `Expired on ${until ?? '—'}`, tone: 'danger' }
    default:
      return e.pending_review
        ? { text: 'Pending review', tone: 'pending' }
        : { text: 'No accepted revision', tone: 'neutral' }
  }
}

/** A record with an accepted revision in force may also wait on a newer one: said beside its state. */
export const newerPending = (e: EvidenceStateFacts) =>
  e.pending_review && (e.state === 'VALID' || e.state === 'EXPIRED')

/** The wording of `evidence.verify` (§6.6). */
export const VERIFY_TEXT: Record<string, string> = {
  MATCH: 'MATCH – the stored file still has its recorded SHA-256.',
  MISMATCH: 'MISMATCH – the stored file no longer has its recorded SHA-256.',
  MISSING: 'MISSING – the file is not on this device.',
}
