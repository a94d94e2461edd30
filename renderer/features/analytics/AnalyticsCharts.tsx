import { ErrorBanner } from '#renderer/components/index'
import { useAnalytics } from './analytics-data'
import { CountChart } from './CountChart'
import { MetricCards } from './MetricCards'
import { TrendChart } from './TrendChart'

const NO_FILTERS = {}

/** The compact analytics block for the risk officer's home screen: MTTD/MTTR, status counts, 30-day trend. */
export function AnalyticsCharts() {
  const { data, error, loading, reload } = useAnalytics(NO_FILTERS)
  return (
    <section className="analytics-compact" aria-labelledby="analytics-compact-title">
      <h2 id="analytics-compact-title">Incident analytics</h2>
      <ErrorBanner error={error} onRetry={reload} />
      {loading ? (
        <p className="muted" role="status">
          Loading analytics…
        </p>
      ) : (
        data && (
          <>
            <MetricCards overall={data.overall} />
            <div className="chart-grid">
              <CountChart title="Incidents by status" rows={data.byStatus} />
              <TrendChart rows={data.trend} height={180} />
            </div>
          </>
        )
      )}
    </section>
  )
}
