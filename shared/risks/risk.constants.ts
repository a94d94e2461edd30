// Fixed vocabulary of the risk register (risks.md §2, §5, §6, §14).

export const RISK_STATUSES = ['DRAFT', 'ASSESSED', 'ACTIVE', 'RETIRED'] as const
export type RiskStatus = (typeof RISK_STATUSES)[number]

/** The fields a person may enter on a risk, in the order of §2.1: the catalogue of locks and required fields. */
export const RISK_FIELDS = [
  'title',
  'description',
  'risk_category_id',
  'basel_event_type_id',
  'business_unit_id',
  'business_process_id',
  'product_id',
  'owner_id',
  'inherent_likelihood',
  'inherent_impact',
  'inherent_justification',
  'residual_likelihood',
  'residual_impact',
  'residual_justification',
  'next_review_date',
] as const
export type RiskField = (typeof RISK_FIELDS)[number]

/** The §6.2 update shape's values for each field, as stored. */
export type RiskValues = Record<RiskField, string | number | null>

/** §5.1: each edge with its command, UI label and reason dialog, in the table's order. */
export const TRANSITION_TABLE: readonly {
  from: RiskStatus
  to: RiskStatus
  command: string
  label: string
  /** The reason dialog: `required` (20–2 000 characters), `optional` (≤ 2 000) or none. */
  reason: 'required' | 'optional' | null
}[] = [
  { from: 'DRAFT', to: 'ASSESSED', command: 'risk.submitForReview', label: 'Submit for review', reason: null },
  { from: 'ASSESSED', to: 'ACTIVE', command: 'risk.approve', label: 'Approve', reason: null },
  { from: 'DRAFT', to: 'ACTIVE', command: 'risk.approve', label: 'Approve (workshop)', reason: null },
  { from: 'ASSESSED', to: 'DRAFT', command: 'risk.sendBack', label: 'Send back', reason: 'required' },
  {
    from: 'ACTIVE',
    to: 'ASSESSED',
    command: 'risk.requestReassessment',
    label: 'Request reassessment',
    reason: 'optional',
  },
  { from: 'ASSESSED', to: 'RETIRED', command: 'risk.retire', label: 'Retire', reason: 'required' },
  { from: 'ACTIVE', to: 'RETIRED', command: 'risk.retire', label: 'Retire', reason: 'required' },
]

/** The edges of §5.1; admin rows (risk_allowed_transition) may only name these. */
export const RISK_EDGES: readonly (readonly [RiskStatus, RiskStatus])[] = TRANSITION_TABLE.map((t) => [t.from, t.to])

export const RISK_NOTE_KINDS = ['COMMENT', 'RETURNED_FOR_REVISION', 'REASSESSMENT_REQUESTED', 'RETIREMENT'] as const

export const MSG = {
  readOnly: 'Your role cannot change risks.',
  createGate: 'Only users with the Manager or Risk Officer role can create risks.',
  editGate: 'Only users with the Manager or Risk Officer role can edit risks.',
  statusGate: "Only users with the Manager or Risk Officer role can change a risk's status.",
  linkGate: 'Only users with the Manager or Risk Officer role can link items to risks.',
  deleteGate: 'You do not have permission to delete this risk.',
  conflict: 'This risk changed after you saw it. Review the changes and try again.',
  fieldConflict: 'This risk was changed by someone else. Reload and try again.',
  outOfScope: 'Business unit is outside your scope.',
  ownerMissing: 'Owner not found or inactive.',
  ownerBu: 'Owner must belong to the selected Business Unit.',
  processBu: 'Business process does not belong to the selected Business Unit.',
  productBu: 'Product does not belong to the selected Business Unit.',
  processMissing: 'Business process not found or inactive.',
  productMissing: 'Product not found or inactive.',
  category: 'Risk category not found or inactive.',
  basel: 'Basel event type is not valid for risk category.',
  residualWarning: 'Residual score is higher than inherent score.',
  P1: 'Inherent risk scores required before submission.',
  P2: 'Basel event type is not valid for risk category.',
  P3: 'Residual risk scores required.',
  P4: 'Basel event type must be selected.',
  P5: 'Residual risk score cannot exceed inherent risk score.',
  P6: 'At least one control must be linked before approval.',
  P7: 'Next review date must be after today.',
  onlyDraftDelete: 'Only DRAFT risks can be deleted.',
  approvedDelete: 'A risk that has been approved cannot be deleted. Retire it instead.',
  linkRetired: 'Cannot link retired risks.',
  retired: 'Retired risk cannot be modified.',
  managerDraftOnly: "Managers can change a risk's controls only while it is in DRAFT.",
  inactiveControl: 'Cannot link inactive controls.',
  controlLinked: 'Control already linked.',
  controlNotLinked: 'Control is not linked.',
  lastControl: 'Cannot unlink last control from ACTIVE risk. At least one control must remain.',
  unlinkWarning: 'This may affect residual risk. Consider reassessment.',
  adminOnly: 'Only administrators can change the risk workflow settings.',
  categoryNeedsType: 'A risk category must allow at least one Basel event type.',
} as const
