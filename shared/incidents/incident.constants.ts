import { ROLE_NAMES } from '../core/primitives'

export const ROLE_LABEL = ROLE_NAMES

/** The editable catalogue in the row order of incidents.md §3.1: error messages list fields in this order. */
export const INCIDENT_FIELDS = [
  'title',
  'description',
  'business_unit_id',
  'business_process_id',
  'product_id',
  'basel_business_line_id',
  'simplified_event_type_id',
  'basel_event_type_id',
  'cause_ids',
  'near_miss',
  'gross_loss_amount',
  'currency_code',
  'net_loss_override',
  'net_loss_override_reason',
  'occurred_at',
  'discovered_at',
  'resolved_at',
  'first_accounting_date',
] as const
export type IncidentField = (typeof INCIDENT_FIELDS)[number]

export const INCIDENT_STATUSES = ['DRAFT', 'PENDING_REVIEW', 'PENDING_VALIDATION', 'VALIDATED', 'CLOSED'] as const
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number]

export const STATUS_NAMES: Record<IncidentStatus, string> = {
  DRAFT: 'Draft',
  PENDING_REVIEW: 'Pending Manager Review',
  PENDING_VALIDATION: 'Pending Risk Validation',
  VALIDATED: 'Validated',
  CLOSED: 'Closed',
}

export const SEVERITIES = ['unrated', 'low', 'medium', 'high', 'critical'] as const
export type Severity = (typeof SEVERITIES)[number]

/** UI labels, also used in `<Label> not found or inactive.` and `<Label> cannot be in the future.` */
export const FIELD_LABELS: Record<IncidentField, string> = {
  title: 'Title',
  description: 'Description',
  business_unit_id: 'Business unit',
  business_process_id: 'Business process',
  product_id: 'Product',
  basel_business_line_id: 'Business line',
  simplified_event_type_id: 'Simplified event type',
  basel_event_type_id: 'Basel event type',
  cause_ids: 'Loss causes',
  near_miss: 'Near miss',
  gross_loss_amount: 'Gross loss',
  currency_code: 'Currency',
  net_loss_override: 'Net loss override',
  net_loss_override_reason: 'Override reason',
  occurred_at: 'Occurrence time',
  discovered_at: 'Discovery time',
  resolved_at: 'Resolution time',
  first_accounting_date: 'First accounting date',
}
