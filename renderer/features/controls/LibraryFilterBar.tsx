import { useState, type FormEvent } from 'react'
import {
  CONTROL_FREQUENCIES,
  CONTROL_NATURES,
  CONTROL_TYPES,
  EVIDENCE_STATUSES,
  TEST_RESULTS,
} from '#shared/controls/control.constants'
import type { Framework } from './control-types'
import { EVIDENCE_STATUS_LABELS, EFFECTIVENESS_LABELS, frequencyLabel, natureLabel, typeLabel } from './labels'
import {
  LAST_TEST_LABELS,
  moreFilterCount,
  NO_FILTERS,
  SORT_LABELS,
  toggled,
  type ControlSort,
  type LastTestFilter,
  type LibraryFilters,
  type YesNo,
} from './library-filters'

type Props = {
  values: LibraryFilters
  onChange: (values: LibraryFilters) => void
  units: readonly { id: string; name: string }[]
  frameworks: readonly Framework[]
}

const LAST_TESTS: readonly LastTestFilter[] = [...TEST_RESULTS, 'NONE']

/** controls.md §12 filter bar: choices apply at once, the texts (search, clause prefix) on "Apply". */
export function LibraryFilterBar({ values, onChange, units, frameworks }: Props) {
  const [search, setSearch] = useState(values.search)
  const [clause, setClause] = useState(values.clausePrefix)
  const set = <K extends keyof LibraryFilters>(key: K, value: LibraryFilters[K]) =>
    onChange({ ...values, [key]: value })
  const apply = (e: FormEvent) => {
    e.preventDefault()
    onChange({ ...values, search, clausePrefix: clause })
  }
  const more = moreFilterCount(values)

  const chips = <T extends string>(
    legend: string,
    all: readonly T[],
    chosen: readonly T[],
    label: (v: T) => string,
    update: (next: T[]) => void,
  ) => (
    <fieldset className="check-group status-filter">
      <legend>{legend}</legend>
      <div className="inline wrap">
        {all.map((v) => (
          <label key={v} className="check check-chip">
            <input
              type="checkbox"
              checked={chosen.includes(v)}
              onChange={(e) => update(toggled(all, chosen, v, e.target.checked))}
            />
            {label(v)}
          </label>
        ))}
      </div>
    </fieldset>
  )

  const yesNo = (id: string, label: string, value: YesNo, update: (v: YesNo) => void, yes: string, no: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => update(e.target.value as YesNo)}>
        <option value="">Any</option>
        <option value="yes">{yes}</option>
        <option value="no">{no}</option>
      </select>
    </div>
  )

  return (
    <form className="filters" onSubmit={apply} role="search" aria-label="Filter controls">
      <div className="field field-search">
        <label htmlFor="control-search">Search</label>
        <input
          id="control-search"
          type="search"
          placeholder="Ref, code, title or description"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="control-status">Status</label>
        <select
          id="control-status"
          value={values.status}
          onChange={(e) => set('status', e.target.value as LibraryFilters['status'])}
        >
          <option value="">Active and inactive</option>
          <option value="active">Active</option>
          <option value="inactive">Inactive</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="control-sort">Order</label>
        <select id="control-sort" value={values.sort} onChange={(e) => set('sort', e.target.value as ControlSort)}>
          {Object.entries(SORT_LABELS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-buttons">
        <button type="submit" className="button-secondary">
          Apply
        </button>
        <button
          type="button"
          className="button-link"
          onClick={() => {
            setSearch('')
            setClause('')
            onChange(NO_FILTERS)
          }}
        >
          Clear filters
        </button>
      </div>
      {chips(
        'Evidence',
        EVIDENCE_STATUSES,
        values.evidence,
        (v) => EVIDENCE_STATUS_LABELS[v],
        (v) => set('evidence', v),
      )}
      {chips(
        'Last test',
        LAST_TESTS,
        values.lastTest,
        (v) => LAST_TEST_LABELS[v],
        (v) => set('lastTest', v),
      )}
      <details className="more-filters" open={more > 0 || undefined}>
        <summary>More filters{more > 0 ? ` (${more} active)` : ''}</summary>
        <div className="more-filters-grid">
          <div className="field">
            <label htmlFor="control-framework">Framework</label>
            <select
              id="control-framework"
              value={values.frameworkId}
              onChange={(e) => set('frameworkId', e.target.value)}
            >
              <option value="">Any framework</option>
              {frameworks.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="control-clause">Clause prefix</label>
            <input
              id="control-clause"
              type="search"
              aria-describedby="control-clause-hint"
              disabled={!values.frameworkId}
              placeholder={frameworks.find((f) => f.id === values.frameworkId)?.clause_example ?? 'e.g. A.12'}
              value={clause}
              onChange={(e) => setClause(e.target.value)}
            />
            <p className="hint" id="control-clause-hint">
              With a framework; applied with Apply.
            </p>
          </div>
          <div className="field">
            <label htmlFor="control-bu">Business unit</label>
            <select
              id="control-bu"
              value={values.businessUnitId}
              onChange={(e) => set('businessUnitId', e.target.value)}
            >
              <option value="">Any business unit</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="control-implementation">Implementation</label>
            <select
              id="control-implementation"
              value={values.implementation}
              onChange={(e) => set('implementation', e.target.value as LibraryFilters['implementation'])}
            >
              <option value="">Any</option>
              <option value="IMPLEMENTED">Implemented</option>
              <option value="PLANNED">Planned</option>
            </select>
          </div>
          {yesNo(
            'control-linked',
            'Linked to an ACTIVE risk',
            values.linkedActive,
            (v) => set('linkedActive', v),
            'Yes',
            'No',
          )}
          {yesNo(
            'control-group-wide',
            'Group-wide',
            values.groupWide,
            (v) => set('groupWide', v),
            'Group-wide',
            'Not group-wide',
          )}
          <div className="field">
            <label htmlFor="control-eff">Design effectiveness at most</label>
            <select
              id="control-eff"
              value={values.effectivenessLte}
              onChange={(e) => set('effectivenessLte', e.target.value)}
            >
              <option value="">Any</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={String(n)}>
                  {n} {EFFECTIVENESS_LABELS[n]}
                </option>
              ))}
            </select>
          </div>
          <label className="check">
            <input type="checkbox" checked={values.ownerMe} onChange={(e) => set('ownerMe', e.target.checked)} />
            Owned by me
          </label>
        </div>
        {chips('Type', CONTROL_TYPES, values.types, typeLabel, (v) => set('types', v))}
        {chips('Nature', CONTROL_NATURES, values.natures, natureLabel, (v) => set('natures', v))}
        {chips('Frequency', CONTROL_FREQUENCIES, values.frequencies, frequencyLabel, (v) => set('frequencies', v))}
      </details>
    </form>
  )
}
