import { z } from 'zod'
import { DateOnly, Id, Ts } from '../core/primitives'
import { changesSchema } from '../catalogue/update-shape'
import { INCIDENT_FIELDS, type IncidentField } from './incident.constants'
import { CurrencyCode, GrossLoss, IncidentDescription, IncidentTitle } from './incident.schema'

const RefCode = z.string().min(1).max(40)

/** The value each editable key may take (incidents §6.2); references are checked against stored data later. */
export const FIELD_VALUE: Record<IncidentField, z.ZodType> = {
  title: IncidentTitle,
  description: IncidentDescription,
  business_unit_id: Id,
  business_process_id: Id.nullable(),
  product_id: Id.nullable(),
  basel_business_line_id: RefCode.nullable(),
  simplified_event_type_id: RefCode.nullable(),
  basel_event_type_id: RefCode.nullable(),
  cause_ids: z.array(RefCode).max(20, 'At most 20 loss causes.'),
  near_miss: z.boolean(),
  gross_loss_amount: GrossLoss.nullable(),
  currency_code: CurrencyCode.nullable(),
  net_loss_override: GrossLoss.nullable(),
  net_loss_override_reason: z
    .string()
    .transform((s) => s.trim())
    .nullable(),
  occurred_at: Ts.nullable(),
  discovered_at: Ts.nullable(),
  resolved_at: Ts.nullable(),
  first_accounting_date: DateOnly.nullable(),
}

export const IncidentChanges = changesSchema(INCIDENT_FIELDS, FIELD_VALUE)
