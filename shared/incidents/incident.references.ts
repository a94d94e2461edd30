import type { Issue } from '../core/errors'
import type { Db } from '../db/schema'
import { FIELD_LABELS } from './incident.constants'

type Refs = {
  business_unit_id: string | null
  business_process_id: string | null
  product_id: string | null
  basel_business_line_id: string | null
  simplified_event_type_id: string | null
  basel_event_type_id: string | null
  currency_code: string | null
  cause_ids: readonly string[]
}

/** Every reference a command sets must point to an existing, active row (incidents §3.4). */
export async function referenceIssues(db: Db, r: Refs): Promise<Issue[]> {
  const issues: Issue[] = []
  const active = async (
    table:
      | 'business_unit'
      | 'business_process'
      | 'product'
      | 'basel_business_line'
      | 'simplified_event_type'
      | 'basel_event_type',
    id: string | null,
    field: keyof typeof FIELD_LABELS,
  ) => {
    if (id === null) return
    const row = await db.selectFrom(table).select('is_active').where('id', '=', id).executeTakeFirst()
    if (!row || row.is_active !== 1)
      issues.push({ path: [field], message: `${FIELD_LABELS[field]} not found or inactive.` })
  }
  await active('business_unit', r.business_unit_id, 'business_unit_id')
  await active('business_process', r.business_process_id, 'business_process_id')
  await active('product', r.product_id, 'product_id')
  await active('basel_business_line', r.basel_business_line_id, 'basel_business_line_id')
  await active('simplified_event_type', r.simplified_event_type_id, 'simplified_event_type_id')
  await active('basel_event_type', r.basel_event_type_id, 'basel_event_type_id')
  if (r.currency_code !== null) {
    const c = await db.selectFrom('currency').select('is_active').where('code', '=', r.currency_code).executeTakeFirst()
    if (!c || c.is_active !== 1)
      issues.push({ path: ['currency_code'], message: `Unknown currency code '${r.currency_code}'.` })
  }
  if (new Set(r.cause_ids).size !== r.cause_ids.length)
    issues.push({ path: ['cause_ids'], message: 'Each loss cause can be chosen once.' })
  for (const [i, id] of r.cause_ids.entries()) {
    const c = await db.selectFrom('loss_cause').select('is_active').where('id', '=', id).executeTakeFirst()
    if (!c || c.is_active !== 1) issues.push({ path: ['cause_ids', i], message: 'Loss cause not found or inactive.' })
  }
  return issues
}
