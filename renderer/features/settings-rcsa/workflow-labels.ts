import { ROLE_NAMES } from '#shared/core/primitives'

// Words of the risk workflow settings (risks.md §5.1 UI labels, §6.3 field names).

export { FIELD_LABELS } from '../risks/labels'

export const STATUS_SHORT: Record<string, string> = {
  DRAFT: 'Draft',
  ASSESSED: 'Assessed',
  ACTIVE: 'Active',
  RETIRED: 'Retired',
}
export const statusWord = (s: string) => STATUS_SHORT[s] ?? s

/** §5.1 "UI label" of each edge. */
const EDGE_ACTIONS: Record<string, string> = {
  'DRAFT>ASSESSED': 'Submit for review',
  'ASSESSED>ACTIVE': 'Approve',
  'DRAFT>ACTIVE': 'Approve (workshop)',
  'ASSESSED>DRAFT': 'Send back',
  'ACTIVE>ASSESSED': 'Request reassessment',
  'ASSESSED>RETIRED': 'Retire',
  'ACTIVE>RETIRED': 'Retire',
}
export const edgeAction = (from: string, to: string) => EDGE_ACTIONS[`${from}>${to}`] ?? null

export const roleName = (r: string) => ROLE_NAMES[r as keyof typeof ROLE_NAMES] ?? r
