import type { DemoFacts } from './demo.facts'
import { intBetween, pick, type Rng } from './mulberry32'
import { DEMO_PHRASES, demoDescription } from './demo.text'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const
/** Gross bands in major units of the reporting currency, [from, below) except critical (inclusive). */
const BANDS: Record<(typeof SEVERITIES)[number], [number, number]> = {
  low: [100, 10_000],
  medium: [10_000, 100_000],
  high: [100_000, 1_000_000],
  critical: [1_000_000, 5_000_001],
}
const OPEN_STATUSES = ['DRAFT', 'PENDING_REVIEW', 'PENDING_VALIDATION', 'VALIDATED'] as const
const RECOVERY_TYPES = ['insurance', 'direct', 'other'] as const

/** Every incident column the generator decides; id, ref, tenant, batch and scope keys are added by the caller. */
export type DemoIncidentFields = {
  title: string
  description: string
  status: string
  business_unit_id: string
  business_process_id: string
  product_id: string
  basel_business_line_id: string | null
  simplified_event_type_id: string
  basel_event_type_id: string | null
  near_miss: number
  gross_loss_amount: number
  currency_code: string
  net_loss_amount: number
  recovery_total: number
  gross_loss_reporting: number
  severity: string
  occurred_at: string
  discovered_at: string
  resolved_at: string | null
  first_accounting_date: string | null
  assigned_to_user_id: string | null
  submitted_at: string | null
  reviewed_by_user_id: string | null
  reviewed_at: string | null
  validated_by_user_id: string | null
  validated_at: string | null
  closed_by_user_id: string | null
  closed_at: string | null
  draft_due_at: string | null
  review_due_at: string | null
  validation_due_at: string | null
  current_due_at: string | null
  created_by_user_id: string
  created_at: string
  updated_at: string
}
export type DemoRecovery = { type: string; amount: number; received_on: string }
export type DemoIncident = { incident: DemoIncidentFields; cause_id: string; recovery: DemoRecovery | null }

const iso = (ms: number) => new Date(ms).toISOString()
const dateOf = (ms: number) => iso(ms).slice(0, 10)
const plusDays = (date: string, days: number) => dateOf(Date.parse(`${date}T00:00:00.000Z`) + days * DAY)
const atMost = (date: string, cap: string) => (date > cap ? cap : date)

/**
 * One incident of incidents §12, drawing from `rng` in the order of the spec's list, so the same
 * (state, now, facts) always give the same values.
 */
export function buildDemoIncident(rng: Rng, f: DemoFacts, now: string): DemoIncident {
  const nowMs = Date.parse(now)
  const today = now.slice(0, 10)
  // 1–2. occurred in [now − 90 d, now − 6 d), discovered 1..48 h later.
  const occurred = nowMs - 90 * DAY + Math.floor(rng() * 84 * DAY)
  const discovered = occurred + intBetween(rng, 1, 48) * HOUR
  // 3–4. severity band, then gross within it, in the reporting currency.
  const severity = pick(rng, SEVERITIES)
  const [from, below] = BANDS[severity]
  const unitFactor = 10 ** f.reportingDigits
  const gross = intBetween(rng, from * unitFactor, below * unitFactor - 1)
  // 5–6. unit, creator, simplified type, cause.
  const unit = f.units[Math.floor(rng() * 2)]!
  const creator = pick(rng, unit.creators)
  const type = pick(rng, f.types)
  const causeId = pick(rng, f.causeIds)

  const closed = rng() < 0.7
  let status: string
  let closedAt: number | null = null
  let steps: number[] // submitted, reviewed, validated (as far as taken)
  let recovery: DemoRecovery | null = null
  let classification: { basel: string; fad: string } | null = null
  const classify = () => {
    const basel = type.defaultBaselId ?? pick(rng, f.baselLevel1Ids)
    return { basel, fad: atMost(plusDays(dateOf(discovered), intBetween(rng, 0, 10)), today) }
  }
  const due = {
    draft_due_at: null as string | null,
    review_due_at: null as string | null,
    validation_due_at: null as string | null,
  }
  if (closed) {
    // 7. closed h₂ hours after discovery; the steps at 25 %, 50 % and 75 % of that span.
    status = 'CLOSED'
    const span = intBetween(rng, 1, 72) * HOUR
    closedAt = discovered + span
    steps = [discovered + span / 4, discovered + span / 2, discovered + (3 * span) / 4]
    classification = classify()
    if (rng() < 0.2) {
      const recoveryType = pick(rng, RECOVERY_TYPES)
      const amount = Math.max(1, Math.floor(gross * (0.01 + rng() * 0.49)))
      recovery = {
        type: recoveryType,
        amount,
        received_on: atMost(plusDays(classification.fad, intBetween(rng, 0, 30)), today),
      }
    }
  } else {
    // 8. an open status; each step 1 h after the previous; the current stage due 1..N days from now.
    status = pick(rng, OPEN_STATUSES)
    const taken = OPEN_STATUSES.indexOf(status as (typeof OPEN_STATUSES)[number])
    steps = [1, 2, 3].slice(0, taken).map((h) => discovered + h * HOUR)
    if (status === 'VALIDATED') classification = classify()
    const dueIn = (days: number) => iso(nowMs + intBetween(rng, 1, days) * DAY)
    if (status === 'DRAFT') due.draft_due_at = dueIn(f.sla.draft)
    if (status === 'PENDING_REVIEW') due.review_due_at = dueIn(f.sla.review)
    if (status === 'PENDING_VALIDATION') due.validation_due_at = dueIn(f.sla.validation)
  }
  // 9. title from the phrase list.
  const phrase = pick(rng, DEMO_PHRASES)

  const [submitted, reviewed, validated] = steps.map(iso)
  const classified = classification !== null
  const recovered = recovery?.amount ?? 0
  const incident: DemoIncidentFields = {
    title: `${type.name} – ${phrase}`,
    description: demoDescription(unit.name, iso(occurred), iso(discovered)),
    status,
    business_unit_id: unit.id,
    business_process_id: unit.processId,
    product_id: unit.productId,
    basel_business_line_id: classified ? unit.businessLineId : null,
    simplified_event_type_id: type.id,
    basel_event_type_id: classification?.basel ?? null,
    near_miss: 0,
    gross_loss_amount: gross,
    currency_code: f.reportingCurrency,
    net_loss_amount: gross - recovered,
    recovery_total: recovered,
    gross_loss_reporting: gross,
    severity,
    occurred_at: iso(occurred),
    discovered_at: iso(discovered),
    resolved_at: closedAt === null ? null : iso(closedAt),
    first_accounting_date: classification?.fad ?? null,
    assigned_to_user_id:
      status === 'PENDING_REVIEW'
        ? creator.managerId
        : status === 'PENDING_VALIDATION'
          ? creator.assigneeRiskOfficerId
          : null,
    submitted_at: submitted ?? null,
    reviewed_by_user_id: reviewed === undefined ? null : creator.managerId,
    reviewed_at: reviewed ?? null,
    validated_by_user_id: classified ? creator.validatorId : null,
    validated_at: validated ?? null,
    closed_by_user_id: closedAt === null ? null : creator.validatorId,
    closed_at: closedAt === null ? null : iso(closedAt),
    ...due,
    current_due_at: due.draft_due_at ?? due.review_due_at ?? due.validation_due_at,
    created_by_user_id: creator.id,
    created_at: iso(discovered),
    updated_at: iso(closedAt ?? steps[steps.length - 1] ?? discovered),
  }
  return { incident, cause_id: causeId, recovery }
}
