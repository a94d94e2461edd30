// Answer shapes the RCSA components draw, restated from the specs (risks.md §10–§11, kris.md §9.2,
// controls.md §8.1) so the components depend on the wire contract, not on a query module's internals.
// Screens pass the query answers straight in; numbers the KRI module sends as decimal strings stay strings here.
import type { MatrixBand, MatrixLevel } from '#shared/risk-matrix/matrix.bands'

export type { MatrixBand, MatrixLevel }

/** What a chip needs from a matrix band: its label and colours (risks.md §3.2). */
export type BandStyle = Pick<MatrixBand, 'code' | 'label' | 'colour' | 'text_colour'>

// ---------- Heat map (risks.md §11) ----------

export type HeatMapCell = {
  likelihood: number
  impact: number
  score: number
  band: string
  colour: string
  text_colour: string
  count: number
}

export type HeatMapAnswer = {
  matrix_version_id?: string
  cells: HeatMapCell[]
  total: number
  earlier_matrix_count: number
}

// ---------- Risk trend and portfolio trend (risks.md §10) ----------

export type SnapshotTrigger = 'APPROVAL' | 'WORKSHOP_APPROVAL' | 'RETIREMENT'

/** One point of `risk.trend`; a band is a code, or the band itself when the query resolves it. */
export type RiskTrendPoint = {
  taken_at: string
  /** A SnapshotTrigger; typed as string so a query answer typed loosely still fits. */
  trigger: string
  inherent_score: number | null
  inherent_band: string | BandStyle | null
  residual_score: number | null
  residual_band: string | BandStyle | null
  control_count: number
  worst_kri_status: KriValueStatus | null
  actor?: string | { id?: string; name?: string | null; display_name?: string | null; email?: string | null } | null
}

/** One interval end date of `risk.portfolioTrend`, with the count of active risks per band code. */
export type PortfolioTrendPoint = {
  date: string
  counts: Record<string, number>
}

// ---------- KRIs (kris.md §2, §9.2) ----------

export type KriValueStatus = 'GREEN' | 'AMBER' | 'RED'
export type KriStatus = KriValueStatus | 'NO_DATA'
export type KriDirection = 'higher_is_worse' | 'lower_is_worse' | 'within_band'
export type KriFrequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'ANNUALLY'

/** The thresholds in force for a period; fields outside the set's direction are null or absent. */
export type KriTrendThresholds = {
  set_seq: number
  direction: KriDirection
  amber?: string | null
  red?: string | null
  amber_low?: string | null
  amber_high?: string | null
  red_low?: string | null
  red_high?: string | null
  target?: string | null
}

export type KriTrendPoint = {
  period_start: string
  period_end: string
  value: string | null
  status: KriValueStatus | null
  version_no: number | null
  missing: boolean
  overdue: boolean
  /** Null only for a period no threshold set covers. */
  thresholds: KriTrendThresholds | null
}

export type KriTrendAnswer = {
  kri: { id: string; ref: string; name: string; unit: string; direction: KriDirection; frequency: KriFrequency }
  points: KriTrendPoint[]
}

// ---------- Controls (controls.md §6.5, §7, §8.1) ----------

export type EvidenceStatus = 'VALID' | 'EXPIRED' | 'NONE'
export type TestResult = 'EFFECTIVE' | 'PARTIALLY_EFFECTIVE' | 'INEFFECTIVE'
export type AcceptanceState = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'WITHDRAWN' | 'EXPIRED' | 'REVOKED' | 'REOPENED'

export type RcmRow = {
  risk_id: string
  ref: string
  title: string
  /** The controls (columns) linked to this risk. */
  control_ids: string[]
  /** Active controls linked to the risk. */
  total: number
}

export type RcmColumn = {
  control_id: string
  code: string | null
  title: string
  is_active: boolean
  /** Rows linked to the control. */
  total: number
}

/** A linked cell; `notes` are the link notes shown as the cell's tooltip. */
export type RcmCell = { risk_id: string; control_id: string; notes: string | null }

export type RiskControlMatrixAnswer = {
  rows: RcmRow[]
  columns: RcmColumn[]
  cells: RcmCell[]
}
