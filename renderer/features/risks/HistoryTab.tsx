import { useCallback } from 'react'
import { api } from '#renderer/api'
import { ErrorBanner, LocalTime, RecordHistory } from '#renderer/components/index'
import { BandChip, RiskScoreTrend, type RiskTrendPoint } from '#renderer/components/rcsa/index'
import { useLoad } from '#renderer/hooks/use-load'
import { riskActionWords } from './labels'
import { useRiskDetail } from './risk-store'
import type { RiskDetail, TrendPoint } from './risk-types'

const TRIGGER: Record<string, string> = {
  APPROVAL: 'Approval',
  WORKSHOP_APPROVAL: 'Workshop approval',
  RETIREMENT: 'Retirement',
}

const chipBand = (label: string | null, colour: string | null, text: string | null) =>
  label && colour ? { label, colour, text_colour: text ?? '#000000' } : null

/** The trend chart takes the actor's name under `name`. */
const KRI: readonly string[] = ['GREEN', 'AMBER', 'RED']
const chartPoint = (p: TrendPoint): RiskTrendPoint => ({
  ...p,
  worst_kri_status: p.worst_kri_status && KRI.includes(p.worst_kri_status) ? (p.worst_kri_status as 'GREEN') : null,
  actor: { name: p.actor.full_name, email: p.actor.email },
})

/** risks.md §10 / §15 History tab: the score trend over the approval snapshots, then the audit trail. */
export function HistoryTab({ risk: r }: { risk: RiskDetail }) {
  const generation = useRiskDetail((s) => s.generation)
  const trend = useLoad(
    useCallback(() => {
      void generation
      return api.call('risk.trend', { risk_id: r.id })
    }, [r.id, generation]),
  )
  const points = trend.data?.points ?? []
  return (
    <>
      <section className="panel" aria-labelledby="risk-trend-title">
        <h2 id="risk-trend-title">Score trend</h2>
        <ErrorBanner error={trend.error} onRetry={trend.reload} />
        {trend.loading ? (
          <p className="muted" role="status">
            Loading the trend…
          </p>
        ) : points.length === 0 ? (
          <p className="empty">No approval yet: the trend starts with the first approval.</p>
        ) : (
          <>
            <RiskScoreTrend
              points={points.map(chartPoint)}
              bands={r.matrix.bands}
              title="Inherent and residual score per approval"
            />
            <div className="table-wrap">
              <table className="data risk-snapshots">
                <caption className="visually-hidden">Snapshots</caption>
                <thead>
                  <tr>
                    <th scope="col">Taken</th>
                    <th scope="col">Trigger</th>
                    <th scope="col">Version</th>
                    <th scope="col">Inherent</th>
                    <th scope="col">Residual</th>
                    <th scope="col">Active controls</th>
                    <th scope="col">By</th>
                  </tr>
                </thead>
                <tbody>
                  {[...points].reverse().map((p) => (
                    <tr key={p.snapshot_id}>
                      <td className="nowrap">
                        <LocalTime iso={p.taken_at} />
                      </td>
                      <td>{TRIGGER[p.trigger] ?? p.trigger}</td>
                      <td>{p.risk_version}</td>
                      <td className="nowrap">
                        <BandChip
                          score={p.inherent_score}
                          band={chipBand(p.inherent_band_label, p.inherent_colour, null)}
                        />
                      </td>
                      <td className="nowrap">
                        <BandChip
                          score={p.residual_score}
                          band={chipBand(p.residual_band_label, p.residual_colour, null)}
                        />
                      </td>
                      <td>{p.control_count}</td>
                      <td>{p.actor.full_name ?? p.actor.email ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <RecordHistory key={generation} entityType="risk" entityId={r.id} words={riskActionWords} />
    </>
  )
}
