import { RISK_STATUSES, type RiskStatus } from '#shared/risks/risk.constants'
import { riskStatusLabel } from './labels'
import { toggled } from './library-filters'
import { useFormOptions } from './options'

export type RiskFilterValues = { businessUnitId: string; categoryId: string; statuses: RiskStatus[] }

type Props = {
  values: RiskFilterValues
  onChange: (v: RiskFilterValues) => void
  /** The coverage screen filters by BU and status only. */
  withCategory?: boolean
  label: string
}

/** The matrix and coverage filters (controls.md §8, §11): business unit, risk category, risk status. */
export function RiskFilters({ values, onChange, withCategory = true, label }: Props) {
  const options = useFormOptions()
  const units = options.data?.business_units ?? []
  const categories = options.data?.categories ?? []
  return (
    <form className="filters" role="search" aria-label={label} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="rf-bu">Business unit</label>
        <select
          id="rf-bu"
          value={values.businessUnitId}
          onChange={(e) => onChange({ ...values, businessUnitId: e.target.value })}
        >
          <option value="">All in my scope</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      {withCategory && (
        <div className="field">
          <label htmlFor="rf-category">Risk category</label>
          <select
            id="rf-category"
            value={values.categoryId}
            onChange={(e) => onChange({ ...values, categoryId: e.target.value })}
          >
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset className="check-group status-filter">
        <legend>Risk status</legend>
        <div className="inline wrap">
          {RISK_STATUSES.map((s) => (
            <label key={s} className="check check-chip">
              <input
                type="checkbox"
                checked={values.statuses.includes(s)}
                onChange={(e) =>
                  onChange({ ...values, statuses: toggled(RISK_STATUSES, values.statuses, s, e.target.checked) })
                }
              />
              {riskStatusLabel(s)}
            </label>
          ))}
        </div>
      </fieldset>
    </form>
  )
}
