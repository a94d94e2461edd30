import { z } from 'zod'
import { Id, Version } from '../core/primitives'
import { CalendarDate, Reason } from '../risks/risk.schema'
import { ACCEPTANCE_MESSAGES as M, ACCEPTANCE_STATES } from './acceptance.rules'

// zod only: the renderer reuses these for early feedback; the handler is still the judge (risks.md §12).

/** Trimmed text in code points with one message per bound; `min` 0 makes an empty text null. */
function bounded(min: number, max: number, short: string, long: string) {
  return z
    .string({ error: short })
    .transform((s) => s.trim())
    .check((ctx) => {
      const n = [...ctx.value].length
      if (n < min) ctx.issues.push({ code: 'custom', message: short, input: ctx.value })
      else if (n > max) ctx.issues.push({ code: 'custom', message: long, input: ctx.value })
    })
}
const optionalText = (max: number, long: string) =>
  bounded(0, max, long, long)
    .nullish()
    .transform((s) => (s ? s : null))

export const RequestAcceptanceInput = z.strictObject({
  id: Id.optional(),
  risk_id: Id,
  expected_risk_version: Version,
  approver_id: Id,
  justification: bounded(20, 4000, M.justification, M.justificationMax),
  conditions: optionalText(4000, M.conditionsMax),
  expires_on: CalendarDate,
})

const base = { id: Id, expected_version: Version }
export const AcceptInput = z.strictObject({ ...base, note: optionalText(2000, M.noteMax) })
export const RejectInput = z.strictObject({ ...base, note: bounded(20, 2000, M.rejectionNote, M.rejectionNoteMax) })
export const WithdrawInput = z.strictObject({
  ...base,
  reason: optionalText(2000, 'Reason must be at most 2000 characters.'),
})
export const RevokeInput = z.strictObject({ ...base, reason: Reason })

const MeOrId = z.union([z.literal('me'), Id])
/** `requested_at` ascending serves the "Acceptances awaiting my decision" queue (risks.md §7). */
export const ACCEPTANCE_ORDERINGS = ['-requested_at', 'requested_at', 'expires_on'] as const
export const ListAcceptancesInput = z.strictObject({
  state: z.array(z.enum(ACCEPTANCE_STATES)).max(ACCEPTANCE_STATES.length).optional(),
  approver_id: MeOrId.optional(),
  requested_by: MeOrId.optional(),
  risk_id: Id.optional(),
  expires_on_lte: CalendarDate.optional(),
  ordering: z.enum(ACCEPTANCE_ORDERINGS).default('-requested_at'),
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
})
