import type { Generated } from 'kysely'

// Row types of the controls library, the risk register and the KRIs (migration 0006_rcsa).
// Booleans are 0/1 integers, JSON columns are text, `_e4` numbers are integers scaled by 10 000.

type Synced = {
  id: string
  tenant_id: string
  version: Generated<number>
  created_at: string
  updated_at: string
  scope_keys: Generated<string>
}

type LinkRow = { tenant_id: string; created_by_user_id: string; created_at: string }

export interface AppSettingTable {
  key: string
  /** JSON text. */
  value: string
  updated_at: string
  updated_by: string | null
}

export interface RiskMatrixVersionTable {
  id: string
  version: number
  name: string
  status: string
  /** JSON `[{level, label, description}]`, five entries. */
  likelihood_levels: string
  impact_levels: string
  /** JSON `[{code, label, min_score, max_score, colour, text_colour}]`, ascending. */
  bands: string
  created_by: string | null
  created_at: string
  published_by: string | null
  published_at: string | null
  row_version: Generated<number>
}

export interface RiskCategoryEventTypeTable {
  category_id: string
  basel_event_type_id: string
}

export interface FrameworkTable {
  id: string
  code: string
  name: string
  clause_pattern: string | null
  clause_example: string | null
  is_active: Generated<number>
  updated_at: string
}

export interface ControlTemplateTable {
  code: string
  title: string
  description: string
  control_type: string
  control_nature: string
  control_frequency: string
  implementation_status: string
  /** JSON `[{framework, clause, title}]`. */
  framework_refs: string
}

export interface ControlTable extends Synced {
  ref: string
  code: string | null
  title: string
  description: string
  control_type: string
  control_nature: string
  control_frequency: string
  implementation_status: string
  effectiveness: number | null
  business_unit_id: string
  business_process_id: string | null
  owner_id: string
  reference_doc: string | null
  group_wide: Generated<number>
  is_active: Generated<number>
  deactivated_at: string | null
  deactivated_by: string | null
  deactivation_reason: string | null
  evidence_status: Generated<string>
  last_test_date: string | null
  last_test_result: string | null
  created_by: string
  updated_by: string
}

export interface ControlFrameworkRefTable {
  id: string
  tenant_id: string
  control_id: string
  framework_id: string
  clause_code: string
  clause_title: string | null
  created_by: string
  created_at: string
}

export interface EvidenceTable extends Synced {
  control_id: string
  title: string
  kind: string
  description: string | null
  latest_version_no: number
  is_archived: Generated<number>
  archived_at: string | null
  archived_by: string | null
  archive_reason: string | null
  created_by: string
}

export interface EvidenceRevisionTable {
  id: string
  tenant_id: string
  evidence_id: string
  version_no: number
  file_sha256: string | null
  file_name: string | null
  file_size: number | null
  media_type: string | null
  url: string | null
  collected_at: string
  valid_until: string | null
  observation: string | null
  status: string
  uploaded_by: string
  uploaded_at: string
  reviewed_by: string | null
  reviewed_at: string | null
  review_note: string | null
}

export interface ControlTestTable {
  id: string
  tenant_id: string
  control_id: string
  test_date: string
  tester_id: string
  result: string
  notes: string | null
  evidence_revision_id: string | null
  recorded_by: string
  recorded_at: string
  voided_at: string | null
  voided_by: string | null
  void_reason: string | null
}

export interface RiskTable extends Synced {
  ref: string
  title: string
  description: string
  risk_category_id: string
  basel_event_type_id: string | null
  business_unit_id: string
  business_process_id: string | null
  product_id: string | null
  owner_id: string
  matrix_version_id: string
  inherent_likelihood: number | null
  inherent_impact: number | null
  inherent_score: number | null
  inherent_band: string | null
  inherent_justification: string | null
  residual_likelihood: number | null
  residual_impact: number | null
  residual_score: number | null
  residual_band: string | null
  residual_justification: string | null
  status: string
  next_review_date: string | null
  submitted_for_review_at: string | null
  submitted_by: string | null
  validated_at: string | null
  validated_by: string | null
  retired_at: string | null
  retired_by: string | null
  retirement_reason: string | null
  created_by: string
  updated_by: string
  deleted_at: string | null
  deleted_by: string | null
}

export interface RiskControlTable extends LinkRow {
  risk_id: string
  control_id: string
  notes: string | null
  updated_at: string
}
export interface IncidentRiskTable extends LinkRow {
  incident_id: string
  risk_id: string
}
export interface RiskMeasureTable extends LinkRow {
  risk_id: string
  measure_id: string
}
export interface KriRiskTable extends LinkRow {
  kri_id: string
  risk_id: string
}

export interface RiskNoteTable {
  id: string
  tenant_id: string
  risk_id: string
  kind: string
  body: string
  author_id: string
  created_at: string
}

export interface RiskSnapshotTable {
  id: string
  tenant_id: string
  risk_id: string
  taken_at: string
  trigger: string
  risk_version: number
  status: string
  title: string
  risk_category_id: string
  basel_event_type_id: string | null
  business_unit_id: string
  owner_id: string
  matrix_version_id: string
  inherent_likelihood: number | null
  inherent_impact: number | null
  inherent_score: number | null
  inherent_band: string | null
  residual_likelihood: number | null
  residual_impact: number | null
  residual_score: number | null
  residual_band: string | null
  /** JSON array of active control ids, sorted. */
  control_ids: string
  control_count: number
  /** Decimal string rounded half up to 2 places, or null. */
  avg_control_design_effectiveness: string | null
  open_measure_count: number
  incident_count: number
  worst_kri_status: string | null
  actor_id: string
}

export interface RiskAcceptanceTable extends Synced {
  ref: string
  risk_id: string
  state: string
  requested_by: string
  requested_at: string
  approver_id: string
  justification: string
  conditions: string | null
  expires_on: string
  bound_risk_version: number
  bound_snapshot_id: string | null
  bound_fingerprint: string
  /** JSON array, sorted. */
  bound_control_ids: string
  bound_residual_score: number | null
  bound_residual_band: string | null
  decided_at: string | null
  decided_risk_version: number | null
  decision_note: string | null
  ended_at: string | null
  ended_by: string | null
  end_reason: string | null
}

export interface RiskAllowedTransitionTable {
  from_status: string
  to_status: string
  role: string
}
export interface RiskEditableFieldTable {
  status: string
  role: string
  field: string
}
export interface RiskRequiredFieldTable {
  target_status: string
  field: string
}
export interface RiskAcceptanceAuthorityTable {
  band: string
  role: string
  requires_group_scope: Generated<number>
}

export interface KriTable extends Synced {
  ref: string
  name: string
  description: string | null
  unit: string
  frequency: string
  weekdays_only: Generated<number>
  first_period_start: string
  grace_days: number
  owner_id: string
  business_unit_id: string
  data_source: string | null
  create_measure_on_red: Generated<number>
  measure_due_days: Generated<number>
  is_active: Generated<number>
  activated_on: string
  deactivated_at: string | null
  deactivated_by: string | null
  deactivation_reason: string | null
  current_status: Generated<string>
  current_period_start: string | null
  current_value_e4: number | null
  overdue_period_start: string | null
  created_by: string
  updated_by: string
  deleted_at: string | null
  deleted_by: string | null
}

export interface KriThresholdSetTable {
  id: string
  tenant_id: string
  kri_id: string
  seq: number
  effective_from: string
  direction: string
  amber_e4: number | null
  red_e4: number | null
  amber_low_e4: number | null
  amber_high_e4: number | null
  red_low_e4: number | null
  red_high_e4: number | null
  target_e4: number
  reason: string | null
  created_by: string
  created_at: string
  superseded_at: string | null
  superseded_by_set_id: string | null
}

export interface KriValueTable {
  id: string
  tenant_id: string
  kri_id: string
  period_start: string
  period_end: string
  version_no: number
  value_e4: number
  status: string
  threshold_set_id: string
  comment: string | null
  correction_reason: string | null
  origin: string
  recorded_by: string
  recorded_at: string
  is_current: number
  breach_measure_id: string | null
}

export interface RcsaTables {
  app_setting: AppSettingTable
  risk_matrix_version: RiskMatrixVersionTable
  risk_category_event_type: RiskCategoryEventTypeTable
  framework: FrameworkTable
  control_template: ControlTemplateTable
  control: ControlTable
  control_framework_ref: ControlFrameworkRefTable
  evidence: EvidenceTable
  evidence_revision: EvidenceRevisionTable
  control_test: ControlTestTable
  risk: RiskTable
  risk_control: RiskControlTable
  incident_risk: IncidentRiskTable
  risk_measure: RiskMeasureTable
  risk_note: RiskNoteTable
  risk_snapshot: RiskSnapshotTable
  risk_acceptance: RiskAcceptanceTable
  risk_allowed_transition: RiskAllowedTransitionTable
  risk_editable_field: RiskEditableFieldTable
  risk_required_field: RiskRequiredFieldTable
  risk_acceptance_authority: RiskAcceptanceAuthorityTable
  kri: KriTable
  kri_threshold_set: KriThresholdSetTable
  kri_value: KriValueTable
  kri_risk: KriRiskTable
}
