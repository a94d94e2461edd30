import { useCallback, useEffect } from 'react'
import { api } from '#renderer/api'
import { Badge, ErrorBanner, LocalTime, OverdueBadge, Page, StatusChip } from '#renderer/components/index'
import { useLoad } from '#renderer/hooks/use-load'
import { formatDate } from '#renderer/lib/time'
import { useReference } from '#renderer/stores/reference'
import { IncidentHistory } from './IncidentHistory'
import { LossSection } from './LossSection'
import { Facts } from './Facts'

/** incidents §15 "Incident detail", read-only for now: the edit and workflow actions arrive with the workflow. */
export function IncidentDetail({ id }: { id: string }) {
  const load = useCallback(() => api.call('incident.get', { id }), [id])
  const { data: incident, error, loading, reload } = useLoad(load)
  const ensureLoaded = useReference((s) => s.ensureLoaded)
  useEffect(() => {
    void ensureLoaded()
  }, [ensureLoaded])

  if (error?.code === 'NOT_FOUND')
    return (
      <Page title="Incident not available">
        <p>This incident does not exist or you do not have access to it.</p>
      </Page>
    )
  if (error || loading || !incident)
    return (
      <Page title="Incident">
        {loading ? (
          <p className="muted" role="status">
            Loading incident…
          </p>
        ) : (
          <ErrorBanner error={error} onRetry={reload} />
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
      {i.permissions.read_only && (
        <div className="banner banner-info" role="status">
          <p>You have read-only access to this incident.</p>
        </div>
      )}

      <Facts
        title="Details"
        rows={[
          ['Description', <p className="prewrap">{i.description}</p>],
          ['Business unit', i.business_unit_name],
          ['Reported by', i.created_by_name],
          ['Reported', <LocalTime iso={i.created_at} />],
          ['Last updated', <LocalTime iso={i.updated_at} />],
          ['Near miss', i.near_miss ? 'Yes' : 'No'],
        ]}
      />
      <Facts
        title="Classification"
        rows={[
          ['Type of incident', i.simplified_event_type_name],
          ['Basel event type', i.basel_event_type_name],
          ['Business line', i.basel_business_line_name],
          ['Business process', i.business_process_name],
          ['Product', i.product_name],
          ['Severity', i.severity.charAt(0).toUpperCase() + i.severity.slice(1)],
        ]}
      />
      <LossSection incident={i} />
      <Facts
        title="Dates"
        rows={[
          ['Occurred', <LocalTime iso={i.occurred_at} />],
          ['Discovered', <LocalTime iso={i.discovered_at} />],
          ['Resolved', <LocalTime iso={i.resolved_at} />],
          ['First accounting date', formatDate(i.first_accounting_date)],
          ['Submitted', <LocalTime iso={i.submitted_at} />],
          ['Reviewed', <LocalTime iso={i.reviewed_at} />],
          ['Validated', <LocalTime iso={i.validated_at} />],
          ['Closed', <LocalTime iso={i.closed_at} />],
        ]}
      />
      <section className="panel" aria-labelledby="causes-title">
        <h2 id="causes-title">Causes</h2>
        {i.causes.length === 0 ? (
          <p className="muted">No causes recorded.</p>
        ) : (
          <ul className="plain-list">
            {i.causes.map((c) => (
              <li key={c.id}>
                {c.name} <span className="muted">({c.family})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="notes-title">
        <h2 id="notes-title">Notes log</h2>
        {i.notes ? <pre className="notes">{i.notes}</pre> : <p className="muted">No notes.</p>}
      </section>
      <IncidentHistory incidentId={i.id} />
    </Page>
  )
}
