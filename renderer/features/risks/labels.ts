import type { RiskField } from '#shared/risks/risk.constants'

export { RISK_STATUS_LABELS, NOTE_PREFIXES, noteHeader } from '#shared/risks/risk.read-rules'

/** The statuses in workflow order, for the status filter. */
export const RISK_STATUS_ORDER = ['DRAFT', 'ASSESSED', 'ACTIVE', 'RETIRED'] as const

/** A chip class per status (the shared chip colours: draft grey, pending amber, active green, retired violet). */
export const STATUS_CHIP: Record<string, string> = {
  DRAFT: 'chip-draft',
  ASSESSED: 'chip-review',
  ACTIVE: 'chip-validated',
  RETIRED: 'chip-closed',
}

/** The §2.1 fields as the form labels them. */
export const FIELD_LABELS: Record<RiskField, string> = {
  title: 'Title',
  description: 'Description',
  risk_category_id: 'Risk category',
  basel_event_type_id: 'Basel event type',
  business_unit_id: 'Business unit',
  business_process_id: 'Business process',
  product_id: 'Product',
  owner_id: 'Owner',
  inherent_likelihood: 'Inherent likelihood',
  inherent_impact: 'Inherent impact',
  inherent_justification: 'Inherent justification',
  residual_likelihood: 'Residual likelihood',
  residual_impact: 'Residual impact',
  residual_justification: 'Residual justification',
  next_review_date: 'Next review date',
}

export const ACCEPTANCE_FILTER_LABELS: Record<string, string> = {
  ACCEPTED: 'Accepted',
  PENDING: 'Acceptance pending',
  NEEDS_RENEWAL: 'Needs renewal',
  NONE: 'No acceptance',
}

export const ACCEPTANCE_STATE_LABELS: Record<string, string> = {
  PENDING: 'Pending',
  ACCEPTED: 'Accepted',
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
  EXPIRED: 'Expired',
  REVOKED: 'Revoked',
  REOPENED: 'Re-opened',
}

export const CONTROL_TYPE_LABELS: Record<string, string> = {
  PREVENTIVE: 'Preventive',
  DETECTIVE: 'Detective',
  CORRECTIVE: 'Corrective',
}

export const CONTROL_NATURE_LABELS: Record<string, string> = {
  MANUAL: 'Manual',
  AUTOMATED: 'Automated',
  HYBRID: 'Hybrid',
}

// audit-security §2.8 "action in words"; the command name is shown beside it.
const ACTION_WORDS: Record<string, string> = {
  'risk.create': 'Risk created',
  'risk.update': 'Risk edited',
  'risk.submitForReview': 'Submitted for review',
  'risk.approve': 'Approved',
  'risk.sendBack': 'Sent back for revision',
  'risk.requestReassessment': 'Reassessment requested',
  'risk.retire': 'Retired',
  'risk.delete': 'Deleted',
  'risk.linkControl': 'Control linked',
  'risk.updateControlLinkNotes': 'Control link notes changed',
  'risk.unlinkControl': 'Control unlinked',
  'risk.linkIncident': 'Incident linked',
  'risk.unlinkIncident': 'Incident unlinked',
  'risk.addComment': 'Comment added',
  'risk.adoptMatrixVersion': 'Current matrix adopted',
  'measure.create': 'Measure created and linked',
  'measure.linkRisk': 'Measure linked',
  'measure.unlinkRisk': 'Measure unlinked',
  'kri.linkRisk': 'KRI linked',
  'kri.unlinkRisk': 'KRI unlinked',
  'riskAcceptance.request': 'Acceptance requested',
  'riskAcceptance.accept': 'Acceptance accepted',
  'riskAcceptance.reject': 'Acceptance rejected',
  'riskAcceptance.withdraw': 'Acceptance withdrawn',
  'riskAcceptance.revoke': 'Acceptance revoked',
}

export const riskActionWords = (action: string): string | null => ACTION_WORDS[action] ?? null

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** Text length as the catalogue counts it: code points after trimming (risks.md §1 "Text"). */
export { lengthOf } from '#renderer/lib/text-count'

const numberFormat = new Intl.NumberFormat()
export const count = (n: number) => numberFormat.format(n)

export const person = (p: { full_name?: string | null; email?: string | null } | null | undefined) =>
  !p ? '—' : p.full_name ? (p.email ? `${p.full_name} (${p.email})` : p.full_name) : (p.email ?? '—')
