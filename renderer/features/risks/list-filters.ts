import type { Role } from '#shared/core/primitives'
import { RiskListInput as ListSchema, RISK_QUEUES, RISK_SORTS, type RiskQueue } from '#shared/risks/risk.read-schema'
import type { RiskListInput } from './risk-types'
import { queuesOf } from '#shared/risks/risk.read-rules'

/**
 * The register's query (risks.md §16) lives in the hash, `#/risks?status=ACTIVE&residual_likelihood=3…`: a heat map
 * cell (§11) or a shared link opens the register already filtered, and Back returns to the previous filters.
 * The keys are `risk.list`'s own; arrays are comma-separated. A value the list would refuse is dropped, never sent.
 */
export type RegisterQuery = Omit<RiskListInput, 'limit' | 'cursor'>
type Key = keyof RegisterQuery

const ARRAY_KEYS = ['status', 'risk_category_id', 'business_unit_id', 'inherent_band', 'residual_band'] as const
const NUMBER_KEYS = [
  'inherent_score_gte',
  'residual_score_gte',
  'inherent_likelihood',
  'inherent_impact',
  'residual_likelihood',
  'residual_impact',
] as const
const TEXT_KEYS = [
  'basel_event_type_id',
  'owner_id',
  'created_by',
  'next_review_date_lte',
  'acceptance',
  'active_control_count',
  'queue',
  'search',
  'sort',
  'direction',
] as const

/** The order keys are written in, so one query always gives one URL. */
const ORDER: readonly Key[] = [
  'queue',
  'status',
  'risk_category_id',
  'basel_event_type_id',
  'business_unit_id',
  'owner_id',
  'created_by',
  'inherent_likelihood',
  'inherent_impact',
  'residual_likelihood',
  'residual_impact',
  'inherent_score_gte',
  'residual_score_gte',
  'inherent_band',
  'residual_band',
  'next_review_date_lte',
  'acceptance',
  'active_control_count',
  'search',
  'sort',
  'direction',
]

const accepts = (key: Key, value: unknown) => ListSchema.shape[key].safeParse(value).success

/** The hash's query → the register query; unknown keys and refused values are left out. */
export function parseRegisterQuery(params: URLSearchParams): RegisterQuery {
  const out: Record<string, unknown> = {}
  for (const key of ARRAY_KEYS) {
    const raw = params.get(key)
    if (!raw) continue
    const list = [...new Set(raw.split(',').filter(Boolean))]
    if (list.length > 0 && accepts(key, list)) out[key] = list
  }
  for (const key of NUMBER_KEYS) {
    const raw = params.get(key)
    if (raw === null || raw.trim() === '') continue
    const n = Number(raw)
    if (accepts(key, n)) out[key] = n
  }
  for (const key of TEXT_KEYS) {
    const raw = params.get(key)
    if (raw === null || raw.trim() === '') continue
    const value = key === 'search' ? raw.trim() : raw
    if (accepts(key, value)) out[key] = value
  }
  // A cell is a pair: half of one filters a row or a column, which no heat map asks for.
  for (const basis of ['inherent', 'residual'] as const) {
    const l = `${basis}_likelihood` as const
    const i = `${basis}_impact` as const
    if ((out[l] === undefined) !== (out[i] === undefined)) {
      delete out[l]
      delete out[i]
    }
  }
  return out
}

/** The register query → the hash's query text (without `?`), keys in a fixed order. */
export function registerQueryString(q: RegisterQuery): string {
  const params = new URLSearchParams()
  for (const key of ORDER) {
    const v = q[key]
    if (v === undefined || v === null || v === '') continue
    if (Array.isArray(v)) {
      if (v.length > 0) params.set(key, v.join(','))
    } else params.set(key, String(v))
  }
  // Commas stay readable in the address; URLSearchParams would write %2C.
  return params.toString().replace(/%2C/g, ',')
}

/** `/risks` with the query, as navigate() and href() take it. */
export function registerPath(q: RegisterQuery): string {
  const text = registerQueryString(q)
  return text ? `/risks?${text}` : '/risks'
}

/** The register query with one key changed; an empty value removes the key. */
export function withFilter<K extends Key>(
  q: RegisterQuery,
  key: K,
  value: RegisterQuery[K] | '' | null,
): RegisterQuery {
  const next = { ...q }
  if (value === '' || value === null || value === undefined || (Array.isArray(value) && value.length === 0))
    delete next[key]
  else next[key] = value
  return next
}

/** The filters the register shows as set (everything but the tab and the order), for "Clear filters". */
export function hasFilters(q: RegisterQuery): boolean {
  return Object.keys(q).some((k) => k !== 'queue' && k !== 'sort' && k !== 'direction')
}

/** The tab keeps its queue and order; every other filter goes. */
export function clearFilters(q: RegisterQuery): RegisterQuery {
  const out: RegisterQuery = {}
  if (q.queue) out.queue = q.queue
  if (q.sort) out.sort = q.sort
  if (q.direction) out.direction = q.direction
  return out
}

export type RegisterTab = { queue: RiskQueue | null; label: string }

export const QUEUE_LABELS: Record<RiskQueue, string> = {
  MY_DRAFTS: 'My drafts',
  PENDING_MY_VALIDATION: 'Pending my validation',
  DUE_FOR_REASSESSMENT: 'Due for reassessment',
}

/** §7 / §15: the queues the caller's roles have (the catalogue's rule), then All. */
export function registerTabs(roles: readonly Role[]): RegisterTab[] {
  return [...queuesOf(roles).map((q) => ({ queue: q, label: QUEUE_LABELS[q] })), { queue: null, label: 'All risks' }]
}

/** The orders the register offers (§16 sort keys); '' is the tab's own order. */
export const SORT_CHOICES: readonly { value: string; label: string }[] = [
  { value: '', label: 'Default order' },
  { value: 'created_at:desc', label: 'Created, newest first' },
  { value: 'updated_at:desc', label: 'Updated, newest first' },
  { value: 'inherent_score:desc', label: 'Inherent score, highest first' },
  { value: 'residual_score:desc', label: 'Residual score, highest first' },
  { value: 'next_review_date:asc', label: 'Next review, soonest first' },
  { value: 'submitted_for_review_at:asc', label: 'Submitted, oldest first' },
  { value: 'ref:asc', label: 'Ref, A→Z' },
  { value: 'title:asc', label: 'Title, A→Z' },
]

export const sortValue = (q: RegisterQuery) => (q.sort ? `${q.sort}:${q.direction ?? ''}` : '')

/** Applies a SORT_CHOICES value to the query. */
export function withSort(q: RegisterQuery, value: string): RegisterQuery {
  const next = { ...q }
  delete next.sort
  delete next.direction
  const [sort, direction] = value.split(':')
  if (sort && (RISK_SORTS as readonly string[]).includes(sort)) {
    next.sort = sort as NonNullable<RegisterQuery['sort']>
    if (direction === 'asc' || direction === 'desc') next.direction = direction
  }
  return next
}

export const isQueue = (v: string | null | undefined): v is RiskQueue =>
  !!v && (RISK_QUEUES as readonly string[]).includes(v)

/** The reachable scores (§3.1), for the "score at least" filters. */
export const REACHABLE_SCORES = [1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25] as const

/** "Residual cell L3 × I3" for the chip of a heat-map cell filter; null without a cell. */
export function cellFilters(
  q: RegisterQuery,
): { basis: 'inherent' | 'residual'; likelihood: number; impact: number }[] {
  const out: { basis: 'inherent' | 'residual'; likelihood: number; impact: number }[] = []
  if (q.inherent_likelihood !== undefined && q.inherent_impact !== undefined)
    out.push({ basis: 'inherent', likelihood: q.inherent_likelihood, impact: q.inherent_impact })
  if (q.residual_likelihood !== undefined && q.residual_impact !== undefined)
    out.push({ basis: 'residual', likelihood: q.residual_likelihood, impact: q.residual_impact })
  return out
}

export function withoutCell(q: RegisterQuery, basis: 'inherent' | 'residual'): RegisterQuery {
  const next = { ...q }
  delete next[`${basis}_likelihood`]
  delete next[`${basis}_impact`]
  return next
}
