import { z } from 'zod'
import { DateOnly, Id } from '../core/primitives'
import { ACCEPTANCE_FILTERS } from './risk.read-rules'

// zod only: inputs of the register's queries, comments and incident links (risks.md §8, §9, §16).

const STATUSES = ['DRAFT', 'ASSESSED', 'ACTIVE', 'RETIRED'] as const
/** Reference data (categories, Basel types, bands) is keyed by codes, not UUIDs. */
const Code = z.string().min(1).max(40)
const Level = z
  .number()
  .int('Must be a whole number from 1 to 5.')
  .min(1, 'Must be a whole number from 1 to 5.')
  .max(5, 'Must be a whole number from 1 to 5.')
const Score = z.number().int().min(1, 'Must be a score from 1 to 25.').max(25, 'Must be a score from 1 to 25.')
const MeOrId = z.union([z.literal('me'), Id])

export const RISK_SORTS = [
  'created_at',
  'updated_at',
  'ref',
  'title',
  'inherent_score',
  'residual_score',
  'next_review_date',
  'submitted_for_review_at',
] as const
export type RiskSort = (typeof RISK_SORTS)[number]

export const RISK_QUEUES = ['PENDING_MY_VALIDATION', 'MY_DRAFTS', 'DUE_FOR_REASSESSMENT'] as const
export type RiskQueue = (typeof RISK_QUEUES)[number]

/** §16 filters, combined with AND; the register's columns. */
export const RiskListInput = z.strictObject({
  status: z.array(z.enum(STATUSES)).min(1).max(4).optional(),
  risk_category_id: z.array(Code).min(1).max(50).optional(),
  basel_event_type_id: Code.optional(),
  business_unit_id: z.array(Id).min(1).max(100).optional(),
  owner_id: MeOrId.optional(),
  created_by: MeOrId.optional(),
  inherent_score_gte: Score.optional(),
  residual_score_gte: Score.optional(),
  inherent_band: z.array(Code).min(1).max(6).optional(),
  residual_band: z.array(Code).min(1).max(6).optional(),
  inherent_likelihood: Level.optional(),
  inherent_impact: Level.optional(),
  residual_likelihood: Level.optional(),
  residual_impact: Level.optional(),
  next_review_date_lte: DateOnly.optional(),
  acceptance: z.enum(ACCEPTANCE_FILTERS).optional(),
  active_control_count: z.enum(['0', 'LT3']).optional(),
  queue: z.enum(RISK_QUEUES).optional(),
  search: z.string().trim().min(1).max(200).optional(),
  /** Default: the queue's order (§7), else `created_at`. */
  sort: z.enum(RISK_SORTS).optional(),
  /** Default per sort: newest first for the timestamps and scores, A→Z / soonest first for the rest. */
  direction: z.enum(['asc', 'desc']).optional(),
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(1000).optional(),
})
export type RiskListInput = z.input<typeof RiskListInput>

export const RiskIdInput = z.strictObject({ id: Id })

export const RiskNotesInput = z.strictObject({
  risk_id: Id,
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(1000).optional(),
})

const COMMENT_MESSAGE = 'Comment must be 1–2000 characters.'
/** §9: trimmed, 1–2 000 code points, one message for both bounds. */
export const RiskComment = z
  .string({ error: COMMENT_MESSAGE })
  .transform((s) => s.trim())
  .check((ctx) => {
    const n = [...ctx.value].length
    if (n < 1 || n > 2000) ctx.issues.push({ code: 'custom', message: COMMENT_MESSAGE, input: ctx.value })
  })

/** `id` names the new note (client-generated, minted by the dispatcher when absent). */
export const AddCommentInput = z.strictObject({ id: Id.optional(), risk_id: Id, comment: RiskComment })
export const RiskIncidentLinkInput = z.strictObject({ risk_id: Id, incident_id: Id })
