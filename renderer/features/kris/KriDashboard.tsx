import { useCallback, useEffect, useState } from 'react'
import { api } from '#renderer/api'
import { ErrorBanner, LoadMore, Page } from '#renderer/components/index'
import { KRI_STATUS_LABEL, KriSparkline, KriStatusChip } from '#renderer/components/rcsa/index'
import { useLoad } from '#renderer/hooks/use-load'
import { usePaged } from '#renderer/hooks/use-paged'
import { href, kriPath, SCREEN_PATHS } from '#renderer/router'
import { KriOverdueBadge, LatestValue } from './KriBits'
import { thresholdText, type DecimalThresholds } from './kri-logic'
import type { KriDashboardData, KriRow, KriStatusCode, KriWorstRow } from './kri-types'
import { KRI_STATUS_CODES } from './kri-types'

type Filter = { kind: 'status'; status: KriStatusCode } | { kind: 'overdue' } | null

type Spark = KriWorstRow['sparkline']
const NO_SPARK: Spark = []

/** kris.md §12 KRI dashboard: status tiles, overdue, breaches in 90 days, the worst-first table. */
export function KriDashboard() {
  const load = useCallback(() => api.call('kri.dashboard', {}), [])
  const dash = useLoad(load)
  const [filter, setFilter] = useState<Filter>(null)
  const d = dash.data

  const actions = (
    <>
      <a className="button-secondary" href={href(SCREEN_PATHS.kris)}>
        KRI register
      </a>
      <a className="button-secondary" href={href(SCREEN_PATHS['kri-breaches'])}>
        Breaches report
      </a>
    </>
  )
  return (
    <Page title="KRI dashboard" actions={actions}>
      <ErrorBanner error={dash.error} onRetry={dash.reload} />
      {!d ? (
        !dash.error && (
          <p className="muted" role="status">
            Loading KRIs…
          </p>
        )
      ) : (
        <>
          <DashboardTiles data={d} filter={filter} onFilter={setFilter} />
          {filter === null ? (
            <WorstTable rows={d.worst} caption="KRIs, worst first" />
          ) : (
            <FilteredTable filter={filter} sparks={d.worst} onClear={() => setFilter(null)} />
          )}
        </>
      )}
    </Page>
  )
}

function DashboardTiles({
  data,
  filter,
  onFilter,
}: {
  data: KriDashboardData
  filter: Filter
  onFilter: (f: Filter) => void
}) {
  const pressed = (f: NonNullable<Filter>) =>
    filter !== null &&
    filter.kind === f.kind &&
    (f.kind === 'overdue' || (filter.kind === 'status' && filter.status === f.status))
  const toggle = (f: NonNullable<Filter>) => onFilter(pressed(f) ? null : f)
  return (
    <div className="kri-tiles" role="group" aria-label="KRI status counts">
      {KRI_STATUS_CODES.map((s) => (
        <button
          key={s}
          type="button"
          className={`kri-tile kri-tile-${s.toLowerCase()}`}
          aria-pressed={pressed({ kind: 'status', status: s })}
          onClick={() => toggle({ kind: 'status', status: s })}
        >
          <span className="kri-tile-label">{KRI_STATUS_LABEL[s]}</span>
          <span className="kri-tile-value">{data.counts[s]}</span>
        </button>
      ))}
      <button
        type="button"
        className="kri-tile kri-tile-overdue"
        aria-pressed={pressed({ kind: 'overdue' })}
        onClick={() => toggle({ kind: 'overdue' })}
      >
        <span className="kri-tile-label">Overdue</span>
        <span className="kri-tile-value">{data.overdue_count}</span>
      </button>
      <a className="kri-tile kri-tile-breaches" href={href(SCREEN_PATHS['kri-breaches'])}>
        <span className="kri-tile-label">Breaches, last 90 days</span>
        <span className="kri-tile-value">{data.breaches_last_90_days.RED + data.breaches_last_90_days.AMBER}</span>
        <span className="kri-tile-note">
          {data.breaches_last_90_days.RED} Red · {data.breaches_last_90_days.AMBER} Amber
        </span>
      </a>
    </div>
  )
}

type Extras = { thresholds: DecimalThresholds | null; sparkline: Spark }
type TableRow = KriRow | KriWorstRow

function WorstTable({
  rows,
  caption,
  known,
}: {
  rows: readonly TableRow[]
  caption: string
  /** Thresholds and sparklines the dashboard already sent, by KRI id. */
  known?: Map<string, Extras>
}) {
  if (rows.length === 0) return <p className="empty">No active KRIs to show.</p>
  return (
    <div className="table-wrap">
      <table className="data kri-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">KRI</th>
            <th scope="col">Latest value</th>
            <th scope="col">Thresholds</th>
            <th scope="col">Overdue</th>
            <th scope="col">Owner</th>
            <th scope="col">Last 12 periods</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <DashRow
              key={r.id}
              row={r}
              extras={'sparkline' in r ? { thresholds: r.thresholds, sparkline: r.sparkline } : known?.get(r.id)}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** One worst-first row; a KRI outside the dashboard's first 20 gets its thresholds and last points from kri.trend. */
function DashRow({ row: r, extras }: { row: TableRow; extras: Extras | undefined }) {
  const [loaded, setLoaded] = useState<Extras | null>(null)
  useEffect(() => {
    if (extras) return
    let live = true
    api.call('kri.trend', { kri_id: r.id }).then(
      (t) => {
        const last = t.points[t.points.length - 1]
        if (live)
          setLoaded({
            thresholds: last?.thresholds ?? null,
            sparkline: t.points.filter((p) => p.value !== null).slice(-12) as Spark,
          })
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [extras, r.id])
  const x = extras ?? loaded
  return (
    <tr data-kri={r.name}>
      <td>
        <KriStatusChip status={r.current_status} />
      </td>
      <td>
        <a href={href(kriPath(r.id))}>{r.name}</a>
        <div className="muted mono small">{r.ref}</div>
      </td>
      <td>
        <LatestValue
          value={r.current_value}
          unit={r.unit}
          frequency={r.frequency}
          periodStart={r.current_period_start}
        />
      </td>
      <td className="small">{x ? thresholdText(x.thresholds) : '…'}</td>
      <td>
        <KriOverdueBadge since={r.overdue_period_start} frequency={r.frequency} />
      </td>
      <td>{r.owner.full_name}</td>
      <td>
        <KriSparkline points={x?.sparkline ?? NO_SPARK} unit={r.unit} />
      </td>
    </tr>
  )
}

/** The table after a tile click: kri.list with that status (or overdue), worst first, paged. */
function FilteredTable({
  filter,
  sparks,
  onClear,
}: {
  filter: NonNullable<Filter>
  sparks: KriWorstRow[]
  onClear: () => void
}) {
  const key = JSON.stringify(filter)
  const query = useCallback(
    (cursor: string | undefined) => {
      const f = JSON.parse(key) as NonNullable<Filter>
      return api.call('kri.list', {
        ...(f.kind === 'status' ? { current_status: [f.status] } : { overdue: true }),
        ...(cursor === undefined ? {} : { cursor }),
      })
    },
    [key],
  )
  const list = usePaged(query)
  const byId = new Map(sparks.map((s) => [s.id, { thresholds: s.thresholds, sparkline: s.sparkline }]))
  const what = filter.kind === 'status' ? `${KRI_STATUS_LABEL[filter.status]} KRIs` : 'Overdue KRIs'
  return (
    <section aria-label={what}>
      <p className="kri-filter-note">
        Showing {what} only.{' '}
        <button type="button" className="button-link" onClick={onClear}>
          Show all
        </button>
      </p>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.loading ? (
        <p className="muted" role="status">
          Loading KRIs…
        </p>
      ) : (
        <WorstTable rows={list.items} caption={what} known={byId} />
      )}
      <LoadMore hasMore={list.hasMore} busy={list.loadingMore} onLoadMore={() => void list.loadMore()} />
    </section>
  )
}

/** The risk officer's home tile (kris.md §12): status counts and the five worst KRIs. */
export function KriDashboardTile() {
  const load = useCallback(() => api.call('kri.dashboard', {}), [])
  const dash = useLoad(load)
  const d = dash.data
  return (
    <section className="panel kri-home-tile" aria-labelledby="kri-tile-title">
      <div className="kri-home-head">
        <h2 id="kri-tile-title">Key risk indicators</h2>
        <a href={href(SCREEN_PATHS['kri-dashboard'])}>Open KRI dashboard</a>
      </div>
      <ErrorBanner error={dash.error} onRetry={dash.reload} />
      {d && (
        <>
          <ul className="kri-home-counts" aria-label="KRI status counts">
            {KRI_STATUS_CODES.map((s) => (
              <li key={s}>
                <KriStatusChip status={s} /> <strong>{d.counts[s]}</strong>
              </li>
            ))}
            <li>
              <span className="badge badge-danger">Overdue</span> <strong>{d.overdue_count}</strong>
            </li>
          </ul>
          {d.worst.length === 0 ? (
            <p className="empty">No active KRIs in your scope.</p>
          ) : (
            <ol className="kri-home-worst" aria-label="Worst KRIs first">
              {d.worst.slice(0, 5).map((r) => (
                <li key={r.id}>
                  <KriStatusChip status={r.current_status} />
                  <a href={href(kriPath(r.id))}>{r.name}</a>
                  <LatestValue
                    value={r.current_value}
                    unit={r.unit}
                    frequency={r.frequency}
                    periodStart={r.current_period_start}
                  />
                  <KriOverdueBadge since={r.overdue_period_start} frequency={r.frequency} />
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  )
}
