import { IncidentDescription, IncidentTitle } from '#shared/incidents/incident.schema'
import type { IncidentField } from '#shared/incidents/incident.constants'
import { ApiError } from '#renderer/api'
import type { FieldErrors } from '#renderer/lib/form-errors'
import { minorToInput, parseAmount } from '#renderer/lib/money'
import { localInputToUtc, utcToLocalInput } from '#renderer/lib/time'
import type { IncidentDetail } from '#renderer/types'

/** The §6.2 catalogue the edit form shows; the net loss override has its own dialog. */
export const EDIT_FIELDS = [
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
  'occurred_at',
  'discovered_at',
  'resolved_at',
  'first_accounting_date',
] as const satisfies readonly IncidentField[]
export type EditField = (typeof EDIT_FIELDS)[number]

/** What the inputs hold: text as typed, money in major units, timestamps as local datetime-local values. */
export type EditValues = {
  [K in EditField]: K extends 'cause_ids' ? string[] : K extends 'near_miss' ? boolean : string
}

export type EditSource = Pick<IncidentDetail, EditField | 'suggested_basel_event_type_id' | 'editable_fields'>
export type Digits = (currency: string) => number
export type Changes = Record<string, { before: unknown; after: unknown }>

const TIMESTAMPS = ['occurred_at', 'discovered_at', 'resolved_at'] as const
const REFERENCES = [
  'business_unit_id',
  'business_process_id',
  'product_id',
  'basel_business_line_id',
  'simplified_event_type_id',
  'basel_event_type_id',
  'currency_code',
] as const

/** The stored incident as the inputs show it. */
export function valuesOf(i: EditSource, digits: Digits): EditValues {
  return {
    title: i.title,
    description: i.description,
    business_unit_id: i.business_unit_id,
    business_process_id: i.business_process_id ?? '',
    product_id: i.product_id ?? '',
    basel_business_line_id: i.basel_business_line_id ?? '',
    simplified_event_type_id: i.simplified_event_type_id ?? '',
    basel_event_type_id: i.basel_event_type_id ?? '',
    cause_ids: [...i.cause_ids],
    near_miss: i.near_miss,
    gross_loss_amount: minorToInput(i.gross_loss_amount, digits(i.currency_code ?? '')),
    currency_code: i.currency_code ?? '',
    occurred_at: utcToLocalInput(i.occurred_at),
    discovered_at: utcToLocalInput(i.discovered_at),
    resolved_at: utcToLocalInput(i.resolved_at),
    first_accounting_date: i.first_accounting_date ?? '',
  }
}

/**
 * incidents §7: the default Basel mapping is preselected in an empty picker the caller may edit. It is a change
 * like any other, so it is saved only when the user saves.
 */
export function withSuggestion(values: EditValues, i: EditSource): EditValues {
  const suggested = i.suggested_basel_event_type_id
  if (!suggested || values.basel_event_type_id !== '' || !i.editable_fields.includes('basel_event_type_id'))
    return values
  return { ...values, basel_event_type_id: suggested }
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((v, n) => v === [...b].sort()[n])

export function changedFields(initial: EditValues, values: EditValues): EditField[] {
  return EDIT_FIELDS.filter((f) => {
    const a = initial[f]
    const b = values[f]
    return Array.isArray(a) && Array.isArray(b) ? !sameSet(a, b) : a !== b
  })
}

const firstIssue = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? undefined : r.error?.issues[0]?.message

/**
 * The `incident.update` changes for what the user changed: `before` is the value loaded from the catalogue,
 * `after` the parsed input. Only editable, changed keys are sent; locked fields never are.
 */
export function buildChanges(
  base: EditSource,
  initial: EditValues,
  values: EditValues,
  digits: Digits,
): { changes: Changes; errors: FieldErrors<EditField> } {
  const changes: Changes = {}
  const errors: FieldErrors<EditField> = {}
  const editable = new Set<string>(base.editable_fields)
  const changed = changedFields(initial, values).filter((f) => editable.has(f))
  const put = (f: EditField, after: unknown) => (changes[f] = { before: base[f], after })

  for (const f of changed) {
    if (f === 'title' || f === 'description') {
      const message = firstIssue((f === 'title' ? IncidentTitle : IncidentDescription).safeParse(values[f]))
      if (message) errors[f] = message
      else put(f, values[f])
    } else if (f === 'cause_ids') put(f, [...values.cause_ids])
    else if (f === 'near_miss') put(f, values.near_miss)
    else if (f === 'first_accounting_date') put(f, values.first_accounting_date || null)
    else if ((TIMESTAMPS as readonly string[]).includes(f)) {
      const t = localInputToUtc(values[f as (typeof TIMESTAMPS)[number]])
      if (!t.ok) errors[f] = t.message
      else put(f, t.iso)
    } else if (f === 'business_unit_id' && values.business_unit_id === '') errors[f] = 'Choose a business unit.'
    else if ((REFERENCES as readonly string[]).includes(f)) put(f, values[f as (typeof REFERENCES)[number]] || null)
  }

  // A new currency re-reads the typed amount with that currency's decimals, so gross may change with it.
  if (
    editable.has('gross_loss_amount') &&
    (changed.includes('gross_loss_amount') || changed.includes('currency_code'))
  ) {
    const currency = values.currency_code
    const amount = parseAmount(values.gross_loss_amount, currency, digits(currency))
    if (!amount.ok) errors.gross_loss_amount = amount.message
    else if (amount.minor !== base.gross_loss_amount) put('gross_loss_amount', amount.minor)
  }
  return { changes, errors }
}

/** Catalogue paths are `changes.<field>.after…`; the form knows its fields by name alone. */
export function withFieldPaths(error: ApiError): ApiError {
  if (error.code !== 'VALIDATION' || !error.data || error.data.code !== 'VALIDATION') return error
  const issues = error.data.issues.map((i) => (i.path[0] === 'changes' ? { ...i, path: i.path.slice(1) } : i))
  return new ApiError(error.code, error.message, { ...error.data, issues })
}
