import { useState } from 'react'
import type { IncidentListInput } from '#renderer/types'
import { IncidentListScreen } from './IncidentListScreen'

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
      intro="Incidents your team reported, waiting for your review. The most urgent come first."
      base={{ status: ['PENDING_REVIEW'], assigned_to: 'me', sort: 'current_due_at' }}
      columns="team"
      emptyText="No incidents are waiting for your review."
    />
  )
}

export function TeamIncidents() {
  return (
    <IncidentListScreen
      title="Team incidents"
      base={{}}
      filters={['status', 'near_miss', 'search']}
      columns="team"
      emptyText="No incidents match these filters."
    />
  )
}

export function IncidentRegister() {
  return (
    <IncidentListScreen
      title="Incident register"
      base={{}}
      filters={['status', 'near_miss', 'search']}
      columns="team"
      emptyText="No incidents match these filters."
    />
  )
}

type Tab = 'pending' | 'ready'

export function ValidationQueue() {
  const [tab, setTab] = useState<Tab>('pending')
  const [mine, setMine] = useState(false)
  const base: IncidentListInput =
    tab === 'pending'
      ? { status: ['PENDING_VALIDATION'], sort: 'current_due_at', ...(mine ? { assigned_to: 'me' as const } : {}) }
      : { status: ['VALIDATED'] }
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
      base={base}
      columns="team"
      controls={controls}
      emptyText={
        tab === 'pending'
          ? 'No incidents are waiting for validation.'
          : 'No validated incidents are waiting to be closed.'
      }
    />
  )
}
