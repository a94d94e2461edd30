import { z } from 'zod'
import { Id, text, Version } from '../core/primitives'
import { changesSchema } from '../catalogue/update-shape'
import { EDITABLE_FIELDS, MEASURE_STATUSES, PARTIES, type EditableField } from './measure.constants'

// zod only: the renderer reuses these for early feedback; the handler is still the judge.

/** Trimmed text measured in code points, one message for both bounds (measures.md §5.2). */
function bounded(message: string, min: number, max: number) {
  return z
    .string({ error: message })
    .transform((s) => s.trim())
    .check((ctx) => {
      const n = [...ctx.value].length
      if (n < min || n > max) ctx.issues.push({ code: 'custom', message, input: ctx.value })
    })
}

export const MeasureDescription = text('Description', 1, 4000)
export const Evidence = bounded('Evidence must be between 10 and 2,000 characters.', 10, 2000)
export const Reason = bounded('The reason must be between 10 and 1,000 characters.', 10, 1000)
export const ClosureComment = bounded('The closure comment must be between 10 and 2,000 characters.', 10, 2000)
export const Comment = bounded('The comment must be between 1 and 1,000 characters.', 1, 1000)

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export const CalendarDate = z
  .string({ error: 'Enter a date like 2026-11-23.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date like 2026-11-23.')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00.000Z`)
    return Number.isFinite(t) && new Date(t).toISOString().startsWith(d)
  }, 'Enter a date like 2026-11-23.')

export const CreateMeasureInput = z.strictObject({
  id: Id.optional(),
  description: MeasureDescription,
  responsible_user_id: Id,
  deadline: CalendarDate.nullable().optional(),
  incident_id: Id.optional(),
  risk_id: Id.optional(),
})
export type CreateMeasureInput = z.input<typeof CreateMeasureInput>

const FIELD_VALUE: Record<EditableField, z.ZodType> = {
  description: MeasureDescription,
  deadline: CalendarDate.nullable(),
  responsible_user_id: Id,
}
/** The shared update shape (spec README §2.2) over the three editable fields of §6. */
export const MeasureChanges = changesSchema(EDITABLE_FIELDS, FIELD_VALUE)
export const UpdateMeasureInput = z.strictObject({ id: Id, changes: MeasureChanges })

export const VersionedInput = z.strictObject({ id: Id, expected_version: Version })
export const LinkIncidentInput = z.strictObject({ id: Id, incident_id: Id })

export const SetEditableFieldsInput = z.strictObject({
  status: z
    .string()
    .refine((s) => (MEASURE_STATUSES as readonly string[]).includes(s), {
      error: (i) => `Unknown status '${String(i.input)}'.`,
    })
    .refine((s) => s !== 'COMPLETED' && s !== 'CANCELLED', 'Completed or cancelled measures cannot be edited.'),
  party: z
    .string()
    .refine((p) => (PARTIES as readonly string[]).includes(p), { error: (i) => `Unknown party '${String(i.input)}'.` }),
  fields: z
    .array(
      z.string().refine((f) => (EDITABLE_FIELDS as readonly string[]).includes(f), {
        error: (i) => `'${String(i.input)}' cannot be edited on measures.`,
      }),
    )
    .max(EDITABLE_FIELDS.length * 2),
})

const MeOrId = z.union([z.literal('me'), Id])
export const MEASURE_ORDERINGS = [
  'deadline',
  '-deadline',
  'created_at',
  '-created_at',
  'submitted_at',
  '-submitted_at',
] as const

/** §13 filters; `awaiting_me` and `is_overdue` are booleans, awaiting_me=false means no filter. */
export const MeasureListInput = z.strictObject({
  status: z.array(z.enum(MEASURE_STATUSES)).min(1).max(5).optional(),
  responsible: MeOrId.optional(),
  created_by: MeOrId.optional(),
  incident_id: Id.optional(),
  risk_id: Id.optional(),
  deadline_before: CalendarDate.optional(),
  deadline_after: CalendarDate.optional(),
  is_overdue: z.boolean().optional(),
  awaiting_me: z.boolean().optional(),
  q: z.string().trim().min(3, 'Enter at least 3 characters.').max(100).optional(),
  ordering: z.enum(MEASURE_ORDERINGS).default('-created_at'),
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(1000).optional(),
  with_total: z.boolean().optional(),
})
export type MeasureListInput = z.input<typeof MeasureListInput>
