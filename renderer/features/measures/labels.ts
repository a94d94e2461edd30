import type { EditableField, Party } from '#shared/measures/measure.constants'

export const FIELD_LABELS: Record<EditableField, string> = {
  description: 'Description',
  deadline: 'Deadline',
  responsible_user_id: 'Responsible',
}

export const PARTY_LABELS: Record<Party, string> = {
  responsible: 'Responsible',
  responsible_manager: "Responsible's manager",
  creator: 'Creator',
  risk_officer: 'Risk Officer',
}

/** The text box of each transition (measures §12 `input.field`). */
export const INPUT_LABELS: Record<string, string> = {
  evidence: 'Evidence',
  reason: 'Reason',
  closure_comment: 'Closure comment',
}

// audit-security §2.8 "action in words"; the command name is shown beside it.
const ACTION_WORDS: Record<string, string> = {
  'measure.create': 'Measure created',
  'measure.update': 'Measure edited',
  'measure.start': 'Work started',
  'measure.submitForReview': 'Submitted for review',
  'measure.returnToProgress': 'Returned to progress',
  'measure.complete': 'Completed',
  'measure.cancel': 'Cancelled',
  'measure.addComment': 'Comment added',
  'measure.delete': 'Measure deleted',
  'measure.linkIncident': 'Incident linked',
  'measure.unlinkIncident': 'Incident unlinked',
}

export const measureActionWords = (action: string) => ACTION_WORDS[action] ?? null

export { count } from '#renderer/lib/text-count'
