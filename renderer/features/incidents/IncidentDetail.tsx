import { useEffect, type FormEvent } from 'react'
import { Badge, ErrorBanner, LocalTime, OverdueBadge, Page, StatusChip } from '#renderer/components/index'
import { isDirty, useIncidentDetail } from '#renderer/stores/incident-detail'
import { useReference } from '#renderer/stores/reference'
import type { IncidentDetail as Incident } from '#renderer/types'
import { ActionBar } from './ActionBar'
import { CausesSection } from './CausesSection'
import { ClassificationSection } from './ClassificationSection'
import { DatesSection } from './DatesSection'
import { DetailBanner } from './DetailBanner'
import { DetailsSection } from './DetailsSection'
import { IncidentHistory } from './IncidentHistory'
import { LinkedRecords } from './LinkedRecords'
import { LossSection } from './LossSection'
import { ValidationStamp } from './ValidationStamp'

/** incidents §15 "Incident detail": header, actions, the edit form over the catalogue, links, notes, history. */
export function IncidentDetail({ id }: { id: string }) {
  const open = useIncidentDetail((s) => s.open)
  const reload = useIncidentDetail((s) => s.reload)
  const incident = useIncidentDetail((s) => (s.id === id ? s.incident : null))
  const loadError = useIncidentDetail((s) => (s.id === id ? s.loadError : null))
  const hasValues = useIncidentDetail((s) => s.values !== null)
  const ensureLoaded = useReference((s) => s.ensureLoaded)
  const choicesLoaded = useReference((s) => s.form !== null)
  const choicesError = useReference((s) => s.error)
  useEffect(() => {
    void ensureLoaded()
    void open(id)
  }, [ensureLoaded, open, id])

  if (loadError?.code === 'NOT_FOUND')
    return (
      <Page title="Incident not available">
        <p>This incident does not exist or you do not have access to it.</p>
      </Page>
    )
  // The form's pickers need the reference choices as much as the record itself.
  if (!incident || !hasValues || !choicesLoaded)
    return (
      <Page title="Incident">
        {loadError || choicesError ? (
          <ErrorBanner error={loadError ?? choicesError} onRetry={() => void (loadError ? reload() : ensureLoaded())} />
        ) : (
          <p className="muted" role="status">
            Loading incident…
          </p>
        )}
      </Page>
    )

  const i = incident
  return (
    <Page
      title={`${i.ref} ${i.title}`}
      heading={
        <>
          <span className="heading-ref">{i.ref}</span> {i.title}
        </>
      }
    >
      <div className="detail-meta">
        <StatusChip status={i.status} name={i.status_name} />
        {i.near_miss && <Badge tone="info">Near miss</Badge>}
        <span>
          Assignee: <strong>{i.assigned_to_name ?? 'Unassigned'}</strong>
        </span>
        <span>
          Due: <LocalTime iso={i.current_due_at} /> <OverdueBadge stage={i.overdue_stage} />
        </span>
      </div>
      <ValidationStamp incident={i} />
      {i.permissions.read_only && (
        <div className="banner banner-info" role="status">
          <p>You have read-only access to this incident.</p>
        </div>
      )}
      <ActionBar incident={i} />
      <DetailBanner />
      <EditForm incident={i} />
      <LinkedRecords incident={i} />
      <section className="panel" aria-labelledby="notes-title">
        <h2 id="notes-title">Notes log</h2>
        {i.notes ? <pre className="notes">{i.notes}</pre> : <p className="muted">No notes.</p>}
      </section>
      <IncidentHistory key={i.version} incidentId={i.id} />
    </Page>
  )
}

function EditForm({ incident: i }: { incident: Incident }) {
  const save = useIncidentDetail((s) => s.save)
  const discard = useIncidentDetail((s) => s.discard)
  const busy = useIncidentDetail((s) => s.busy)
  const dirty = useIncidentDetail(isDirty)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void save()
  }
  return (
    <form className="edit-form" onSubmit={submit} noValidate aria-label="Incident fields">
      <DetailsSection incident={i} />
      <ClassificationSection incident={i} />
      <LossSection incident={i} />
      <DatesSection incident={i} />
      <CausesSection incident={i} />
      {i.permissions.can_edit && (
        <div className={`save-bar${dirty ? ' is-dirty' : ''}`}>
          <p className="muted" role="status">
            {dirty ? 'You have unsaved changes.' : 'No unsaved changes.'}
          </p>
          <button type="button" className="button-secondary" disabled={!dirty || busy} onClick={discard}>
            Discard changes
          </button>
          <button type="submit" className="button-primary" disabled={!dirty || busy}>
            Save changes
          </button>
        </div>
      )}
    </form>
  )
}
