import type { MeasureStatus } from '#shared/measures/measure.constants'
import type { MEASURE_ORDERINGS } from '#shared/measures/measure.schema'
import type { MeasureListInput } from './measure-types'

/** The measures §13 filters a screen may offer; each screen picks its own. */
export type FilterKind = 'status' | 'search' | 'people' | 'incident' | 'deadline' | 'overdue' | 'awaiting' | 'ordering'
export const ALL_FILTERS: readonly FilterKind[] = [
  'status',
  'search',
  'people',
  'incident',
  'deadline',
  'overdue',
  'awaiting',
  'ordering',
]

export type Ordering = (typeof MEASURE_ORDERINGS)[number]

export type FilterValues = {
  status: MeasureStatus[]
  q: string
  /** '' anyone, 'me', or a user id. */
  responsible: string
  createdBy: string
  /** The ref the user typed and the incident id it was resolved to. */
  incidentRef: string
  incidentId: string
  deadlineAfter: string
  deadlineBefore: string
  overdue: 'any' | 'yes' | 'no'
  awaitingMe: boolean
  ordering: '' | Ordering
}

export const NO_FILTERS: FilterValues = {
  status: [],
  q: '',
  responsible: '',
  createdBy: '',
  incidentRef: '',
  incidentId: '',
  deadlineAfter: '',
  deadlineBefore: '',
  overdue: 'any',
  awaitingMe: false,
  ordering: '',
}

/** The screen's fixed query with the user's filters on top; a filter left empty adds nothing. */
export function withFilters(base: MeasureListInput, v: FilterValues): MeasureListInput {
  return {
    ...base,
    ...(v.status.length > 0 ? { status: v.status } : {}),
    ...(v.q ? { q: v.q } : {}),
    ...(v.responsible ? { responsible: v.responsible } : {}),
    ...(v.createdBy ? { created_by: v.createdBy } : {}),
    ...(v.incidentId ? { incident_id: v.incidentId } : {}),
    ...(v.deadlineAfter ? { deadline_after: v.deadlineAfter } : {}),
    ...(v.deadlineBefore ? { deadline_before: v.deadlineBefore } : {}),
    ...(v.overdue === 'any' ? {} : { is_overdue: v.overdue === 'yes' }),
    ...(v.awaitingMe ? { awaiting_me: true } : {}),
    ...(v.ordering ? { ordering: v.ordering } : {}),
  }
}

export const ORDERING_LABELS: Record<Ordering, string> = {
  deadline: 'Deadline, earliest first',
  '-deadline': 'Deadline, latest first',
  created_at: 'Created, oldest first',
  '-created_at': 'Created, newest first',
  submitted_at: 'Submitted, oldest first',
  '-submitted_at': 'Submitted, newest first',
}
