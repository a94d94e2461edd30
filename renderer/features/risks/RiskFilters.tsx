import { useState, type FormEvent } from 'react'
import { ACCEPTANCE_FILTERS } from '#shared/risks/risk.read-rules'
import { ACCEPTANCE_FILTER_LABELS, RISK_STATUS_LABELS, RISK_STATUS_ORDER } from './labels'
import {
  cellFilters,
  clearFilters,
  hasFilters,
  REACHABLE_SCORES,
  SORT_CHOICES,
  sortValue,
  withFilter,
  withoutCell,
  withSort,
  type RegisterQuery,
} from './list-filters'
import type { FormOptions } from './risk-types'

type Props = {
  query: RegisterQuery
  onChange: (q: RegisterQuery) => void
  /** Categories, business units and bands to choose from; the bar still works without them. */
  options: FormOptions | null
}

const MORE_KEYS = [
  'inherent_score_gte',
  'residual_score_gte',
  'inherent_band',
  'residual_band',
  'acceptance',
  'active_control_count',
] as const

const first = (v: readonly string[] | undefined) => v?.[0] ?? ''
const one = (v: string) => (v ? [v] : [])

/** risks.md §16 filters of the register; choices apply at once, the search text on "Search". */
export function RiskFilters({ query, onChange, options }: Props) {
  const [search, setSearch] = useState(query.search ?? '')
  const set = <K extends keyof RegisterQuery>(key: K, value: RegisterQuery[K] | '') =>
    onChange(withFilter(query, key, value))
  const apply = (e: FormEvent) => {
    e.preventDefault()
    set('search', search.trim())
  }
  const toggleStatus = (s: (typeof RISK_STATUS_ORDER)[number], on: boolean) => {
    const now = query.status ?? []
    set('status', on ? [...now, s] : now.filter((x) => x !== s))
  }
  const bands = options?.matrix.bands ?? []
  // The finer filters stay folded away unless one of them is set (e.g. by a link).
  const moreSet = MORE_KEYS.some((k) => query[k] !== undefined)
  const cells = cellFilters(query)
  const levelLabel = (axis: 'likelihood_levels' | 'impact_levels', n: number) =>
    options?.matrix[axis].find((l) => l.level === n)?.label ?? String(n)

  return (
    <form className="filters risk-filters" onSubmit={apply} role="search" aria-label="Filter risks">
      <div className="field field-search">
        <label htmlFor="risk-search">Ref, title or description</label>
        <div className="inline">
          <input id="risk-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          <button type="submit" className="button-secondary">
            Search
          </button>
        </div>
      </div>
      <fieldset className="check-group status-filter">
        <legend>Status</legend>
        <div className="inline">
          {RISK_STATUS_ORDER.map((s) => (
            <label key={s} className="check check-chip">
              <input
                type="checkbox"
                checked={query.status?.includes(s) ?? false}
                onChange={(e) => toggleStatus(s, e.target.checked)}
              />
              {s === 'ASSESSED' ? 'Assessed' : RISK_STATUS_LABELS[s]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="risk-category">Category</label>
        <select
          id="risk-category"
          value={first(query.risk_category_id)}
          onChange={(e) => set('risk_category_id', one(e.target.value))}
        >
          <option value="">Any category</option>
          {options?.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="risk-bu">Business unit</label>
        <select
          id="risk-bu"
          value={first(query.business_unit_id)}
          onChange={(e) => set('business_unit_id', one(e.target.value))}
        >
          <option value="">Any business unit</option>
          {options?.business_units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <label className="check check-chip risk-owner-me">
        <input
          type="checkbox"
          checked={query.owner_id === 'me'}
          onChange={(e) => set('owner_id', e.target.checked ? 'me' : '')}
        />
        Owned by me
      </label>
      <div className="field">
        <label htmlFor="risk-order">Order</label>
        <select id="risk-order" value={sortValue(query)} onChange={(e) => onChange(withSort(query, e.target.value))}>
          {SORT_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <details className="more-filters" open={moreSet}>
        <summary>More filters{moreSet ? ' (set)' : ''}</summary>
        <div className="more-filters-grid">
          <div className="field">
            <label htmlFor="risk-inherent-gte">Inherent score at least</label>
            <select
              id="risk-inherent-gte"
              value={query.inherent_score_gte ?? ''}
              onChange={(e) => set('inherent_score_gte', e.target.value ? Number(e.target.value) : '')}
            >
              <option value="">Any</option>
              {REACHABLE_SCORES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="risk-residual-gte">Residual score at least</label>
            <select
              id="risk-residual-gte"
              value={query.residual_score_gte ?? ''}
              onChange={(e) => set('residual_score_gte', e.target.value ? Number(e.target.value) : '')}
            >
              <option value="">Any</option>
              {REACHABLE_SCORES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="risk-inherent-band">Inherent band</label>
            <select
              id="risk-inherent-band"
              value={first(query.inherent_band)}
              onChange={(e) => set('inherent_band', one(e.target.value))}
            >
              <option value="">Any</option>
              {bands.map((b) => (
                <option key={b.code} value={b.code}>
                  {b.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="risk-residual-band">Residual band</label>
            <select
              id="risk-residual-band"
              value={first(query.residual_band)}
              onChange={(e) => set('residual_band', one(e.target.value))}
            >
              <option value="">Any</option>
              {bands.map((b) => (
                <option key={b.code} value={b.code}>
                  {b.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="risk-acceptance">Acceptance</label>
            <select
              id="risk-acceptance"
              value={query.acceptance ?? ''}
              onChange={(e) => set('acceptance', (e.target.value || '') as RegisterQuery['acceptance'] & string)}
            >
              <option value="">Any</option>
              {ACCEPTANCE_FILTERS.map((a) => (
                <option key={a} value={a}>
                  {ACCEPTANCE_FILTER_LABELS[a]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="risk-controls">Active controls</label>
            <select
              id="risk-controls"
              value={query.active_control_count ?? ''}
              onChange={(e) => set('active_control_count', (e.target.value || '') as '0' | 'LT3' | '')}
            >
              <option value="">Any</option>
              <option value="0">None</option>
              <option value="LT3">Fewer than 3</option>
            </select>
          </div>
        </div>
      </details>
      {(cells.length > 0 || hasFilters(query)) && (
        <div className="filter-buttons risk-filter-tags">
          {cells.map((c) => (
            <span key={c.basis} className="badge badge-info risk-cell-tag">
              {`${c.basis === 'inherent' ? 'Inherent' : 'Residual'} cell: likelihood ${levelLabel('likelihood_levels', c.likelihood)}, impact ${levelLabel('impact_levels', c.impact)}`}
              <button
                type="button"
                className="button-link"
                aria-label={`Remove the ${c.basis} cell filter`}
                onClick={() => onChange(withoutCell(query, c.basis))}
              >
                ×
              </button>
            </span>
          ))}
          {hasFilters(query) && (
            <button
              type="button"
              className="button-secondary button-small"
              onClick={() => {
                setSearch('')
                onChange(clearFilters(query))
              }}
            >
              Clear filters
            </button>
          )}
        </div>
      )}
    </form>
  )
}
