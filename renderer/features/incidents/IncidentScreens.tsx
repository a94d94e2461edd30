import { AnalyticsCharts } from '../analytics/AnalyticsCharts'
import { KriDashboardTile } from '../kris/index'
import { useState } from 'react'
import { useSession } from '#renderer/stores/session'
import type { IncidentListInput } from '#renderer/types'
import { IncidentListScreen } from './IncidentListScreen'
import type { FilterKind } from './list-filters'

// incidents §14.1: every filter; the register adds "deleted" for auditors, who alone may list deleted incidents.
const ALL_FILTERS: readonly FilterKind[] = [
  'near_miss',
  'search',
  'statuses',
  'severity',
  'overdue',
  'people',
  'classification',
  'dates',
  'sort',
]

export function MyIncidents() {
  return (
    <IncidentListScreen
      title="My incidents"
      base={{ created_by: 'me' }}
      filters={['status', 'near_miss']}
      columns="mine"
      emptyText="You have not reported any incidents yet."
    />
  )
}

export function Approvals() {
  return (
    <IncidentListScreen
      title="Approvals"
      intro="Incidents your team reported, waiting for your review. The most urgent come first; overdue ones are red."
      base={{ status: ['PENDING_REVIEW'], assigned_to: 'me', sort: 'current_due_at', direction: 'asc' }}
      columns="team"
      emptyText="No incidents are waiting for your review."
      exportAs="approvals"
    />
  )
}

export function TeamIncidents() {
  return (
    <IncidentListScreen
      title="Team incidents"
      base={{}}
      filters={ALL_FILTERS}
      columns="team"
      emptyText="No incidents match these filters."
      exportAs="team-incidents"
    />
  )
}

export function IncidentRegister() {
  const auditor = useSession((s) => s.user?.roles.includes('auditor') ?? false)
  return (
    <IncidentListScreen
      title="Incident register"
      base={{}}
      filters={auditor ? [...ALL_FILTERS, 'deleted'] : ALL_FILTERS}
      columns="team"
      emptyText="No incidents match these filters."
      exportAs="incident-register"
    />
  )
}

const STAGES = {
  DRAFT: { title: 'Overdue – Draft', empty: 'No draft is past its due date.' },
  REVIEW: { title: 'Overdue – Review', empty: 'No manager review is past its due date.' },
  VALIDATION: { title: 'Overdue – Validation', empty: 'No risk validation is past its due date.' },
} as const

/** incidents §15 "Overdue – Draft / Review / Validation": the overdue_stage presets, oldest due date first. */
export function OverdueIncidents({ stage }: { stage: keyof typeof STAGES }) {
  return (
    <IncidentListScreen
      key={stage}
      title={STAGES[stage].title}
      base={{ overdue_stage: stage, sort: 'current_due_at', direction: 'asc' }}
      filters={['near_miss', 'search']}
      columns="team"
      emptyText={STAGES[stage].empty}
      exportAs={`overdue-${stage.toLowerCase()}`}
    />
  )
}

type Tab = 'pending' | 'ready'

export function ValidationQueue() {
  const [tab, setTab] = useState<Tab>('pending')
  const [mine, setMine] = useState(false)
  const base: IncidentListInput =
    tab === 'pending'
      ? {
          status: ['PENDING_VALIDATION'],
          sort: 'current_due_at',
          direction: 'asc',
          ...(mine ? { assigned_to: 'me' as const } : {}),
        }
      : { status: ['VALIDATED'], sort: 'created_at' }
  const controls = (
    <div className="queue-controls">
      <div className="segmented" role="group" aria-label="Queue">
        <button type="button" aria-pressed={tab === 'pending'} onClick={() => setTab('pending')}>
          Pending validation
        </button>
        <button type="button" aria-pressed={tab === 'ready'} onClick={() => setTab('ready')}>
          Ready to close
        </button>
      </div>
      {tab === 'pending' && (
        <div className="field field-toggle">
          <input
            id="assigned-to-me"
            type="checkbox"
            className="toggle"
            checked={mine}
            onChange={(e) => setMine(e.target.checked)}
          />
          <label htmlFor="assigned-to-me">Assigned to me</label>
        </div>
      )}
    </div>
  )
  return (
    <IncidentListScreen
      title="Validation queue"
      summary={
        <>
          <KriDashboardTile />
          <AnalyticsCharts />
        </>
      }
      base={base}
      columns="team"
      controls={controls}
      filters={['near_miss', 'search']}
      exportAs={tab === 'pending' ? 'validation-queue' : 'ready-to-close'}
      emptyText={
        tab === 'pending'
          ? 'No incidents are waiting for validation.'
          : 'No validated incidents are waiting to be closed.'
      }
    />
  )
}
