import { formatMoney } from '#renderer/lib/money'
import { formatDate, formatLocal } from '#renderer/lib/time'
import type { IncidentDetail, IncidentForm } from '#renderer/types'
import type { EditField } from './edit-form'

const coded = (id: string | null, name: string | null) => (id === null ? '' : name ? `${id} ${name}` : id)

/** A locked field's stored value in words, as the read-only input shows it. */
export function displayValue(field: EditField, i: IncidentDetail, digits: (currency: string) => number): string {
  switch (field) {
    case 'title':
    case 'description':
      return i[field]
    case 'business_unit_id':
      return i.business_unit_name ?? ''
    case 'business_process_id':
      return i.business_process_name ?? ''
    case 'product_id':
      return i.product_name ?? ''
    case 'simplified_event_type_id':
      return i.simplified_event_type_name ?? ''
    case 'basel_business_line_id':
      return coded(i.basel_business_line_id, i.basel_business_line_name)
    case 'basel_event_type_id':
      return coded(i.basel_event_type_id, i.basel_event_type_name)
    case 'cause_ids':
      return i.causes.map((c) => c.name).join(', ')
    case 'near_miss':
      return i.near_miss ? 'Yes' : 'No'
    case 'gross_loss_amount':
      return i.gross_loss_amount === null || i.currency_code === null
        ? 'Not known yet'
        : formatMoney(i.gross_loss_amount, i.currency_code, digits(i.currency_code))
    case 'currency_code':
      return i.currency_code ?? ''
    case 'occurred_at':
    case 'discovered_at':
    case 'resolved_at':
      return i[field] ? formatLocal(i[field]) : ''
    case 'first_accounting_date':
      return i.first_accounting_date ? formatDate(i.first_accounting_date) : ''
  }
}

/** incidents §6.4: the tooltip of every locked field. */
export const lockText = (i: Pick<IncidentDetail, 'status_name'>) => `Locked in ${i.status_name} for your role`

type Named = { id: string; name: string }
const LISTS: Partial<Record<string, keyof IncidentForm>> = {
  business_unit_id: 'business_units',
  business_process_id: 'business_processes',
  product_id: 'products',
  simplified_event_type_id: 'simplified_event_types',
  basel_event_type_id: 'basel_event_types',
  basel_business_line_id: 'basel_business_lines',
  cause_ids: 'loss_causes',
}

/** A raw catalogue value (as a CONFLICT reports it) in words: names for ids, money in major units, local times. */
export function valueText(
  field: string,
  value: unknown,
  currency: string | null,
  form: IncidentForm | null,
  digits: (currency: string) => number,
): string {
  if (value === null || value === undefined || value === '') return '—'
  const list = LISTS[field]
  const rows = list && form ? (form[list] as unknown as Named[]) : []
  const name = (id: unknown) => rows.find((r) => r.id === id)?.name ?? String(id)
  if (Array.isArray(value)) return value.map(name).join(', ') || '—'
  if (list) return name(value)
  if ((field === 'gross_loss_amount' || field === 'net_loss_override') && typeof value === 'number' && currency)
    return formatMoney(value, currency, digits(currency))
  if (field.endsWith('_at') && typeof value === 'string') return formatLocal(value)
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  return typeof value === 'string' ? value : JSON.stringify(value)
}
