const STATUS_CLASS: Record<string, string> = {
  DRAFT: 'chip-draft',
  PENDING_REVIEW: 'chip-review',
  PENDING_VALIDATION: 'chip-validation',
  VALIDATED: 'chip-validated',
  CLOSED: 'chip-closed',
}

export function StatusChip({ status, name }: { status: string; name: string }) {
  return <span className={`chip ${STATUS_CLASS[status] ?? ''}`}>{name}</span>
}

const STAGE_WORDS: Record<string, string> = { DRAFT: 'draft', REVIEW: 'review', VALIDATION: 'validation' }

/** Overdue is a flag beside the status, never a status of its own (incidents §4). */
export function OverdueBadge({ stage }: { stage: string | null }) {
  if (!stage) return null
  return (
    <span className="badge badge-danger" title={`The ${STAGE_WORDS[stage] ?? stage} stage is past its due date.`}>
      Overdue
    </span>
  )
}

export function Badge({ children, tone = 'neutral' }: { children: string; tone?: 'neutral' | 'info' | 'warning' }) {
  return <span className={`badge badge-${tone}`}>{children}</span>
}
