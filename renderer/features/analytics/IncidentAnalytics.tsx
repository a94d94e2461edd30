import { useState } from 'react'
import { ErrorBanner, Page } from '#renderer/components/index'
import { useAnalytics, useGroupedMttx, type MttxGroup } from './analytics-data'
import { CountChart } from './CountChart'
import { GroupedTable } from './GroupedTable'
import { MetricCards } from './MetricCards'
import { TrendChart } from './TrendChart'

const GROUPS: { value: MttxGroup; label: string }[] = [
  { value: 'severity', label: 'Severity' },
  { value: 'simplified_event_type', label: 'Event type' },
  { value: 'basel_event_type_l1', label: 'Basel event type' },
]
const NO_FILTERS = {}

/** incidents §15 "Incident analytics" (manager, risk officer, auditor): over the incidents the caller can see. */
export function IncidentAnalytics() {
  const [groupBy, setGroupBy] = useState<MttxGroup>('severity')
  const summary = useAnalytics(NO_FILTERS)
  const grouped = useGroupedMttx(NO_FILTERS, groupBy)
  const groupLabel = GROUPS.find((g) => g.value === groupBy)?.label ?? 'Group'

  return (
    <Page title="Incident analytics">
      <p className="muted">Covers the incidents you can see. Deleted incidents are not counted.</p>
      <ErrorBanner error={summary.error} onRetry={summary.reload} />
      {summary.loading ? (
        <p className="muted" role="status">
          Loading analytics…
        </p>
      ) : (
        summary.data && (
          <>
            <MetricCards overall={summary.data.overall} />
            <div className="chart-grid">
              <CountChart title="Incidents by status" rows={summary.data.byStatus} />
              <CountChart title="Incidents by severity" rows={summary.data.bySeverity} />
            </div>
            <TrendChart rows={summary.data.trend} />
          </>
        )
      )}
      <section className="panel" aria-labelledby="mttx-by-group">
        <div className="toolbar">
          <h2 id="mttx-by-group">MTTD and MTTR by {groupLabel.toLowerCase()}</h2>
          <div className="segmented" role="group" aria-label="Group by">
            {GROUPS.map((g) => (
              <button
                key={g.value}
                type="button"
                aria-pressed={groupBy === g.value}
                onClick={() => setGroupBy(g.value)}
              >
                {g.label}
              </button>
            ))}
          </div>
        </div>
        <ErrorBanner error={grouped.error} onRetry={grouped.reload} />
        {grouped.loading ? (
          <p className="muted" role="status">
            Loading…
          </p>
        ) : (
          grouped.data && <GroupedTable rows={grouped.data} groupLabel={groupLabel} />
        )}
      </section>
    </Page>
  )
}
