import { useSession } from '#renderer/stores/session'
import { ALL_FILTERS } from './list-filters'
import { MeasureListScreen } from './MeasureListScreen'

const useCanCreate = () =>
  useSession((s) => s.user?.roles.some((r) => r === 'manager' || r === 'risk_officer') ?? false)

/** measures §14 "My measures": the caller's own work, earliest deadline first, with its actions per row. */
export function MyMeasures() {
  return (
    <MeasureListScreen
      title="My measures"
      base={{ responsible: 'me', ordering: 'deadline' }}
      filters={['status', 'search', 'ordering']}
      columns={[]}
      rowActions
      emptyText="No measures name you as responsible."
    />
  )
}

/** measures §14 "Team measures" (manager): every visible measure, the §13 filters, "New measure". */
export function TeamMeasures() {
  return (
    <MeasureListScreen
      title="Team measures"
      base={{ ordering: 'deadline' }}
      filters={ALL_FILTERS}
      columns={['responsible', 'links']}
      canCreate
      emptyText="No measures match these filters."
    />
  )
}

/** measures §14 "Review queue" (risk_officer): submitted work awaiting this officer, oldest first. */
export function MeasureReviewQueue() {
  return (
    <MeasureListScreen
      title="Measure review queue"
      intro="Measures submitted for review that you can verify, oldest submission first. Measures you are responsible for are never listed here."
      base={{ awaiting_me: true, status: ['PENDING_REVIEW'], ordering: 'submitted_at' }}
      filters={['search']}
      columns={['responsible', 'submitted']}
      emptyText="No measures are waiting for your review."
    />
  )
}

/** measures §14 "Overdue measures" (manager, risk_officer): past their deadline, earliest first. */
export function OverdueMeasures() {
  return (
    <MeasureListScreen
      title="Overdue measures"
      base={{ is_overdue: true, ordering: 'deadline' }}
      filters={['search']}
      columns={['responsible', 'links']}
      emptyText="No measure is past its deadline."
      exportAs="overdue-measures"
    />
  )
}

/** measures §14 "Measures register": every filter, create for managers and risk officers, export. */
export function MeasuresRegister() {
  const canCreate = useCanCreate()
  return (
    <MeasureListScreen
      title="Measures register"
      base={{ ordering: '-created_at' }}
      filters={ALL_FILTERS}
      columns={['responsible', 'links', 'created']}
      canCreate={canCreate}
      emptyText="No measures match these filters."
      exportAs="measures-register"
    />
  )
}
