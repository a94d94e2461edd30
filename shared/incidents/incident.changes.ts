import { z } from 'zod'
import { DateOnly, Id, Ts } from '../core/primitives'
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

export type Change = { before: unknown; after: unknown }

/**
 * The shared update shape (spec README §2.2): `{<field>: {before, after}}`, 1–50 keys from `catalogue`, each
 * with its base value; `after` parsed by the field's own schema so errors carry the path changes.<field>.
 */
export function changesSchema<F extends string>(catalogue: readonly F[], values: Record<F, z.ZodType>) {
  return z.record(z.string(), z.unknown()).transform((raw, c) => {
    const out: Partial<Record<F, Change>> = {}
    const keys = Object.keys(raw)
    if (keys.length === 0 || keys.length > 50)
      c.issues.push({ code: 'custom', message: 'Send between 1 and 50 changes.', input: raw })
    for (const key of keys) {
      const pair = raw[key]
      if (!(catalogue as readonly string[]).includes(key)) {
        c.issues.push({ code: 'custom', message: `Unknown field '${key}'.`, path: [key], input: pair })
        continue
      }
      if (typeof pair !== 'object' || pair === null || !('before' in pair)) {
        c.issues.push({ code: 'custom', message: `Field '${key}' is missing from base.`, path: [key], input: pair })
        continue
      }
      const extra = Object.keys(pair).filter((k) => k !== 'before' && k !== 'after')
      if (extra.length > 0 || !('after' in pair)) {
        c.issues.push({ code: 'custom', message: `Send '${key}' as {before, after}.`, path: [key], input: pair })
        continue
      }
      const parsed = values[key as F].safeParse(pair.after)
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          c.issues.push({ code: 'custom', message: issue.message, path: [key, 'after', ...issue.path], input: pair })
        continue
      }
      out[key as F] = { before: pair.before, after: parsed.data }
    }
    return out
  })
}

export const IncidentChanges = changesSchema(INCIDENT_FIELDS, FIELD_VALUE)

/** Equality of stored and sent values; loss causes compare as sets. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const x = (a as unknown[]).map(String).sort()
    const y = (b as unknown[]).map(String).sort()
    return x.length === y.length && x.every((v, i) => v === y[i])
  }
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim()
  return (a ?? null) === (b ?? null)
}
