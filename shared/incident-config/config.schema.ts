import { z } from 'zod'
import { Id, Role, text, Version } from '../core/primitives'
import { INCIDENT_STATUSES } from '../incidents/incident.constants'

// zod only (the settings screen reuses these). Save rules that need the allowed lists live in config.rules.ts
// so their messages stay the spec's, not zod's.

const Status = z.enum(INCIDENT_STATUSES, { error: 'Choose an incident status.' })
const FieldName = z.string().min(1).max(64)
const DAYS = 'Days must be a whole number from 1 to 365.'
const Days = z.number({ error: DAYS }).int({ error: DAYS }).min(1, { error: DAYS }).max(365, { error: DAYS })

export const TransitionRowInput = z.strictObject({ from: Status, to: Status, role: Role })
export const RequiredFieldsInput = z.strictObject({ status: Status, fields: z.array(FieldName).max(50) })
export const EditableFieldsInput = z.strictObject({ status: Status, role: Role, fields: z.array(FieldName).max(50) })
export const SlaInput = z.strictObject({ draft_days: Days, review_days: Days, validation_days: Days })
export type SlaInput = z.input<typeof SlaInput>

const PRIORITY = 'Priority must be a whole number from 0 to 100,000.'
export const RoutingRuleInput = z.strictObject({
  id: Id,
  /** Only for an update: the version the editor loaded (CONFLICT when the rule changed since). */
  expected_version: Version.optional(),
  priority: z
    .number({ error: PRIORITY })
    .int({ error: PRIORITY })
    .min(0, { error: PRIORITY })
    .max(100_000, { error: PRIORITY })
    .default(100),
  // Any JSON: the §9.1 save rules judge it, with their own messages.
  predicate: z.json(),
  route_to_role: Role.nullable(),
  route_to_bu_id: Id.nullable(),
  description: text('Description', 1, 200),
  active: z.boolean().optional(),
})
export type RoutingRuleInput = z.input<typeof RoutingRuleInput>

export const RuleActiveInput = z.strictObject({ id: Id, active: z.boolean() })

/** Existing types carry their data codes (FRAUD, OTHER_UNSURE); new ones a UUIDv7. */
export const SimplifiedTypeId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Enter a valid id.')
const NAME = 'Name is required (at most 100 characters).'
const SHORT = 'Short description is required (at most 500 characters).'
const bounded = (min: number, max: number, message: string) =>
  z
    .string({ error: message })
    .transform((s) => s.trim())
    .check((c) => {
      const n = [...c.value].length
      if (n < min || n > max) c.issues.push({ code: 'custom', message, input: c.value })
    })

export const SimplifiedTypeInput = z.strictObject({
  id: SimplifiedTypeId,
  name: bounded(1, 100, NAME),
  short_desc: bounded(1, 500, SHORT),
  front_end_hint: bounded(0, 500, 'The hint must be at most 500 characters.'),
  is_active: z.boolean(),
  sort_order: z.number().int().min(0).max(10_000),
})
export type SimplifiedTypeInput = z.input<typeof SimplifiedTypeInput>

export const BaselMapInput = z.strictObject({
  simplified_event_type_id: SimplifiedTypeId,
  entries: z.array(z.strictObject({ basel_event_type_id: z.string().min(1).max(20), is_default: z.boolean() })).max(40),
})
export type BaselMapInput = z.input<typeof BaselMapInput>

export const TestRoutingInput = z
  .strictObject({ incident_id: Id.optional(), ref: z.string().trim().min(1).max(40).optional() })
  .check((c) => {
    if ((c.value.incident_id === undefined) === (c.value.ref === undefined))
      c.issues.push({ code: 'custom', message: 'Enter an incident reference or id.', path: ['ref'], input: c.value })
  })
export type TestRoutingInput = z.input<typeof TestRoutingInput>
