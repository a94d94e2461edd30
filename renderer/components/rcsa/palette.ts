// Colours and labels fixed by the specs: KRI status colours (kris.md §2.5), control test and evidence badges
// (controls.md §6.5, §7). Band colours are never here: they come from the matrix version (risks.md §3.2).
import type { BandStyle, KriStatus, TestResult } from './types'

export type Tone = { background: string; color: string }

export const KRI_STATUS_LABEL: Record<KriStatus, string> = {
  GREEN: 'Green',
  AMBER: 'Amber',
  RED: 'Red',
  NO_DATA: 'No data',
}

export const KRI_STATUS_COLOUR: Record<KriStatus, string> = {
  GREEN: '#2E7D32',
  AMBER: '#F9A825',
  RED: '#C62828',
  NO_DATA: '#9E9E9E',
}

// Amber and grey carry black text: white on them falls below a 4.5:1 contrast ratio.
export const KRI_STATUS_TONE: Record<KriStatus, Tone> = {
  GREEN: { background: KRI_STATUS_COLOUR.GREEN, color: '#FFFFFF' },
  AMBER: { background: KRI_STATUS_COLOUR.AMBER, color: '#000000' },
  RED: { background: KRI_STATUS_COLOUR.RED, color: '#FFFFFF' },
  NO_DATA: { background: KRI_STATUS_COLOUR.NO_DATA, color: '#000000' },
}

export const TEST_RESULT_LABEL: Record<TestResult, string> = {
  EFFECTIVE: 'Effective',
  PARTIALLY_EFFECTIVE: 'Partially effective',
  INEFFECTIVE: 'Ineffective',
}

export const TEST_RESULT_TONE: Record<TestResult | 'NOT_TESTED', Tone> = {
  EFFECTIVE: KRI_STATUS_TONE.GREEN,
  PARTIALLY_EFFECTIVE: KRI_STATUS_TONE.AMBER,
  INEFFECTIVE: KRI_STATUS_TONE.RED,
  NOT_TESTED: KRI_STATUS_TONE.NO_DATA,
}

/** Value lines of the KRI charts: neutral, so the status colours stay on the markers and zones. */
export const LINE_COLOUR = '#37474F'

/** Shown for a band code no matrix version in hand describes (never expected; keeps a chart drawable). */
export const UNKNOWN_BAND_COLOUR = '#9E9E9E'

/** A band code or band object → its style, looked up in the bands given; null for a null band. */
export function resolveBand(
  band: string | BandStyle | null | undefined,
  bands: readonly BandStyle[],
): BandStyle | null {
  if (band == null) return null
  if (typeof band !== 'string') return band
  return (
    bands.find((b) => b.code === band) ?? {
      code: band,
      label: band,
      colour: UNKNOWN_BAND_COLOUR,
      text_colour: '#000000',
    }
  )
}
