import type { Generated, Kysely, Transaction } from 'kysely'
import type { RcsaTables } from './schema.rcsa'

// Row types as both engines return them after the store's type parsers (bigint → number).
// Booleans are 0/1 integers and JSON columns are text on both engines.

type Synced = {
  id: string
  tenant_id: string
  version: Generated<number>
  created_at: string
  updated_at: string
  scope_keys: Generated<string>
}

export interface DbMetaTable {
  id: number
  database_id: string
  tenant_id: string
  tenant_name: string | null
  device_code: string
  created_at: string
  created_by_app_version: string
  clean_shutdown: Generated<number>
  lock_after_minutes: Generated<number>
  demo_mode: Generated<number>
  reporting_currency: Generated<string>
}

export interface AuditEntryTable {
  id: string
  tenant_id: string
  chain_id: string
  seq: number
  at: string
  recorded_at: string
  actor_id: string | null
  actor_label: string
  action: string
  entity_type: string
  entity_id: string
  entity_ref: string | null
  changes: string
  reason: string | null
  correlation_id: string
  command_id: string | null
  origin_device: string | null
  prev_hash: string
  hash: string
}

export interface AuditHeadTable {
  chain_id: string
  seq: number
  hash: string
}

export interface AuditVerifiedTable extends AuditHeadTable {
  verified_at: string
}

export interface ErrorLogTable {
  id: string
  at: string
  category: string
  source: string
  code: string
  message: string
  correlation_id: string
  user_id: string | null
  command: string | null
  detail: string | null
}

export interface BusinessUnitTable extends Synced {
  code: string | null
  name: string
  parent_id: string | null
  default_business_line_id: string | null
  is_active: Generated<number>
}

export interface BusinessProcessTable extends Synced {
  code: string | null
  name: string
  business_unit_id: string | null
  parent_id: string | null
  is_active: Generated<number>
}

export interface ProductTable extends Synced {
  code: string | null
  name: string
  business_unit_id: string | null
  is_active: Generated<number>
}

export interface UsersTable extends Synced {
  username: string | null
  email: string
  email_lc: string
  full_name: string
  roles: string
  group_scope: Generated<number>
  business_unit_id: string | null
  manager_id: string | null
  is_active: Generated<number>
  password_hash: string | null
  must_change_password: Generated<number>
  failed_sign_ins: Generated<number>
  sign_in_blocked_until: string | null
  last_sign_in_at: string | null
}

export interface ReferenceCounterTable {
  prefix: string
  year: number
  device_code: string
  last_value: number
}

export interface NotificationTable {
  id: string
  tenant_id: string
  entity_type: string
  entity_id: string
  event_type: string
  sla_stage: string | null
  routing_rule_id: string | null
  triggered_by_user_id: string | null
  recipient_user_id: string | null
  recipient_role: string | null
  recipient_bu_id: string | null
  created_at: string
  due_at: string | null
  method: Generated<string>
  payload: string
  priority: string
  requires_action: Generated<number>
  action_route: string | null
  status: Generated<string>
  attempts: Generated<number>
  last_error: string | null
  sent_at: string | null
  active: Generated<number>
  dedupe_key: string
}

export interface UserNotificationTable {
  id: string
  notification_id: string
  user_id: string
  is_read: Generated<number>
  created_at: string
  read_at: string | null
}

export interface SyncStateTable {
  id: number
  mode: Generated<string>
  cursor: Generated<number>
  audit_cursor: Generated<number>
  next_client_seq: Generated<number>
}

export interface SyncOutboxTable {
  id: string
  client_seq: number
  command: string
  input: string
  user_id: string
  correlation_id: string
  base_versions: string
  base_snapshot: string | null
  rules_version: number
  created_at: string
  state: string
  attempts: Generated<number>
  server_seq: number | null
  error: string | null
  rebase_error: string | null
  resolved_at: string | null
}

export interface JobRunTable {
  job: string
  last_run_at: string
  last_outcome: string
}

export interface BaselEventTypeTable {
  id: string
  name: string
  level: number
  parent_id: string | null
  definition: string | null
  sort_order: number
  corep_column: string | null
  is_active: Generated<number>
}

export interface BaselBusinessLineTable {
  id: string
  name: string
  level: number
  parent_id: string | null
  sort_order: number
  tsa_beta: string | null
  corep_row_base: number | null
  is_active: Generated<number>
}

export interface CurrencyTable {
  code: string
  name: string
  minor_unit_digits: number
  is_active: number
}

export interface LossCauseTable {
  id: string
  name: string
  description: string | null
  family: string
  is_active: Generated<number>
}

export interface RiskCategoryTable {
  id: string
  name: string
  description: string | null
  is_active: Generated<number>
}

export interface SimplifiedEventTypeTable {
  id: string
  name: string
  short_desc: string
  front_end_hint: string
  is_active: Generated<number>
  sort_order: number
}

export interface SimplifiedToBaselMapTable {
  simplified_event_type_id: string
  basel_event_type_id: string
  is_default: Generated<number>
}

export interface IncidentTable extends Synced {
  ref: string
  title: string
  description: string
  status: string
  business_unit_id: string
  business_process_id: string | null
  product_id: string | null
  basel_business_line_id: string | null
  simplified_event_type_id: string | null
  basel_event_type_id: string | null
  near_miss: Generated<number>
  gross_loss_amount: number | null
  currency_code: string | null
  net_loss_override: number | null
  net_loss_override_reason: string | null
  net_loss_amount: number | null
  recovery_total: Generated<number>
  gross_loss_reporting: number | null
  severity: Generated<string>
  occurred_at: string | null
  discovered_at: string | null
  resolved_at: string | null
  first_accounting_date: string | null
  assigned_to_user_id: string | null
  submitted_at: string | null
  reviewed_by_user_id: string | null
  reviewed_at: string | null
  validated_by_user_id: string | null
  validated_at: string | null
  validated_version: number | null
  validated_hash: string | null
  closed_by_user_id: string | null
  closed_at: string | null
  draft_due_at: string | null
  review_due_at: string | null
  validation_due_at: string | null
  current_due_at: string | null
  notes: string | null
  created_by_user_id: string
  deleted_at: string | null
  deleted_by_user_id: string | null
  demo_batch_id: string | null
}

export interface IncidentCauseTable {
  incident_id: string
  loss_cause_id: string
}

export interface IncidentAllowedTransitionTable {
  from_status: string
  to_status: string
  role: string
}

export interface IncidentRequiredFieldTable {
  target_status: string
  field: string
}

export interface IncidentEditableFieldTable {
  status: string
  role: string
  field: string
}

export interface SlaConfigTable {
  key: string
  value_days: number
  updated_at: string
}

export interface IncidentRecoveryTable {
  id: string
  tenant_id: string
  incident_id: string
  type: string
  amount: number
  received_on: string
  note: string | null
  created_by_user_id: string
  created_at: string
  updated_at: string
  version: Generated<number>
  scope_keys: Generated<string>
}

export interface FxRateTable extends Synced {
  currency_code: string
  rate_date: string
  /** Decimal string: 1 unit of currency_code = rate units of the reporting currency. */
  rate: string
  source: string | null
  created_by_user_id: string | null
  updated_by_user_id: string | null
}

export interface RoutingRuleTable extends Synced {
  priority: number
  /** JSON object of AND predicates (incidents §9.1). */
  predicate: string
  route_to_role: string | null
  route_to_bu_id: string | null
  description: string
  active: Generated<number>
}

export interface MeasureTable extends Synced {
  ref: string
  description: string
  status: string
  responsible_user_id: string
  deadline: string | null
  notes: string | null
  closure_comment: string | null
  started_at: string | null
  submitted_at: string | null
  closed_at: string | null
  created_by_user_id: string
}

export interface IncidentMeasureTable {
  incident_id: string
  measure_id: string
  tenant_id: string
  created_by_user_id: string
  created_at: string
}

export interface MeasureEditableFieldTable {
  status: string
  party: string
  field: string
}

export interface DB extends RcsaTables {
  db_meta: DbMetaTable
  audit_entry: AuditEntryTable
  audit_head: AuditHeadTable
  audit_verified: AuditVerifiedTable
  error_log: ErrorLogTable
  business_unit: BusinessUnitTable
  business_process: BusinessProcessTable
  product: ProductTable
  users: UsersTable
  reference_counter: ReferenceCounterTable
  notification: NotificationTable
  user_notification: UserNotificationTable
  sync_state: SyncStateTable
  sync_outbox: SyncOutboxTable
  job_run: JobRunTable
  basel_event_type: BaselEventTypeTable
  basel_business_line: BaselBusinessLineTable
  currency: CurrencyTable
  loss_cause: LossCauseTable
  risk_category: RiskCategoryTable
  simplified_event_type: SimplifiedEventTypeTable
  simplified_to_basel_map: SimplifiedToBaselMapTable
  incident: IncidentTable
  incident_cause: IncidentCauseTable
  incident_allowed_transition: IncidentAllowedTransitionTable
  incident_required_field: IncidentRequiredFieldTable
  incident_editable_field: IncidentEditableFieldTable
  sla_config: SlaConfigTable
  incident_recovery: IncidentRecoveryTable
  fx_rate: FxRateTable
  routing_rule: RoutingRuleTable
  measure: MeasureTable
  incident_measure: IncidentMeasureTable
  measure_editable_field: MeasureEditableFieldTable
}

export type Db = Kysely<DB> | Transaction<DB>
export type Trx = Transaction<DB>
