import { z } from 'zod'
import { changesSchema } from '../catalogue/update-shape'
import { DateOnly, Id, Version } from '../core/primitives'
import {
  CONTROL_EDITABLE_FIELDS,
  CONTROL_FREQUENCIES,
  CONTROL_NATURES,
  CONTROL_TYPES,
  IMPLEMENTATION_STATUSES,
  type ControlEditableField,
} from './control.constants'

// zod only: the renderer reuses these for early feedback; the handlers are still the judge.

export const REQUIRED = 'This field is required.'

const codePoints = (s: string) => [...s].length

/** Required trimmed text (controls.md §1: blank counts as missing → "This field is required."). */
export function reqText(label: string, max: number, min = 1) {
  return z
    .string({ error: (i) => (i.input === undefined || i.input === null ? REQUIRED : `${label} must be text.`) })
    .transform((s) => s.trim())
    .check((ctx) => {
      const n = codePoints(ctx.value)
      if (n === 0) ctx.issues.push({ code: 'custom', message: REQUIRED, input: ctx.value })
      else if (n < min)
        ctx.issues.push({ code: 'custom', message: `${label} must be at least ${min} characters.`, input: ctx.value })
      else if (n > max)
        ctx.issues.push({
          code: 'custom',
          message: `${label} must be at most ${max.toLocaleString('en-US')} characters.`,
          input: ctx.value,
        })
    })
}

/** Optional trimmed text: blank or null is stored as null. */
export function optText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text.` })
    .nullable()
    .transform((s) => (s === null || s.trim() === '' ? null : s.trim()))
    .check((ctx) => {
      if (ctx.value !== null && codePoints(ctx.value) > max)
        ctx.issues.push({
          code: 'custom',
          message: `${label} must be at most ${max.toLocaleString('en-US')} characters.`,
          input: ctx.value,
        })
    })
}

/** A text measured in code points, one message for both bounds (reasons, notes). */
export function bounded(message: string, min: number, max: number) {
  return z
    .string({ error: message })
    .transform((s) => s.trim())
    .check((ctx) => {
      const n = codePoints(ctx.value)
      if (n < min || n > max) ctx.issues.push({ code: 'custom', message, input: ctx.value })
    })
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (i) => (i.input === undefined || i.input === null ? REQUIRED : `Choose one of: ${values.join(', ')}.`),
  })
}

export const EFFECTIVENESS_MESSAGE = 'Must be a whole number from 1 to 5.'
export const Effectiveness = z
  .number({ error: EFFECTIVENESS_MESSAGE })
  .int({ error: EFFECTIVENESS_MESSAGE })
  .min(1, { error: EFFECTIVENESS_MESSAGE })
  .max(5, { error: EFFECTIVENESS_MESSAGE })

export const REASON_MESSAGE = 'Reason must be at least 10 characters.'
/** Deactivation, void and archive reasons: 10–1 000 characters. */
export const Reason = z
  .string({ error: REASON_MESSAGE })
  .transform((s) => s.trim())
  .check((ctx) => {
    const n = codePoints(ctx.value)
    if (n < 10) ctx.issues.push({ code: 'custom', message: REASON_MESSAGE, input: ctx.value })
    else if (n > 1000)
      ctx.issues.push({ code: 'custom', message: 'Reason must be at most 1,000 characters.', input: ctx.value })
  })

/** A calendar date `YYYY-MM-DD` that exists. */
export const CalendarDate = DateOnly.refine((d) => {
  const t = Date.parse(`${d}T00:00:00.000Z`)
  return Number.isFinite(t) && new Date(t).toISOString().startsWith(d)
}, 'Enter a date like 2026-11-23.')

export const ControlType = oneOf(CONTROL_TYPES)
export const ControlNature = oneOf(CONTROL_NATURES)
export const ControlFrequency = oneOf(CONTROL_FREQUENCIES)
export const ImplementationStatus = oneOf(IMPLEMENTATION_STATUSES)
export const ControlTitle = reqText('Title', 255)
export const ControlDescription = reqText('Description', 10_000)
export const ControlCode = optText('Code', 50)
export const ReferenceDoc = optText('Reference document', 500)

export const CreateControlInput = z.strictObject({
  id: Id.optional(),
  code: ControlCode.optional(),
  title: ControlTitle,
  description: ControlDescription,
  control_type: ControlType.optional(),
  control_nature: ControlNature.optional(),
  control_frequency: ControlFrequency,
  implementation_status: ImplementationStatus.optional(),
  effectiveness: Effectiveness.nullable().optional(),
  business_unit_id: Id,
  business_process_id: Id.nullable().optional(),
  owner_id: Id,
  reference_doc: ReferenceDoc.optional(),
  group_wide: z.boolean().optional(),
})
export type CreateControlInput = z.input<typeof CreateControlInput>

const FIELD_VALUE: Record<ControlEditableField, z.ZodType> = {
  code: ControlCode,
  title: ControlTitle,
  description: ControlDescription,
  control_type: ControlType,
  control_nature: ControlNature,
  control_frequency: ControlFrequency,
  implementation_status: ImplementationStatus,
  effectiveness: Effectiveness.nullable(),
  business_unit_id: Id,
  business_process_id: Id.nullable(),
  owner_id: Id,
  reference_doc: ReferenceDoc,
  group_wide: z.boolean(),
}

/**
 * The shared update shape over the editable control fields; `is_active` gets its own message (§3.1) and
 * any other unknown key "Unknown field.".
 */
export const ControlChanges = z
  .record(z.string(), z.unknown())
  .transform((raw, c) => {
    if (!('is_active' in raw)) return raw
    c.issues.push({
      code: 'custom',
      message: 'Use Deactivate or Reactivate to change whether a control is active.',
      path: ['is_active'],
      input: raw,
    })
    return z.NEVER
  })
  .pipe(changesSchema(CONTROL_EDITABLE_FIELDS, FIELD_VALUE))

export const UpdateControlInput = z.strictObject({ id: Id, changes: ControlChanges })
export const DeactivateControlInput = z.strictObject({ id: Id, expected_version: Version, reason: Reason })
export const VersionedControlInput = z.strictObject({ id: Id, expected_version: Version })
export const ControlIdInput = z.strictObject({ id: Id })
