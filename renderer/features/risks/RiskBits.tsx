import type { ApiError } from '#renderer/api'
import { AcceptanceBadge, BandChip } from '#renderer/components/rcsa/index'
import type { AcceptanceState, EvidenceStatus, TestResult } from '#renderer/components/rcsa/index'
import { STATUS_CHIP } from './labels'

/** The status chip of a risk (§2.1 labels). */
export function RiskStatusChip({ status, label }: { status: string; label: string }) {
  return <span className={`chip ${STATUS_CHIP[status] ?? ''}`}>{label}</span>
}

type Band = { label: string; colour: string; text_colour: string } | null

/** Score and band chip; "Not scored" while a score is missing. */
export function ScoreChip({ score, band, label }: { score: number | null; band: Band; label?: string }) {
  return <BandChip score={score} band={band} {...(label ? { label } : {})} />
}

type Badge = { code: string; label: string; expires_on: string | null } | null

const STATE_OF: Record<string, AcceptanceState> = {
  ACCEPTED: 'ACCEPTED',
  PENDING: 'PENDING',
  NEEDS_RENEWAL: 'EXPIRED',
}

/** §12.6 badge from the catalogue's `acceptance` / `acceptance_badge` answer. */
export function RiskAcceptanceBadge({ badge }: { badge: Badge }) {
  if (!badge) return null
  return <AcceptanceBadge state={STATE_OF[badge.code] ?? null} expiresOn={badge.expires_on} />
}

/** "2 controls" with an alert when none of them is active (§15 register column). */
export function ControlCount({ all, active }: { all: number; active: number }) {
  if (active === 0)
    return (
      <span className="risk-controls-alert" title="No active control is linked">
        <span aria-hidden="true">⚠</span> {all} <span className="visually-hidden">(no active control)</span>
      </span>
    )
  return (
    <span title={`${active} active of ${all} linked`}>
      {all}
      {active < all ? <span className="muted"> ({active} active)</span> : null}
    </span>
  )
}

/** The lock beside a read-only field; its text is the field's description for assistive technology. */
export function LockIcon({ id, tip }: { id: string; tip: string }) {
  return (
    <span id={id} className="lock-icon" title={tip} data-tip={tip} tabIndex={0}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" focusable="false">
        <path
          fill="currentColor"
          d="M17 9h-1V7a4 4 0 0 0-8 0v2H7a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2Zm-7-2a2 2 0 1 1 4 0v2h-4V7Zm3 9.73V18h-2v-1.27a2 2 0 1 1 2 0Z"
        />
      </svg>
    </span>
  )
}

const TEST_RESULTS: readonly string[] = ['EFFECTIVE', 'PARTIALLY_EFFECTIVE', 'INEFFECTIVE']
const EVIDENCE: readonly string[] = ['VALID', 'EXPIRED', 'NONE']

/** A control's stored last test result as the badge takes it; anything else reads as not tested. */
export const testResultOf = (s: string | null | undefined): TestResult | null =>
  s && TEST_RESULTS.includes(s) ? (s as TestResult) : null

export const evidenceOf = (s: string | null | undefined): EvidenceStatus | null =>
  s && EVIDENCE.includes(s) ? (s as EvidenceStatus) : null

/** The failing preconditions of a WORKFLOW error, in the catalogue's order (risks.md §1 "Error payload"). */
export function violationMessages(error: ApiError | null): string[] {
  if (error?.data?.code !== 'WORKFLOW') return []
  return (error.data.details?.violations ?? []).map((v: unknown) =>
    typeof v === 'string' ? v : typeof v === 'object' && v !== null && 'message' in v ? String(v.message) : '',
  )
}
