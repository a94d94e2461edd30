import type { InputOf } from '#shared/catalogue/types'
import { IncidentDescription, IncidentTitle } from '#shared/incidents/incident.schema'
import type { FieldErrors } from '#renderer/lib/form-errors'
import { parseAmount } from '#renderer/lib/money'
import { localInputToUtc } from '#renderer/lib/time'
import type { ReportValues } from '#renderer/stores/report-draft'
import { digitsOf } from '#renderer/stores/reference'
import type { IncidentForm } from '#renderer/types'

export type ReportField = keyof ReportValues
export const REPORT_FIELDS: readonly ReportField[] = [
  'title',
  'description',
  'simplified_event_type_id',
  'business_unit_id',
  'occurred_at',
  'discovered_at',
  'near_miss',
  'gross_loss_amount',
  'currency_code',
]

type CreateInput = InputOf<'incident.create'>

const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? undefined : r.error?.issues[0]?.message

/**
 * The form as typed → the `incident.create` input, or the errors the user can fix before calling. Only fields the
 * user filled are sent: an untouched field stays "not known yet" and is never checked against the field locks.
 */
export function buildCreateInput(
  v: ReportValues,
  form: IncidentForm | null,
): { input: CreateInput | null; errors: FieldErrors<ReportField> } {
  const errors: FieldErrors<ReportField> = {}
  const title = firstMessage(IncidentTitle.safeParse(v.title))
  if (title) errors.title = title
  const description = firstMessage(IncidentDescription.safeParse(v.description))
  if (description) errors.description = description

  const input: CreateInput = { title: v.title, description: v.description }
  if (v.business_unit_id) input.business_unit_id = v.business_unit_id
  else if (form && !form.default_business_unit_id) errors.business_unit_id = 'Choose a business unit.'
  if (v.simplified_event_type_id) input.simplified_event_type_id = v.simplified_event_type_id
  if (v.near_miss) input.near_miss = true

  for (const field of ['occurred_at', 'discovered_at'] as const) {
    const t = localInputToUtc(v[field])
    if (!t.ok) errors[field] = t.message
    else if (t.iso !== null) input[field] = t.iso
  }

  const currency = v.currency_code || form?.reporting_currency || ''
  const amount = parseAmount(v.gross_loss_amount, currency, digitsOf(form, currency))
  if (!amount.ok) errors.gross_loss_amount = amount.message
  else if (amount.minor !== null) {
    input.gross_loss_amount = amount.minor
    // The currency only means something beside an amount; without one the incident keeps no currency.
    if (currency === '') errors.currency_code = 'Choose the currency of the amount.'
    else input.currency_code = currency
  }

  return { input: Object.keys(errors).length === 0 ? input : null, errors }
}
