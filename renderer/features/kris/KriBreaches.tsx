import { useCallback, useState, type FormEvent } from 'react'
import { api, toApiError } from '#renderer/api'
import { ErrorBanner, ExportButtons, FieldError, LoadMore, Page } from '#renderer/components/index'
import { useLoad } from '#renderer/hooks/use-load'
import { usePaged } from '#renderer/hooks/use-paged'
import { allPages, pageInput } from '#renderer/lib/all-pages'
import { describedField } from '#renderer/lib/form-errors'
import { breachSheet } from './kri-export'
import type { KriBreachesInput } from './kri-types'
import { BreachTable } from './KriTabs'

type Filters = {
  status: ('AMBER' | 'RED')[]
  from: string
  to: string
  businessUnitId: string
  mine: boolean
  kriId: string
  kriText: string
  riskId: string
  riskText: string
}
const NONE: Filters = {
  status: [],
  from: '',
  to: '',
  businessUnitId: '',
  mine: false,
  kriId: '',
  kriText: '',
  riskId: '',
  riskText: '',
}

function inputOf(f: Filters): KriBreachesInput {
  return {
    ...(f.status.length > 0 ? { status: f.status } : {}),
    ...(f.from ? { period_from: f.from } : {}),
    ...(f.to ? { period_to: f.to } : {}),
    ...(f.businessUnitId ? { business_unit_id: [f.businessUnitId] } : {}),
    ...(f.mine ? { owner_id: 'me' as const } : {}),
    ...(f.kriId ? { kri_id: f.kriId } : {}),
    ...(f.riskId ? { risk_id: f.riskId } : {}),
  }
}

/** kris.md §12 / §9.1 KRI breaches report: current Amber and Red values, newest period end first, exportable. */
export function KriBreaches() {
  const [filters, setFilters] = useState<Filters>(NONE)
  const key = JSON.stringify(inputOf(filters))
  const query = useCallback(
    (cursor: string | undefined) => {
      const input = JSON.parse(key) as KriBreachesInput
      return api.call('kri.breaches', cursor === undefined ? input : { ...input, cursor })
    },
    [key],
  )
  const list = usePaged(query)
  const build = async (progress: (text: string) => void) => {
    const input = JSON.parse(key) as KriBreachesInput
    const rows = await allPages(
      (cursor) => api.call('kri.breaches', pageInput(input, cursor)),
      (n) => progress(`Exporting… ${n} rows`),
    )
    return breachSheet('KRI breaches', rows)
  }
  return (
    <Page title="KRI breaches" actions={<ExportButtons fileBase="kri-breaches" build={build} />}>
      <p className="lead">Current Amber and Red values of the KRIs you can see, newest period first.</p>
      <div className="toolbar">
        <BreachFilters values={filters} onChange={setFilters} />
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.loading ? (
        <p className="muted" role="status">
          Loading breaches…
        </p>
      ) : list.items.length === 0 && !list.error ? (
        <p className="empty">No breaches match these filters.</p>
      ) : (
        <BreachTable rows={list.items} caption="KRI breaches" showKri />
      )}
      <LoadMore hasMore={list.hasMore} busy={list.loadingMore} onLoadMore={() => void list.loadMore()} />
    </Page>
  )
}

function BreachFilters({ values, onChange }: { values: Filters; onChange: (f: Filters) => void }) {
  const [draft, setDraft] = useState(values)
  const [errors, setErrors] = useState<{ kri?: string; risk?: string }>({})
  const [busy, setBusy] = useState(false)
  const loadUnits = useCallback(() => api.call('businessUnit.list', {}), [])
  const units = useLoad(loadUnits)

  const apply = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    const next: Filters = { ...draft, kriId: '', riskId: '' }
    const found: { kri?: string; risk?: string } = {}
    try {
      const kriText = draft.kriText.trim()
      if (kriText) {
        const page = await api.call('kri.list', { search: kriText, is_active: null, limit: 20 })
        const hit =
          page.items.find(
            (k) => k.ref.toLowerCase() === kriText.toLowerCase() || k.name.toLowerCase() === kriText.toLowerCase(),
          ) ?? (page.items.length === 1 ? page.items[0] : undefined)
        if (hit) next.kriId = hit.id
        else found.kri = `No single KRI matches "${kriText}".`
      }
      const riskText = draft.riskText.trim()
      if (riskText) {
        const page = await api.call('risk.list', { search: riskText, limit: 20 })
        const hit = page.items.find((r) => r.ref.toLowerCase() === riskText.toLowerCase())
        if (hit) next.riskId = hit.id
        else found.risk = `No risk ${riskText} that you can see.`
      }
    } catch (err) {
      found.kri = toApiError(err).message
    } finally {
      setBusy(false)
    }
    setErrors(found)
    if (!found.kri && !found.risk) onChange(next)
  }
  const toggle = (s: 'AMBER' | 'RED', on: boolean) =>
    setDraft({ ...draft, status: on ? [...draft.status, s] : draft.status.filter((x) => x !== s) })

  return (
    <form className="filters kri-filters" role="search" aria-label="Filter breaches" onSubmit={(e) => void apply(e)}>
      <fieldset className="check-group status-filter">
        <legend>Status</legend>
        <div className="inline">
          {(['RED', 'AMBER'] as const).map((s) => (
            <label key={s} className="check check-chip">
              <input type="checkbox" checked={draft.status.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
              {s === 'RED' ? 'Red' : 'Amber'}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="breach-from">Period ending from</label>
        <input
          id="breach-from"
          type="date"
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="breach-to">Period ending to</label>
        <input
          id="breach-to"
          type="date"
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="breach-bu">Business unit</label>
        <select
          id="breach-bu"
          value={draft.businessUnitId}
          onChange={(e) => setDraft({ ...draft, businessUnitId: e.target.value })}
        >
          <option value="">Any</option>
          {(units.data?.items ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="breach-kri">KRI ref or name</label>
        <input
          {...describedField('breach-kri', errors.kri)}
          type="search"
          value={draft.kriText}
          onChange={(e) => setDraft({ ...draft, kriText: e.target.value })}
        />
        <FieldError id="breach-kri" message={errors.kri} />
      </div>
      <div className="field">
        <label htmlFor="breach-risk">Linked risk ref</label>
        <input
          {...describedField('breach-risk', errors.risk)}
          type="search"
          value={draft.riskText}
          onChange={(e) => setDraft({ ...draft, riskText: e.target.value })}
        />
        <FieldError id="breach-risk" message={errors.risk} />
      </div>
      <label className="check">
        <input type="checkbox" checked={draft.mine} onChange={(e) => setDraft({ ...draft, mine: e.target.checked })} />
        KRIs I own
      </label>
      <div className="filter-buttons">
        <button type="submit" className="button-secondary" disabled={busy}>
          Apply
        </button>
        <button
          type="button"
          className="button-link"
          onClick={() => {
            setDraft(NONE)
            setErrors({})
            onChange(NONE)
          }}
        >
          Clear
        </button>
      </div>
    </form>
  )
}
