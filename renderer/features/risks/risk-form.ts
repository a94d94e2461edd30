import { RISK_FIELDS, type RiskField } from '#shared/risks/risk.constants'
import type { InputOf } from '#shared/catalogue/types'

/** What the form's inputs hold: text as typed ('' = empty), scores as numbers or null. */
export type FormValues = {
  title: string
  description: string
  risk_category_id: string
  basel_event_type_id: string
  business_unit_id: string
  business_process_id: string
  product_id: string
  owner_id: string
  inherent_likelihood: number | null
  inherent_impact: number | null
  inherent_justification: string
  residual_likelihood: number | null
  residual_impact: number | null
  residual_justification: string
  next_review_date: string
}

const SCORES = ['inherent_likelihood', 'inherent_impact', 'residual_likelihood', 'residual_impact'] as const
type ScoreField = (typeof SCORES)[number]
const isScore = (f: RiskField): f is ScoreField => (SCORES as readonly string[]).includes(f)

/** Fields the record needs; the rest may be cleared (stored as null). */
const REQUIRED: readonly RiskField[] = ['title', 'description', 'risk_category_id', 'business_unit_id', 'owner_id']

export const BLANK: FormValues = {
  title: '',
  description: '',
  risk_category_id: '',
  basel_event_type_id: '',
  business_unit_id: '',
  business_process_id: '',
  product_id: '',
  owner_id: '',
  inherent_likelihood: null,
  inherent_impact: null,
  inherent_justification: '',
  residual_likelihood: null,
  residual_impact: null,
  residual_justification: '',
  next_review_date: '',
}

type Stored = { [K in RiskField]: string | number | null }

/** The stored risk as the inputs show it. */
export function valuesOf(risk: Stored): FormValues {
  const out = { ...BLANK } as Record<RiskField, string | number | null>
  for (const f of RISK_FIELDS) {
    const v = risk[f]
    out[f] = isScore(f)
      ? v === null || v === undefined
        ? null
        : Number(v)
      : v === null || v === undefined
        ? ''
        : String(v)
  }
  return out as FormValues
}

/** An input's value as the catalogue stores it: '' is null for the optional fields. */
function storedOf(field: RiskField, value: string | number | null): string | number | null {
  if (isScore(field)) return value
  const text = typeof value === 'string' ? value : value === null ? '' : String(value)
  if (REQUIRED.includes(field)) return text
  return text.trim() === '' ? null : text
}

/** `risk.create`'s input: the values the user filled, nothing for the empty optional ones. */
export function createInput(v: FormValues, editable: readonly RiskField[]): InputOf<'risk.create'> {
  const out: Record<string, unknown> = {
    title: v.title,
    description: v.description,
    risk_category_id: v.risk_category_id,
    business_unit_id: v.business_unit_id,
    owner_id: v.owner_id,
  }
  for (const f of RISK_FIELDS) {
    if (f in out || !editable.includes(f)) continue
    const stored = storedOf(f, v[f])
    if (stored !== null) out[f] = stored
  }
  return out as InputOf<'risk.create'>
}

export type Changes = Partial<Record<RiskField, { before: string | number | null; after: string | number | null }>>

/**
 * `risk.update`'s `changes` (the `fields` shape, Sync spec §7.4): every editable field whose value differs from
 * what the form was opened with, `before` being that value as stored. Read-only fields are never sent.
 */
export function changesOf(base: FormValues, now: FormValues, editable: readonly RiskField[]): Changes {
  const out: Changes = {}
  for (const f of RISK_FIELDS) {
    if (!editable.includes(f)) continue
    const before = storedOf(f, base[f])
    const after = storedOf(f, now[f])
    if (before !== after) out[f] = { before, after }
  }
  return out
}

/**
 * The form's dependent choices after a change: a new business unit drops an owner, process or product of
 * another unit; a new category drops a Basel type it does not allow. The catalogue would refuse them anyway;
 * the form just does not keep offering a value its own lists no longer show.
 */
export function afterChange(
  v: FormValues,
  ctx: {
    ownersOf: (buId: string) => readonly { id: string }[]
    processBu: (id: string) => string | null | undefined
    productBu: (id: string) => string | null | undefined
    baselAllowed: (categoryId: string, typeId: string) => boolean
  },
): FormValues {
  const next = { ...v }
  if (next.owner_id && !ctx.ownersOf(next.business_unit_id).some((o) => o.id === next.owner_id)) next.owner_id = ''
  const pBu = next.business_process_id ? ctx.processBu(next.business_process_id) : null
  if (pBu && pBu !== next.business_unit_id) next.business_process_id = ''
  const prBu = next.product_id ? ctx.productBu(next.product_id) : null
  if (prBu && prBu !== next.business_unit_id) next.product_id = ''
  if (next.basel_event_type_id && !ctx.baselAllowed(next.risk_category_id, next.basel_event_type_id))
    next.basel_event_type_id = ''
  return next
}

/** VALIDATION issue paths name the field (create) or `changes.<field>.after` (update): both map to the field. */
export function fieldOfPath(path: readonly (string | number)[]): RiskField | null {
  const name = path[0] === 'changes' ? path[1] : path[0]
  return typeof name === 'string' && (RISK_FIELDS as readonly string[]).includes(name) ? (name as RiskField) : null
}
