import { useCallback, useState, type FormEvent } from 'react'
import { FREQUENCIES, FREQUENCY_LABELS, type Frequency } from '#shared/kris/kri.period.rules'
import { api, toApiError } from '#renderer/api'
import { FieldError } from '#renderer/components/index'
import { KRI_STATUS_LABEL } from '#renderer/components/rcsa/index'
import { useLoad } from '#renderer/hooks/use-load'
import { describedField } from '#renderer/lib/form-errors'
import { ResponsiblePicker } from '../measures/ResponsiblePicker'
import type { KriListInput, KriStatusCode } from './kri-types'
import { KRI_STATUS_CODES } from './kri-types'

export type KriSort = NonNullable<KriListInput['sort']>
export type KriFilterValues = {
  status: KriStatusCode[]
  active: 'active' | 'inactive' | 'all'
  businessUnitId: string
  ownerId: string
  riskRef: string
  riskId: string
  frequency: Frequency[]
  overdue: boolean
  search: string
  sort: KriSort
}

export const NO_KRI_FILTERS: KriFilterValues = {
  status: [],
  active: 'active',
  businessUnitId: '',
  ownerId: '',
  riskRef: '',
  riskId: '',
  frequency: [],
  overdue: false,
  search: '',
  sort: 'worst',
}

const SORT_LABELS: Record<KriSort, string> = {
  worst: 'Worst first',
  name: 'Name',
  '-updated_at': 'Recently updated',
  '-current_period_start': 'Latest period first',
}

/** The kri.list input of the filters (kris.md §13); `mine` narrows to the caller's KRIs. */
export function listInput(v: KriFilterValues, mine: boolean): KriListInput {
  return {
    sort: v.sort,
    is_active: v.active === 'all' ? null : v.active === 'active',
    ...(v.status.length > 0 ? { current_status: v.status } : {}),
    ...(v.businessUnitId ? { business_unit_id: [v.businessUnitId] } : {}),
    ...(mine ? { owner_id: 'me' as const } : v.ownerId ? { owner_id: v.ownerId } : {}),
    ...(v.riskId ? { risk_id: v.riskId } : {}),
    ...(v.frequency.length > 0 ? { frequency: v.frequency } : {}),
    ...(v.overdue ? { overdue: true } : {}),
    ...(v.search.trim() ? { search: v.search.trim() } : {}),
  }
}

type Props = { values: KriFilterValues; onChange: (v: KriFilterValues) => void; showOwner: boolean }

/** Status, active, BU, owner, risk, frequency, overdue and search; choices apply at once, texts on Apply. */
export function KriFilters({ values, onChange, showOwner }: Props) {
  const [search, setSearch] = useState(values.search)
  const [riskRef, setRiskRef] = useState(values.riskRef)
  const [riskError, setRiskError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const loadUnits = useCallback(() => api.call('businessUnit.list', {}), [])
  const units = useLoad(loadUnits)

  const apply = async (e: FormEvent) => {
    e.preventDefault()
    const ref = riskRef.trim()
    let riskId = ''
    setRiskError(undefined)
    if (ref) {
      setBusy(true)
      try {
        const page = await api.call('risk.list', { search: ref, limit: 20 })
        const hit = page.items.find((r) => r.ref.toLowerCase() === ref.toLowerCase())
        if (!hit) {
          setRiskError(`No risk ${ref} that you can see.`)
          return
        }
        riskId = hit.id
      } catch (err) {
        setRiskError(toApiError(err).message)
        return
      } finally {
        setBusy(false)
      }
    }
    onChange({ ...values, search: search.trim(), riskRef: ref, riskId })
  }
  const toggle = <T extends string>(list: T[], item: T, on: boolean) =>
    on ? [...list, item] : list.filter((x) => x !== item)

  const more =
    values.frequency.length +
    (values.active !== 'active' ? 1 : 0) +
    (values.businessUnitId ? 1 : 0) +
    (values.ownerId ? 1 : 0)
  return (
    <form className="filters kri-filters" role="search" aria-label="Filter KRIs" onSubmit={(e) => void apply(e)}>
      <div className="field field-search">
        <label htmlFor="kri-search">Ref, name or description</label>
        <input id="kri-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="kri-risk">Linked risk ref</label>
        <input
          {...describedField('kri-risk', riskError)}
          type="search"
          value={riskRef}
          onChange={(e) => setRiskRef(e.target.value)}
        />
        <FieldError id="kri-risk" message={riskError} />
      </div>
      <div className="filter-buttons">
        <button type="submit" className="button-secondary" disabled={busy}>
          Apply
        </button>
      </div>
      <div className="field">
        <label htmlFor="kri-sort">Order</label>
        <select
          id="kri-sort"
          value={values.sort}
          onChange={(e) => onChange({ ...values, sort: e.target.value as KriSort })}
        >
          {(Object.keys(SORT_LABELS) as KriSort[]).map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="check-group status-filter">
        <legend>Status</legend>
        <div className="inline">
          {KRI_STATUS_CODES.map((s) => (
            <label key={s} className="check check-chip">
              <input
                type="checkbox"
                checked={values.status.includes(s)}
                onChange={(e) => onChange({ ...values, status: toggle(values.status, s, e.target.checked) })}
              />
              {KRI_STATUS_LABEL[s]}
            </label>
          ))}
          <label className="check check-chip">
            <input
              type="checkbox"
              checked={values.overdue}
              onChange={(e) => onChange({ ...values, overdue: e.target.checked })}
            />
            Overdue only
          </label>
        </div>
      </fieldset>
      <details className="more-filters" open={more > 0 || undefined}>
        <summary>More filters{more > 0 ? ` (${more} active)` : ''}</summary>
        <div className="more-filters-grid">
          <fieldset className="check-group kri-frequency-filter">
            <legend>Frequency</legend>
            <div className="inline">
              {FREQUENCIES.map((f) => (
                <label key={f} className="check check-chip">
                  <input
                    type="checkbox"
                    checked={values.frequency.includes(f)}
                    onChange={(e) => onChange({ ...values, frequency: toggle(values.frequency, f, e.target.checked) })}
                  />
                  {FREQUENCY_LABELS[f]}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor="kri-active">Active</label>
            <select
              id="kri-active"
              value={values.active}
              onChange={(e) => onChange({ ...values, active: e.target.value as KriFilterValues['active'] })}
            >
              <option value="active">Active KRIs</option>
              <option value="inactive">Inactive KRIs</option>
              <option value="all">All KRIs</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="kri-bu">Business unit</label>
            <select
              id="kri-bu"
              value={values.businessUnitId}
              onChange={(e) => onChange({ ...values, businessUnitId: e.target.value })}
            >
              <option value="">Any</option>
              {(units.data?.items ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          {showOwner && (
            <div className="field">
              <label htmlFor="kri-owner">Owner</label>
              <ResponsiblePicker
                id="kri-owner"
                value={values.ownerId}
                onChange={(id) => onChange({ ...values, ownerId: id })}
              />
              {values.ownerId && (
                <button type="button" className="button-link" onClick={() => onChange({ ...values, ownerId: '' })}>
                  Any owner
                </button>
              )}
            </div>
          )}
        </div>
      </details>
    </form>
  )
}
