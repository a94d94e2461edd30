import { z } from 'zod'
import { changesSchema } from '../catalogue/update-shape'
import { Id, Version } from '../core/primitives'
import { parseDecimal } from './kri.decimal.rules'
import { FREQUENCIES, isCalendarDate, periodStartIssue } from './kri.period.rules'
import { checkThresholds, DIRECTIONS, KRI_STATUSES, THRESHOLD_FIELDS, VALUE_STATUSES } from './kri.status.rules'

// zod only (step 1 of the check order): the renderer reuses these for early feedback; handlers judge the rest.

/** Trimmed text in code points; missing or blank → "This field is required." when min ≥ 1. */
function kriText(min: number, max: number) {
  return z
    .string()
    .transform((s) => s.trim())
    .check((ctx) => {
      const n = [...ctx.value].length
      if (n < min) ctx.issues.push({ code: 'custom', message: 'This field is required.', input: ctx.value })
      else if (n > max)
        ctx.issues.push({
          code: 'custom',
          message: `Must be at most ${max.toLocaleString('en-US')} characters.`,
          input: ctx.value,
        })
    })
}

/** Optional text: blank counts as missing and is stored as null. */
function optionalText(max: number) {
  return kriText(0, max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
}

/** A text between `min` and `max` code points with one message for "too short" (a reason). */
function reasonText(shortMessage: string, min: number, max: number) {
  return z
    .string({ error: shortMessage })
    .transform((s) => s.trim())
    .check((ctx) => {
      const n = [...ctx.value].length
      if (n < min) ctx.issues.push({ code: 'custom', message: shortMessage, input: ctx.value })
      else if (n > max)
        ctx.issues.push({
          code: 'custom',
          message: `Must be at most ${max.toLocaleString('en-US')} characters.`,
          input: ctx.value,
        })
    })
}

/** A calendar date `YYYY-MM-DD` that exists. */
export const KriDate = z
  .string({ error: 'Enter a date like 2026-11-23.' })
  .refine((d) => isCalendarDate(d), 'Enter a date like 2026-11-23.')

/** A KRI number on the wire (§1): a decimal string, parsed to its ×10 000 integer. */
export const Decimal = z.unknown().transform((v, ctx) => {
  if (v === undefined) {
    ctx.issues.push({ code: 'custom', message: 'This field is required.', input: v })
    return z.NEVER
  }
  const p = parseDecimal(v)
  if (p.ok) return p.e4
  ctx.issues.push({ code: 'custom', message: p.message, input: v })
  return z.NEVER
})

const Frequency = z.enum(FREQUENCIES)
const Direction = z.enum(DIRECTIONS)
const GraceDays = z.number().int().min(0, 'Must be between 0 and 90.').max(90, 'Must be between 0 and 90.')
const DueDays = z.number().int().min(1, 'Must be between 1 and 365.').max(365, 'Must be between 1 and 365.')

export const KriName = kriText(1, 200)
export const KriUnit = kriText(1, 30)
export const KriDescription = optionalText(4000)
export const KriDataSource = optionalText(500)
export const KriComment = optionalText(2000)

const thresholdShape = {
  direction: Direction,
  amber: z.unknown().optional(),
  red: z.unknown().optional(),
  amber_low: z.unknown().optional(),
  amber_high: z.unknown().optional(),
  red_low: z.unknown().optional(),
  red_high: z.unknown().optional(),
  target: z.unknown().optional(),
}

/** §4 over a threshold object: issues at `prefix.<field>`, output the scaled set. */
function withThresholds<T extends z.infer<z.ZodObject<typeof thresholdShape>>>(v: T, ctx: z.RefinementCtx) {
  const r = checkThresholds(v)
  if (r.ok) return r.thresholds
  for (const i of r.issues) ctx.addIssue({ code: 'custom', message: i.message, path: i.path })
  return z.NEVER
}

export const ThresholdsInput = z.strictObject(thresholdShape).transform(withThresholds)

export const CreateKriInput = z
  .strictObject({
    id: Id.optional(),
    name: KriName,
    description: KriDescription,
    unit: KriUnit,
    frequency: Frequency,
    weekdays_only: z.boolean().optional(),
    first_period_start: KriDate.optional(),
    grace_days: GraceDays.optional(),
    owner_id: Id,
    business_unit_id: Id,
    data_source: KriDataSource,
    create_measure_on_red: z.boolean().optional(),
    measure_due_days: DueDays.optional(),
    thresholds: ThresholdsInput,
  })
  .superRefine((v, ctx) => {
    if (v.weekdays_only === true && v.frequency !== 'DAILY')
      ctx.addIssue({ code: 'custom', message: 'Weekdays only applies to daily KRIs.', path: ['weekdays_only'] })
    if (v.first_period_start) {
      const cal = { frequency: v.frequency, weekdaysOnly: v.weekdays_only ?? v.frequency === 'DAILY' }
      const issue = periodStartIssue(cal, v.first_period_start)
      if (issue) ctx.addIssue({ code: 'custom', message: issue, path: ['first_period_start'] })
    }
  })
export type CreateKriInput = z.input<typeof CreateKriInput>

/** The definition fields `kri.update` may change (§5.1); thresholds have their own command. */
export const EDITABLE_FIELDS = [
  'name',
  'description',
  'unit',
  'frequency',
  'weekdays_only',
  'first_period_start',
  'grace_days',
  'owner_id',
  'business_unit_id',
  'data_source',
  'create_measure_on_red',
  'measure_due_days',
] as const
export type EditableField = (typeof EDITABLE_FIELDS)[number]
/** Locked once any value (any version) exists (§5.1). */
export const LOCKED_WITH_VALUES: readonly EditableField[] = ['unit', 'frequency', 'weekdays_only', 'first_period_start']

const FIELD_VALUE: Record<EditableField, z.ZodType> = {
  name: KriName,
  description: optionalText(4000),
  unit: KriUnit,
  frequency: Frequency,
  weekdays_only: z.boolean(),
  first_period_start: KriDate,
  grace_days: GraceDays,
  owner_id: Id,
  business_unit_id: Id,
  data_source: optionalText(500),
  create_measure_on_red: z.boolean(),
  measure_due_days: DueDays,
}
const THRESHOLD_KEYS = new Set<string>([...THRESHOLD_FIELDS, 'direction', 'thresholds', 'effective_from'])

/** `changes` with threshold keys refused first ("Use Set thresholds to change thresholds."). */
const KriChanges = z
  .record(z.string(), z.unknown())
  .check((ctx) => {
    for (const key of Object.keys(ctx.value))
      if (THRESHOLD_KEYS.has(key))
        ctx.issues.push({
          code: 'custom',
          message: 'Use Set thresholds to change thresholds.',
          path: [key],
          input: ctx.value[key],
        })
  })
  .pipe(changesSchema(EDITABLE_FIELDS, FIELD_VALUE))

export const UpdateKriInput = z.strictObject({ id: Id, changes: KriChanges })

export const SetThresholdsInput = z
  .strictObject({
    kri_id: Id,
    expected_version: Version,
    ...thresholdShape,
    effective_from: KriDate.optional(),
    reason: optionalText(1000),
  })
  .transform((v, ctx) => {
    const t = withThresholds(v, ctx)
    return {
      kri_id: v.kri_id,
      expected_version: v.expected_version,
      effective_from: v.effective_from,
      reason: v.reason ?? null,
      thresholds: t,
    }
  })

export const VersionedInput = z.strictObject({ id: Id, expected_version: Version })
export const DeactivateInput = z.strictObject({
  id: Id,
  expected_version: Version,
  reason: reasonText('Reason must be at least 10 characters.', 10, 1000),
})
export const LinkRiskInput = z.strictObject({ kri_id: Id, risk_id: Id })

export const RecordValueInput = z.strictObject({
  id: Id.optional(),
  kri_id: Id,
  period_start: KriDate,
  value: Decimal,
  comment: KriComment,
})
export const CorrectValueInput = z.strictObject({
  kri_id: Id,
  period_start: KriDate,
  expected_version_no: z.number().int().min(1),
  value: Decimal,
  comment: KriComment,
  reason: reasonText('A correction needs a reason of at least 10 characters.', 10, 1000),
})

// ---- queries ----

const Limit = z.number().int().min(1).max(100).default(50)
const Cursor = z.string().max(2000).optional()
const MeOrId = z.union([z.literal('me'), Id])

export const KRI_SORTS = ['worst', 'name', '-updated_at', '-current_period_start'] as const
export const ListKrisInput = z.strictObject({
  current_status: z.array(z.enum(KRI_STATUSES)).min(1).max(4).optional(),
  /** Default true (active only); null lists active and inactive. */
  is_active: z.boolean().nullable().default(true),
  business_unit_id: z.array(Id).min(1).max(50).optional(),
  owner_id: MeOrId.optional(),
  risk_id: Id.optional(),
  frequency: z.array(Frequency).min(1).max(5).optional(),
  overdue: z.boolean().optional(),
  search: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(KRI_SORTS).default('worst'),
  limit: Limit,
  cursor: Cursor,
})
export type ListKrisInput = z.input<typeof ListKrisInput>

export const IdInput = z.strictObject({ id: Id })
export const ValuesInput = z.strictObject({
  kri_id: Id,
  period_from: KriDate.optional(),
  period_to: KriDate.optional(),
  limit: Limit,
  cursor: Cursor,
})
export const ValueHistoryInput = z.strictObject({ kri_id: Id, period_start: KriDate })
export const KriIdInput = z.strictObject({ kri_id: Id })
export const TrendInput = z.strictObject({ kri_id: Id, from: KriDate.optional(), to: KriDate.optional() })
export const BreachesInput = z.strictObject({
  status: z
    .array(z.enum(VALUE_STATUSES.filter((s) => s !== 'GREEN') as ['AMBER', 'RED']))
    .min(1)
    .max(2)
    .optional(),
  period_from: KriDate.optional(),
  period_to: KriDate.optional(),
  business_unit_id: z.array(Id).min(1).max(50).optional(),
  owner_id: MeOrId.optional(),
  kri_id: Id.optional(),
  risk_id: Id.optional(),
  limit: Limit,
  cursor: Cursor,
})
export const DashboardInput = z.strictObject({ business_unit_ids: z.array(Id).min(1).max(50).optional() })
export const OverdueInput = z.strictObject({
  business_unit_id: Id.optional(),
  owner_id: MeOrId.optional(),
  limit: Limit,
  cursor: Cursor,
})
export const RiskIdInput = z.strictObject({ risk_id: Id })
