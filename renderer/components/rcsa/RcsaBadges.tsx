// Chips and badges of the RCSA screens. Each renders text on a solid colour; colours are inline because band
// colours are data (risks.md §3.2) and the fixed ones come from the specs (palette.ts).
import { KRI_STATUS_LABEL, KRI_STATUS_TONE, TEST_RESULT_LABEL, TEST_RESULT_TONE, type Tone } from './palette'
import type { AcceptanceState, BandStyle, EvidenceStatus, KriStatus, TestResult } from './types'

const toneStyle = (t: Tone) => ({ background: t.background, color: t.color, borderColor: t.background })

export type BandChipProps = {
  /** 1–25, or null when the risk is not scored yet. */
  score: number | null
  /** The band of that score in the risk's pinned matrix version (label and colours). */
  band: Pick<BandStyle, 'label' | 'colour' | 'text_colour'> | null
  /** Visible prefix such as "Inherent"; also used in the accessible name. */
  label?: string
}

/** "20 Critical" on the band colour; "Not scored" in grey when score or band is missing. */
export function BandChip({ score, band, label }: BandChipProps) {
  const prefix = label ? `${label}: ` : ''
  if (score == null || !band) return <span className="chip rcsa-chip rcsa-chip-empty">{`${prefix}Not scored`}</span>
  return (
    <span className="chip rcsa-chip" style={toneStyle({ background: band.colour, color: band.text_colour })}>
      {`${prefix}${score} ${band.label}`}
    </span>
  )
}

export type KriStatusChipProps = { status: KriStatus | null | undefined }

/** KRI status on its spec colour (kris.md §2.5); a null status reads as No data. */
export function KriStatusChip({ status }: KriStatusChipProps) {
  const s = status ?? 'NO_DATA'
  return (
    <span className="chip rcsa-chip" style={toneStyle(KRI_STATUS_TONE[s])}>
      {KRI_STATUS_LABEL[s]}
    </span>
  )
}

export type EvidenceBadgeProps = { status: EvidenceStatus | null | undefined }

/** controls.md §6.5: red "Evidence expired", grey "No valid evidence", nothing when VALID. */
export function EvidenceBadge({ status }: EvidenceBadgeProps) {
  if (status === 'EXPIRED')
    return (
      <span className="badge rcsa-chip" style={toneStyle(KRI_STATUS_TONE.RED)}>
        Evidence expired
      </span>
    )
  if (status === 'NONE')
    return (
      <span className="badge rcsa-chip" style={toneStyle(KRI_STATUS_TONE.NO_DATA)}>
        No valid evidence
      </span>
    )
  return null
}

export type TestResultBadgeProps = {
  /** The latest non-void test's result; null or undefined when the control was never tested. */
  result: TestResult | null | undefined
  /** Shown as the tooltip, e.g. "Tested 2026-10-01". */
  title?: string
}

/** controls.md §7: Effective green, Partially effective amber, Ineffective red, Not tested grey. */
export function TestResultBadge({ result, title }: TestResultBadgeProps) {
  const tone = TEST_RESULT_TONE[result ?? 'NOT_TESTED']
  return (
    <span className="badge rcsa-chip" style={toneStyle(tone)} title={title}>
      {result ? TEST_RESULT_LABEL[result] : 'Not tested'}
    </span>
  )
}

export type InactiveBadgeProps = { title?: string }

/** A grey "Inactive" badge for deactivated controls and KRIs. */
export function InactiveBadge({ title }: InactiveBadgeProps) {
  return (
    <span className="badge rcsa-badge-inactive" title={title}>
      Inactive
    </span>
  )
}

export type AcceptanceBadgeProps = {
  /** State of the risk's latest acceptance; null when it has none. */
  state: AcceptanceState | null | undefined
  /** `expires_on` (YYYY-MM-DD) of that acceptance; shown for ACCEPTED. */
  expiresOn?: string | null
}

/** risks.md §12.6: "Accepted until {date}", "Acceptance pending", "Acceptance needs renewal", or nothing. */
export function AcceptanceBadge({ state, expiresOn }: AcceptanceBadgeProps) {
  if (state === 'ACCEPTED')
    return <span className="badge rcsa-badge-accepted">{`Accepted until ${expiresOn ?? '—'}`}</span>
  if (state === 'PENDING') return <span className="badge badge-info">Acceptance pending</span>
  if (state === 'EXPIRED' || state === 'REOPENED')
    return <span className="badge badge-warning">Acceptance needs renewal</span>
  return null
}
