import { useCallback, useMemo, useState } from 'react'
import { api } from '#renderer/api'
import { ErrorBanner, LoadMore, LocalTime, Page } from '#renderer/components/index'
import {
  BandChip,
  HeatMap,
  PortfolioTrendChart,
  type BandStyle,
  type HeatMapAnswer,
} from '#renderer/components/rcsa/index'
import { useLoad } from '#renderer/hooks/use-load'
import { usePaged } from '#renderer/hooks/use-paged'
import { formatDate, utcToday } from '#renderer/lib/time'
import { href, navigate, riskPath } from '#renderer/router'
import { plural } from './labels'
import { registerPath } from './list-filters'
import type { HeatMapData, PortfolioTrend } from './risk-types'
import { heatFilters, trendRange, type HeatBar } from './heat-map'

type Basis = 'INHERENT' | 'RESIDUAL'
type Cell = { basis: Basis; likelihood: number; impact: number }

const GREY = '#9E9E9E'

/** The heat map answer as the component draws it (a cell outside every band stays grey). */
function mapData(d: HeatMapData): HeatMapAnswer {
  return {
    matrix_version_id: d.matrix_version_id,
    total: d.total,
    earlier_matrix_count: d.earlier_matrix_count,
    cells: d.cells.map((c) => ({
      likelihood: c.likelihood,
      impact: c.impact,
      score: c.score,
      band: c.band ?? '',
      colour: c.colour ?? GREY,
      text_colour: c.text_colour ?? '#000000',
      count: c.count,
    })),
  }
}

function bandsOf(d: HeatMapData): BandStyle[] {
  const out = new Map<string, BandStyle>()
  for (const c of d.cells)
    if (c.band && !out.has(c.band))
      out.set(c.band, {
        code: c.band,
        label: c.band_label ?? c.band,
        colour: c.colour ?? GREY,
        text_colour: c.text_colour ?? '#000000',
      })
  return [...out.values()]
}

const trendBands = (t: PortfolioTrend): BandStyle[] =>
  t.bands.map((b) => ({
    code: b.code,
    label: b.label ?? b.code,
    colour: b.colour ?? GREY,
    text_colour: b.text_colour ?? '#000000',
  }))

/**
 * risks.md §11 / §15 "Heat map dashboard": inherent and residual maps side by side under one filter bar (business
 * unit, category, as-of date); a cell opens the register filtered to it, or on an as-of map lists the snapshots
 * counted in it. The portfolio trend (active risks per band at each month end) follows.
 */
export function RiskHeatMap() {
  const [bar, setBar] = useState<HeatBar>({ business_unit_id: '', risk_category_id: '', as_of: '' })
  const [cell, setCell] = useState<Cell | null>(null)
  const [trendBasis, setTrendBasis] = useState<Basis>('RESIDUAL')
  const options = useLoad(useCallback(() => api.call('risk.formOptions', {}), []))
  const key = JSON.stringify(bar)
  const filters = useMemo(() => heatFilters(JSON.parse(key) as HeatBar), [key])

  const inherent = useLoad(useCallback(() => api.call('risk.heatMap', { basis: 'INHERENT', ...filters }), [filters]))
  const residual = useLoad(useCallback(() => api.call('risk.heatMap', { basis: 'RESIDUAL', ...filters }), [filters]))
  const today = utcToday()
  const range = useMemo(() => trendRange(today), [today])
  const trend = useLoad(
    useCallback(() => {
      const { as_of: _asOf, ...rest } = filters
      return api.call('risk.portfolioTrend', { ...range, interval: 'MONTH', basis: trendBasis, ...rest })
    }, [filters, trendBasis, range]),
  )

  const change = (patch: Partial<HeatBar>) => {
    setCell(null)
    setBar((b) => ({ ...b, ...patch }))
  }
  const click = (basis: Basis) => (likelihood: number, impact: number) => {
    if (bar.as_of) return setCell({ basis, likelihood, impact })
    // §11: status ACTIVE, the cell, the map's filters; the list total equals the cell count.
    const b = basis === 'INHERENT' ? 'inherent' : 'residual'
    navigate(
      registerPath({
        status: ['ACTIVE'],
        [`${b}_likelihood`]: likelihood,
        [`${b}_impact`]: impact,
        ...(bar.business_unit_id ? { business_unit_id: [bar.business_unit_id] } : {}),
        ...(bar.risk_category_id ? { risk_category_id: [bar.risk_category_id] } : {}),
      }),
    )
  }

  const o = options.data
  return (
    <Page title="Risk heat map">
      <form
        className="filters risk-heat-filters"
        role="search"
        aria-label="Heat map filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor="heat-bu">Business unit</label>
          <select
            id="heat-bu"
            value={bar.business_unit_id}
            onChange={(e) => change({ business_unit_id: e.target.value })}
          >
            <option value="">All business units</option>
            {o?.business_units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="heat-category">Category</label>
          <select
            id="heat-category"
            value={bar.risk_category_id}
            onChange={(e) => change({ risk_category_id: e.target.value })}
          >
            <option value="">All categories</option>
            {o?.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="heat-as-of">As of</label>
          <input
            id="heat-as-of"
            type="date"
            max={utcToday()}
            value={bar.as_of}
            aria-describedby="heat-as-of-hint"
            onChange={(e) => change({ as_of: e.target.value })}
          />
          <p className="hint" id="heat-as-of-hint">
            Empty: the register today. A date: as approved on that day.
          </p>
        </div>
        {bar.as_of && (
          <div className="filter-buttons">
            <button type="button" className="button-secondary" onClick={() => change({ as_of: '' })}>
              Back to today
            </button>
          </div>
        )}
      </form>
      <ErrorBanner error={options.error} message="The filter choices could not be loaded." />
      <ErrorBanner error={inherent.error ?? residual.error} onRetry={() => (inherent.reload(), residual.reload())} />
      <p className="lead">
        {bar.as_of ? `Active risks as they stood on ${formatDate(bar.as_of)}` : 'Active risks today'}
        {inherent.data ? ` · matrix version ${inherent.data.matrix_version}` : ''}.{' '}
        {bar.as_of
          ? 'Click a cell to list the snapshots counted in it.'
          : 'Click a cell to open the register filtered to it.'}
      </p>
      <div className="risk-heatmaps">
        {(['INHERENT', 'RESIDUAL'] as const).map((basis) => {
          const d = basis === 'INHERENT' ? inherent.data : residual.data
          return (
            <div key={basis} className="panel risk-heatmap-panel">
              {d ? (
                <HeatMap
                  title={basis === 'INHERENT' ? 'Inherent' : 'Residual'}
                  data={mapData(d)}
                  likelihoodLevels={d.likelihood_levels}
                  impactLevels={d.impact_levels}
                  bands={bandsOf(d)}
                  onCellClick={click(basis)}
                  selected={cell?.basis === basis ? cell : null}
                />
              ) : (
                <p className="muted" role="status">
                  Loading the {basis === 'INHERENT' ? 'inherent' : 'residual'} map…
                </p>
              )}
            </div>
          )
        })}
      </div>
      {cell && bar.as_of && (
        <CellSnapshots cell={cell} asOf={bar.as_of} filters={filters} onClose={() => setCell(null)} />
      )}
      <section className="panel" aria-labelledby="portfolio-title">
        <div className="subhead">
          <h2 id="portfolio-title">Portfolio trend</h2>
          <div className="inline" role="radiogroup" aria-label="Trend basis">
            {(['RESIDUAL', 'INHERENT'] as const).map((b) => (
              <label key={b} className="check check-chip">
                <input type="radio" name="trend-basis" checked={trendBasis === b} onChange={() => setTrendBasis(b)} />
                {b === 'RESIDUAL' ? 'Residual' : 'Inherent'}
              </label>
            ))}
          </div>
        </div>
        <p className="muted">
          Active risks per band at each month end, {formatDate(range.from)} to {formatDate(range.to)}, with the business
          unit and category filters above.
        </p>
        <ErrorBanner error={trend.error} onRetry={trend.reload} />
        {trend.data ? (
          <PortfolioTrendChart points={trend.data.points} bands={trendBands(trend.data)} basis={trendBasis} />
        ) : (
          !trend.error && (
            <p className="muted" role="status">
              Loading the trend…
            </p>
          )
        )}
      </section>
    </Page>
  )
}

/** §11: on an as-of map a cell lists the snapshots counted in it (risk.snapshots). */
function CellSnapshots(props: {
  cell: Cell
  asOf: string
  filters: ReturnType<typeof heatFilters>
  onClose: () => void
}) {
  const { cell, asOf, filters, onClose } = props
  const list = usePaged(
    useCallback(
      (cursor: string | undefined) =>
        api.call('risk.snapshots', {
          ...filters,
          as_of: asOf,
          basis: cell.basis,
          likelihood: cell.likelihood,
          impact: cell.impact,
          ...(cursor === undefined ? {} : { cursor }),
        }),
      [filters, asOf, cell],
    ),
  )
  const basis = cell.basis === 'INHERENT' ? 'Inherent' : 'Residual'
  return (
    <section className="panel" aria-labelledby="cell-snapshots-title">
      <div className="subhead">
        <h2 id="cell-snapshots-title">
          {basis} cell L{cell.likelihood} × I{cell.impact} on {formatDate(asOf)}
        </h2>
        <button type="button" className="button-secondary button-small" onClick={onClose}>
          Close
        </button>
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.loading ? (
        <p className="muted" role="status">
          Loading snapshots…
        </p>
      ) : list.items.length === 0 ? (
        <p className="empty">No risk was counted in this cell on that day.</p>
      ) : (
        <>
          <p className="muted">{plural(list.items.length, 'snapshot')} counted in this cell.</p>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">Snapshots in the cell</caption>
              <thead>
                <tr>
                  <th scope="col">Risk</th>
                  <th scope="col">Title then</th>
                  <th scope="col">Approved</th>
                  <th scope="col">Inherent</th>
                  <th scope="col">Residual</th>
                  <th scope="col">Active controls</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((s) => (
                  <tr key={s.id}>
                    <td className="nowrap">
                      <a href={href(riskPath(s.risk_id))}>{s.risk_ref}</a>
                    </td>
                    <td>{s.title}</td>
                    <td className="nowrap">
                      <LocalTime iso={s.taken_at} />
                    </td>
                    <td className="nowrap">
                      <BandChip
                        score={s.inherent_score}
                        band={
                          s.inherent_colour
                            ? {
                                label: s.inherent_band_label ?? '',
                                colour: s.inherent_colour,
                                text_colour: s.inherent_text_colour ?? '#000',
                              }
                            : null
                        }
                      />
                    </td>
                    <td className="nowrap">
                      <BandChip
                        score={s.residual_score}
                        band={
                          s.residual_colour
                            ? {
                                label: s.residual_band_label ?? '',
                                colour: s.residual_colour,
                                text_colour: s.residual_text_colour ?? '#000',
                              }
                            : null
                        }
                      />
                    </td>
                    <td>{s.control_count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <LoadMore hasMore={list.hasMore} busy={list.loadingMore} onLoadMore={() => void list.loadMore()} />
    </section>
  )
}
