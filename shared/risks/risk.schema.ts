import { z } from 'zod'
import { changesSchema } from '../catalogue/update-shape'
import { Id, Version } from '../core/primitives'
import { RISK_FIELDS, type RiskField } from './risk.constants'

// zod only: the renderer reuses these for early feedback; the handler is still the judge (risks.md §6.1, §14).

/** Trimmed text in code points; empty after trimming counts as missing (§1 "Text"). */
function bounded(message: string, min: number, max: number, requiredMessage = 'This field is required.') {
  return z
    .string({ error: message })
    .transform((s) => s.trim())
    .check((ctx) => {
      const n = [...ctx.value].length
      if (n === 0 && min >= 1) ctx.issues.push({ code: 'custom', message: requiredMessage, input: ctx.value })
      else if (n < min || n > max) ctx.issues.push({ code: 'custom', message, input: ctx.value })
    })
}

const SCORE_MESSAGE = 'Must be a whole number from 1 to 5.'
export const Score = z.int({ error: SCORE_MESSAGE }).min(1, SCORE_MESSAGE).max(5, SCORE_MESSAGE)
export const Title = bounded('Title must be 1–255 characters.', 1, 255)
export const Description = bounded('Description must be 1–10000 characters.', 1, 10000)
export const Justification = bounded('Justification must be at most 4000 characters.', 0, 4000)
export const Reason = z
  .string({ error: 'This field is required.' })
  .transform((s) => s.trim())
  .check((ctx) => {
    const n = [...ctx.value].length
    if (n < 20) ctx.issues.push({ code: 'custom', message: 'Reason must be at least 20 characters.', input: ctx.value })
    else if (n > 2000)
      ctx.issues.push({ code: 'custom', message: 'Reason must be at most 2000 characters.', input: ctx.value })
  })
export const OptionalReason = z
  .string()
  .transform((s) => s.trim())
  .check((ctx) => {
    if ([...ctx.value].length > 2000)
      ctx.issues.push({ code: 'custom', message: 'Reason must be at most 2000 characters.', input: ctx.value })
  })
export const Notes = bounded('Notes must be at most 1000 characters.', 0, 1000)

/** A calendar date `YYYY-MM-DD` that exists. */
export const CalendarDate = z
  .string({ error: 'Enter a date like 2026-11-23.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date like 2026-11-23.')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00.000Z`)
    return Number.isFinite(t) && new Date(t).toISOString().startsWith(d)
  }, 'Enter a date like 2026-11-23.')

const RefId = z.string({ error: 'This field is required.' }).min(1, 'This field is required.').max(100)

/** Each entered field's value as stored; optional ones may be cleared with null. */
export const FIELD_VALUE: Record<RiskField, z.ZodType> = {
  title: Title,
  description: Description,
  risk_category_id: RefId,
  basel_event_type_id: RefId.nullable(),
  business_unit_id: Id,
  business_process_id: Id.nullable(),
  product_id: Id.nullable(),
  owner_id: Id,
  inherent_likelihood: Score.nullable(),
  inherent_impact: Score.nullable(),
  inherent_justification: Justification.nullable(),
  residual_likelihood: Score.nullable(),
  residual_impact: Score.nullable(),
  residual_justification: Justification.nullable(),
  next_review_date: CalendarDate.nullable(),
}

export const CreateRiskInput = z.strictObject({
  id: Id.optional(),
  title: Title,
  description: Description,
  risk_category_id: RefId,
  business_unit_id: Id,
  owner_id: Id,
  business_process_id: Id.nullish(),
  product_id: Id.nullish(),
  basel_event_type_id: RefId.nullish(),
  inherent_likelihood: Score.nullish(),
  inherent_impact: Score.nullish(),
  inherent_justification: Justification.nullish(),
  residual_likelihood: Score.nullish(),
  residual_impact: Score.nullish(),
  residual_justification: Justification.nullish(),
  next_review_date: CalendarDate.nullish(),
})
export type CreateRiskInput = z.input<typeof CreateRiskInput>

export const RiskChanges = changesSchema(RISK_FIELDS, FIELD_VALUE)
export const UpdateRiskInput = z.strictObject({ id: Id, changes: RiskChanges })

const base = { id: Id, expected_version: Version }
export const VersionedInput = z.strictObject(base)
export const ApproveInput = z.strictObject({ ...base, next_review_date: CalendarDate.optional() })
export const ReasonInput = z.strictObject({ ...base, reason: Reason })
export const OptionalReasonInput = z.strictObject({ ...base, reason: OptionalReason.optional() })

export const LinkControlInput = z.strictObject({ risk_id: Id, control_id: Id, notes: Notes.nullish() })
export const ControlNotesInput = z.strictObject({ risk_id: Id, control_id: Id, notes: Notes.nullable() })
export const UnlinkControlInput = z.strictObject({ risk_id: Id, control_id: Id })
