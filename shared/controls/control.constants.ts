// Enumerations and labels of the controls library (controls.md §2).

export const CONTROL_TYPES = ['PREVENTIVE', 'DETECTIVE', 'CORRECTIVE'] as const
export const CONTROL_NATURES = ['MANUAL', 'AUTOMATED', 'HYBRID'] as const
export const CONTROL_FREQUENCIES = [
  'CONTINUOUS',
  'DAILY',
  'WEEKLY',
  'MONTHLY',
  'QUARTERLY',
  'ANNUALLY',
  'AD_HOC',
] as const
export const IMPLEMENTATION_STATUSES = ['PLANNED', 'IMPLEMENTED'] as const
export const EVIDENCE_KINDS = ['DOCUMENT', 'SCREENSHOT', 'LOG', 'ATTESTATION', 'LINK'] as const
export const EVIDENCE_STATUSES = ['VALID', 'EXPIRED', 'NONE'] as const
export const REVISION_STATUSES = ['PENDING', 'ACCEPTED', 'REJECTED'] as const
export const TEST_RESULTS = ['EFFECTIVE', 'PARTIALLY_EFFECTIVE', 'INEFFECTIVE'] as const

export type ControlType = (typeof CONTROL_TYPES)[number]
export type ControlNature = (typeof CONTROL_NATURES)[number]
export type ControlFrequency = (typeof CONTROL_FREQUENCIES)[number]
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number]
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number]
export type RevisionStatus = (typeof REVISION_STATUSES)[number]
export type TestResult = (typeof TEST_RESULTS)[number]

export const CONTROL_TYPE_LABELS: Record<ControlType, string> = {
  PREVENTIVE: 'Preventive',
  DETECTIVE: 'Detective',
  CORRECTIVE: 'Corrective',
}
export const CONTROL_NATURE_LABELS: Record<ControlNature, string> = {
  MANUAL: 'Manual',
  AUTOMATED: 'Automated',
  HYBRID: 'IT-Dependent Manual',
}
export const CONTROL_FREQUENCY_LABELS: Record<ControlFrequency, string> = {
  CONTINUOUS: 'Continuous',
  DAILY: 'Daily',
  WEEKLY: 'Weekly',
  MONTHLY: 'Monthly',
  QUARTERLY: 'Quarterly',
  ANNUALLY: 'Annually',
  AD_HOC: 'Ad-hoc - Event Driven',
}
export const EFFECTIVENESS_LABELS: Record<number, string> = {
  1: 'Ineffective',
  2: 'Weak',
  3: 'Adequate',
  4: 'Effective',
  5: 'Strong',
}
export const TEST_RESULT_LABELS: Record<TestResult, string> = {
  EFFECTIVE: 'Effective',
  PARTIALLY_EFFECTIVE: 'Partially effective',
  INEFFECTIVE: 'Ineffective',
}
export const EVIDENCE_STATUS_LABELS: Record<EvidenceStatus, string> = {
  VALID: 'Valid evidence',
  EXPIRED: 'Evidence expired',
  NONE: 'No valid evidence',
}

/** The control fields a `control.update` may name (§2.1); `is_active` is refused with its own message. */
export const CONTROL_EDITABLE_FIELDS = [
  'code',
  'title',
  'description',
  'control_type',
  'control_nature',
  'control_frequency',
  'implementation_status',
  'effectiveness',
  'business_unit_id',
  'business_process_id',
  'owner_id',
  'reference_doc',
  'group_wide',
] as const
export type ControlEditableField = (typeof CONTROL_EDITABLE_FIELDS)[number]

export const CONTROL_CONFLICT = 'This control changed after you saw it. Review the changes and try again.'
export const EVIDENCE_CONFLICT = 'This evidence changed after you saw it. Review the changes and try again.'
export const FAILED_CONTROL_NOTICE = 'A linked control failed its last test. Consider reassessment.'
