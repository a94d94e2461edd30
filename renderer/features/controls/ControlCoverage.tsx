import { useCallback, useState, type ReactNode } from 'react'
import { api } from '#renderer/api'
import { ErrorBanner, ExportButtons, Page } from '#renderer/components/index'
import { useLoad } from '#renderer/hooks/use-load'
import { controlPath, href, riskPath } from '#renderer/router'
import type { CoverageAnswer, CoverageInput } from './control-types'
import { coverageSheet } from './exports'
import { natureLabel, riskStatusLabel, typeLabel } from './labels'
import { RiskFilters, type RiskFilterValues } from './RiskFilters'
import { useLastValue } from './use-control'

type RiskItem = CoverageAnswer['risks_without_controls']['items'][number]

/** controls.md §8.2, §11 "Coverage": the metrics as tiles, the risk lists (each row opens the risk), export. */
export function ControlCoverage() {
  const [filters, setFilters] = useState<RiskFilterValues>({
    businessUnitId: '',
    categoryId: '',
    statuses: ['DRAFT', 'ASSESSED', 'ACTIVE'],
  })
  const input: CoverageInput = {
    ...(filters.businessUnitId ? { business_unit_ids: [filters.businessUnitId] } : {}),
    ...(filters.statuses.length ? { risk_statuses: filters.statuses } : {}),
  }
  const key = JSON.stringify(input)
  const load = useCallback(() => api.call('control.coverage', JSON.parse(key) as CoverageInput), [key])
  const coverage = useLoad(load)
  const c = useLastValue(coverage.data)

  return (
    <Page
      title="Control coverage"
      actions={
        <ExportButtons
          fileBase="control-coverage"
          build={async () => coverageSheet(await api.call('control.coverage', JSON.parse(key) as CoverageInput))}
        />
      }
    >
      <div className="toolbar">
        <RiskFilters values={filters} onChange={setFilters} withCategory={false} label="Filter coverage" />
      </div>
      <ErrorBanner error={coverage.error} onRetry={coverage.reload} />
      {!c ? (
        !coverage.error && (
          <p className="muted" role="status">
            Loading coverage…
          </p>
        )
      ) : (
        <>
          <div className="metric-cards coverage-tiles">
            <Tile title="Active controls" value={c.active_controls} note={`of ${c.total_controls} controls`} />
            <Tile
              title="Average design effectiveness"
              value={c.avg_design_effectiveness ?? '—'}
              note="active controls with an assessment, 1–5"
            />
            <Tile
              title="Evidence expired"
              value={c.evidence_expired_count}
              note="active controls"
              tone={c.evidence_expired_count > 0 ? 'danger' : undefined}
            />
            <Tile
              title="Last test Ineffective"
              value={c.last_test_ineffective_count}
              note="active controls"
              tone={c.last_test_ineffective_count > 0 ? 'danger' : undefined}
            />
            <Tile
              title="Risks without controls"
              value={c.risks_without_controls.count}
              note={`of ${c.risks_counted} risks`}
              tone={c.risks_without_controls.count > 0 ? 'danger' : undefined}
            />
            <Tile
              title="Risks with fewer than 3 controls"
              value={c.risks_with_fewer_than_3_controls.count}
              note={`of ${c.risks_counted} risks`}
              tone={c.risks_with_fewer_than_3_controls.count > 0 ? 'warning' : undefined}
            />
          </div>
          <div className="coverage-split">
            <Breakdown title="Active controls by type" counts={c.by_type} label={typeLabel} />
            <Breakdown title="Active controls by nature" counts={c.by_nature} label={natureLabel} />
          </div>
          <RiskList
            id="cov-none"
            title="Risks without controls"
            items={c.risks_without_controls.items}
            empty="Every risk counted has at least one active control."
          />
          <RiskList
            id="cov-few"
            title="Risks with fewer than 3 controls"
            items={c.risks_with_fewer_than_3_controls.items}
            empty="Every risk counted has three or more active controls."
            withCount
          />
          <section className="panel" aria-labelledby="cov-used">
            <h2 id="cov-used">Most used controls</h2>
            {c.most_used_controls.length === 0 ? (
              <p className="empty">No active control is linked to a counted risk.</p>
            ) : (
              <div className="table-wrap">
                <table className="data">
                  <caption className="visually-hidden">Most used controls</caption>
                  <thead>
                    <tr>
                      <th scope="col">Code</th>
                      <th scope="col">Title</th>
                      <th scope="col" className="num">
                        Risks
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.most_used_controls.map((m) => (
                      <tr key={m.id}>
                        <td className="nowrap">{m.code ?? '—'}</td>
                        <td>
                          <a href={href(controlPath(m.id))}>{m.title}</a>
                        </td>
                        <td className="num">{m.risk_count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </Page>
  )
}

function Tile(props: { title: string; value: ReactNode; note: string; tone?: 'danger' | 'warning' | undefined }) {
  const id = `tile-${props.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
  return (
    <section className={`metric-card${props.tone ? ` metric-${props.tone}` : ''}`} aria-labelledby={id}>
      <h2 id={id} className="metric-title">
        {props.title}
      </h2>
      <p className="metric-value">{props.value}</p>
      <p className="muted">{props.note}</p>
    </section>
  )
}

function Breakdown({
  title,
  counts,
  label,
}: {
  title: string
  counts: Record<string, number>
  label: (c: string) => string
}) {
  const id = `bd-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <dl className="breakdown">
        {Object.entries(counts).map(([k, n]) => (
          <div key={k}>
            <dt>{label(k)}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

function RiskList(props: {
  id: string
  title: string
  items: readonly RiskItem[]
  empty: string
  withCount?: boolean
}) {
  const { id, title, items, empty, withCount } = props
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>
        {title} ({items.length})
      </h2>
      {items.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Risk</th>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Business unit</th>
                {withCount && (
                  <th scope="col" className="num">
                    Active controls
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} className={r.control_count === 0 ? 'row-overdue' : undefined}>
                  <td className="nowrap">
                    <a href={href(riskPath(r.id))}>{r.ref}</a>
                  </td>
                  <td>
                    <a href={href(riskPath(r.id))} tabIndex={-1}>
                      {r.title}
                    </a>
                  </td>
                  <td className="nowrap">{riskStatusLabel(r.status)}</td>
                  <td>{r.business_unit_name}</td>
                  {withCount && <td className="num">{r.control_count}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
