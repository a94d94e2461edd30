import { z } from 'zod'
import { DateOnly, Id, text, Ts } from '../core/primitives'

// zod only: the renderer reuses these for early feedback; the handler is still the judge.
export const MAX_MONEY = 1_000_000_000_000_000
export const GROSS_MESSAGE = 'The gross loss must be a whole number of minor units between 0 and 1,000,000,000,000,000.'
const RefCode = z.string().min(1).max(40)

export const IncidentTitle = text('Title', 1, 255)
export const IncidentDescription = text('Description', 1, 10_000)
export const GrossLoss = z
  .number({ error: GROSS_MESSAGE })
  .int({ error: GROSS_MESSAGE })
  .min(0, { error: GROSS_MESSAGE })
  .max(MAX_MONEY, { error: GROSS_MESSAGE })
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'Choose the currency of the amount.')

/** Every catalogue field may appear; which ones a DRAFT's reporter may set is data (the field-lock table). */
export const CreateIncidentInput = z.strictObject({
  id: Id.optional(),
  title: IncidentTitle,
  description: IncidentDescription,
  business_unit_id: Id.optional(),
  business_process_id: Id.nullable().optional(),
  product_id: Id.nullable().optional(),
  basel_business_line_id: RefCode.nullable().optional(),
  simplified_event_type_id: RefCode.nullable().optional(),
  basel_event_type_id: RefCode.nullable().optional(),
  cause_ids: z.array(RefCode).max(20, 'At most 20 loss causes.').optional(),
  near_miss: z.boolean().optional(),
  gross_loss_amount: GrossLoss.nullable().optional(),
  currency_code: CurrencyCode.nullable().optional(),
  net_loss_override: GrossLoss.nullable().optional(),
  net_loss_override_reason: z.string().max(500).nullable().optional(),
  occurred_at: Ts.nullable().optional(),
  discovered_at: Ts.nullable().optional(),
  resolved_at: Ts.nullable().optional(),
  first_accounting_date: DateOnly.nullable().optional(),
})
export type CreateIncidentInput = z.input<typeof CreateIncidentInput>

const DateFilter = DateOnly
export const INCIDENT_SORTS = ['created_at', 'current_due_at', 'discovered_at', 'gross_loss_reporting', 'ref'] as const

/** The filters of incidents §14.1; the list and its exports share them. */
export const IncidentFilters = z.strictObject({
  status: z
    .array(z.enum(['DRAFT', 'PENDING_REVIEW', 'PENDING_VALIDATION', 'VALIDATED', 'CLOSED']))
    .max(5)
    .optional(),
  overdue: z.boolean().optional(),
  overdue_stage: z.enum(['DRAFT', 'REVIEW', 'VALIDATION']).optional(),
  created_by: z.union([z.literal('me'), Id]).optional(),
  assigned_to: z.union([z.literal('me'), Id]).optional(),
  business_unit_id: Id.optional(),
  simplified_event_type_id: RefCode.optional(),
  basel_event_type_id: RefCode.optional(),
  severity: z
    .array(z.enum(['unrated', 'low', 'medium', 'high', 'critical']))
    .max(5)
    .optional(),
  near_miss: z.boolean().optional(),
  discovered_from: DateFilter.optional(),
  discovered_to: DateFilter.optional(),
  first_accounting_from: DateFilter.optional(),
  first_accounting_to: DateFilter.optional(),
  q: z.string().trim().min(3, 'Enter at least 3 characters.').max(100).optional(),
  deleted: z.enum(['exclude', 'include', 'only']).default('exclude'),
})
export type IncidentFilters = z.output<typeof IncidentFilters>

export const IncidentListInput = IncidentFilters.extend({
  sort: z.enum(INCIDENT_SORTS).default('created_at'),
  direction: z.enum(['asc', 'desc']).optional(),
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(1000).optional(),
  with_total: z.boolean().optional(),
})
export type IncidentListInput = z.input<typeof IncidentListInput>
