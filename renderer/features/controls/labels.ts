// Words and small formatting of the controls screens (controls.md §2, §6.4, §7, §11).
import {
  CONTROL_FREQUENCY_LABELS,
  CONTROL_NATURE_LABELS,
  CONTROL_TYPE_LABELS,
  EFFECTIVENESS_LABELS,
  EVIDENCE_STATUS_LABELS,
  TEST_RESULT_LABELS,
} from '#shared/controls/control.constants'
import { RISK_STATUS_LABELS } from '#shared/risks/risk.read-rules'

export {
  CONTROL_FREQUENCY_LABELS,
  CONTROL_NATURE_LABELS,
  CONTROL_TYPE_LABELS,
  EFFECTIVENESS_LABELS,
  EVIDENCE_STATUS_LABELS,
  TEST_RESULT_LABELS,
}

const pick = (labels: Record<string, string>, code: string | null | undefined) => (code ? (labels[code] ?? code) : '—')

export const typeLabel = (c: string | null | undefined) => pick(CONTROL_TYPE_LABELS, c)
export const natureLabel = (c: string | null | undefined) => pick(CONTROL_NATURE_LABELS, c)
export const frequencyLabel = (c: string | null | undefined) => pick(CONTROL_FREQUENCY_LABELS, c)
export const riskStatusLabel = (c: string | null | undefined) => pick(RISK_STATUS_LABELS, c)
export const testResultLabel = (c: string | null | undefined) => (c ? pick(TEST_RESULT_LABELS, c) : 'Not tested')
export const evidenceStatusLabel = (c: string | null | undefined) => pick(EVIDENCE_STATUS_LABELS, c)

/** "4 Effective"; "Not assessed" when the design effectiveness is empty. */
export function effectivenessText(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'Not assessed'
  return `${value} ${EFFECTIVENESS_LABELS[value] ?? ''}`.trim()
}

export const IMPLEMENTATION_LABELS: Record<string, string> = { PLANNED: 'Planned', IMPLEMENTED: 'Implemented' }
export const implementationLabel = (c: string | null | undefined) => pick(IMPLEMENTATION_LABELS, c)

export const EVIDENCE_KIND_LABELS: Record<string, string> = {
  DOCUMENT: 'Document',
  SCREENSHOT: 'Screenshot',
  LOG: 'Log',
  ATTESTATION: 'Attestation',
  LINK: 'Link',
}
export const kindLabel = (c: string | null | undefined) => pick(EVIDENCE_KIND_LABELS, c)

export const REVISION_STATUS_LABELS: Record<string, string> = {
  PENDING: 'Pending review',
  ACCEPTED: 'Accepted',
  REJECTED: 'Rejected',
}
export const revisionStatusLabel = (c: string | null | undefined) => pick(REVISION_STATUS_LABELS, c)

/** "1.2 MB", "830 bytes": the size of an evidence file for people; the exact byte count goes in the title. */
export function fileSizeText(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—'
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`
  const units = ['KB', 'MB', 'GB']
  let v = bytes / 1024
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return `${v >= 10 ? v.toFixed(0) : v.toFixed(1)} ${units[u]}`
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

// audit-security §2.8 "action in words" for the control's History tab.
const ACTION_WORDS: Record<string, string> = {
  'control.create': 'Control created',
  'control.createFromTemplate': 'Added from the starter library',
  'control.update': 'Control edited',
  'control.deactivate': 'Control deactivated',
  'control.reactivate': 'Control reactivated',
  'control.addFrameworkRef': 'Framework reference added',
  'control.removeFrameworkRef': 'Framework reference removed',
  'evidence.create': 'Evidence added',
  'evidence.addRevision': 'Evidence revision added',
  'evidence.reviewRevision': 'Evidence reviewed',
  'evidence.archive': 'Evidence archived',
  'control.recordTest': 'Test recorded',
  'control.voidTest': 'Test voided',
  'risk.linkControl': 'Linked to a risk',
  'risk.unlinkControl': 'Unlinked from a risk',
  'risk.updateControlLinkNotes': 'Link notes changed',
}
export const controlActionWords = (action: string) => ACTION_WORDS[action] ?? null
