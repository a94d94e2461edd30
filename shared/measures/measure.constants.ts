// Fixed data of measures.md: states (§5.1), parties and editable fields (§3.3), transition commands (§5.2, §12).

export const MEASURE_STATUSES = ['OPEN', 'IN_PROGRESS', 'PENDING_REVIEW', 'COMPLETED', 'CANCELLED'] as const
export type MeasureStatus = (typeof MEASURE_STATUSES)[number]

export const STATUS_NAMES: Record<MeasureStatus, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In Progress',
  PENDING_REVIEW: 'Pending Review',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
}

export const TERMINAL_STATUSES: readonly MeasureStatus[] = ['COMPLETED', 'CANCELLED']
/** is_overdue counts only while work is owed (§11). */
export const WORKING_STATUSES: readonly MeasureStatus[] = ['OPEN', 'IN_PROGRESS']

export const PARTIES = ['responsible', 'responsible_manager', 'creator', 'risk_officer'] as const
export type Party = (typeof PARTIES)[number]

export const EDITABLE_FIELDS = ['description', 'deadline', 'responsible_user_id'] as const
export type EditableField = (typeof EDITABLE_FIELDS)[number]

export type TransitionCommand =
  'measure.start' | 'measure.submitForReview' | 'measure.returnToProgress' | 'measure.complete' | 'measure.cancel'

/** The text a transition asks for, with its bounds (the dialog's counter, §12 `input`). */
export type TextInput = { field: 'evidence' | 'reason' | 'closure_comment'; min: number; max: number }

export type TransitionDef = {
  command: TransitionCommand
  from: readonly MeasureStatus[]
  to: MeasureStatus
  label: string
  /** Who may take the edge: the doer, or a risk officer who is not the doer (§4). */
  actor: 'responsible' | 'risk_officer'
  input: TextInput | null
  /** §8 prefix of the notes entry the command prepends, if any. */
  notePrefix: 'EVIDENCE' | 'REASON FOR RETURN' | 'REASON FOR CANCELLATION' | null
  /** The verb of the segregation-of-duties and "Only Risk Officers" messages. */
  verb?: 'return' | 'complete' | 'cancel'
}

const EVIDENCE: TextInput = { field: 'evidence', min: 10, max: 2000 }
const REASON: TextInput = { field: 'reason', min: 10, max: 1000 }
const CLOSURE: TextInput = { field: 'closure_comment', min: 10, max: 2000 }

/** The transition table of §5.2: fixed in code, not configurable. */
export const TRANSITIONS: readonly TransitionDef[] = [
  {
    command: 'measure.start',
    from: ['OPEN'],
    to: 'IN_PROGRESS',
    label: 'Start Progress',
    actor: 'responsible',
    input: null,
    notePrefix: null,
  },
  {
    command: 'measure.submitForReview',
    from: ['IN_PROGRESS'],
    to: 'PENDING_REVIEW',
    label: 'Submit for Review',
    actor: 'responsible',
    input: EVIDENCE,
    notePrefix: 'EVIDENCE',
  },
  {
    command: 'measure.returnToProgress',
    from: ['PENDING_REVIEW'],
    to: 'IN_PROGRESS',
    label: 'Return to Progress',
    actor: 'risk_officer',
    input: REASON,
    notePrefix: 'REASON FOR RETURN',
    verb: 'return',
  },
  {
    command: 'measure.complete',
    from: ['PENDING_REVIEW'],
    to: 'COMPLETED',
    label: 'Complete Measure',
    actor: 'risk_officer',
    input: CLOSURE,
    notePrefix: null,
    verb: 'complete',
  },
  {
    command: 'measure.cancel',
    from: ['IN_PROGRESS', 'PENDING_REVIEW'],
    to: 'CANCELLED',
    label: 'Cancel Measure',
    actor: 'risk_officer',
    input: REASON,
    notePrefix: 'REASON FOR CANCELLATION',
    verb: 'cancel',
  },
]

export const transitionDef = (command: TransitionCommand): TransitionDef =>
  TRANSITIONS.find((t) => t.command === command)!
