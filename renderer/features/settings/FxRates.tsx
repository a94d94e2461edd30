import { useCallback, useEffect, useState, type FormEvent } from 'react'
import type { InputOf } from '#shared/catalogue/types'
import { api } from '#renderer/api'
import { ErrorBanner, LoadMore, Page } from '#renderer/components/index'
import { usePaged } from '#renderer/hooks/use-paged'
import { useReference } from '#renderer/stores/reference'
import { useSession } from '#renderer/stores/session'
import { FxRateForm } from './FxRateForm'
import { FxRateRow } from './FxRateRow'

// A stable empty list: a selector that returned a fresh [] would re-render without end under zustand 5.
const NO_ROLES: readonly string[] = []

type ListInput = InputOf<'fxRate.list'>

/** Reports §17 "Exchange rates": risk officers and admins maintain them; auditors read them. */
export function FxRates() {
  const roles = useSession((s) => s.user?.roles) ?? NO_ROLES
  const canEdit = roles.includes('risk_officer') || roles.includes('admin')
  const form = useReference((s) => s.form)
  const ensureLoaded = useReference((s) => s.ensureLoaded)
  useEffect(() => {
    void ensureLoaded()
  }, [ensureLoaded])
  const [currency, setCurrency] = useState('')
  const [typed, setTyped] = useState('')
  const query = useCallback(
    (cursor: string | undefined) => {
      const input: ListInput = currency ? { currency_code: [currency] } : {}
      return api.call('fxRate.list', cursor === undefined ? input : { ...input, cursor })
    },
    [currency],
  )
  const list = usePaged(query)
  const reporting = form?.reporting_currency ?? 'EUR'
  // The form's date picker defaults to today (UTC, as the server judges "not in the future").
  const [today] = useState(() => new Date().toISOString().slice(0, 10))

  const filter = (e: FormEvent) => {
    e.preventDefault()
    setCurrency(typed.trim().toUpperCase())
  }

  return (
    <Page title="Exchange rates">
      <p className="lead">
        1 unit of a currency = rate units of {reporting}. Each amount is converted at the latest rate dated on or before
        its date; {reporting} itself is 1.0 (reporting currency).
      </p>
      {canEdit && form && (
        <FxRateForm currencies={form.currencies} reporting={reporting} today={today} onSaved={list.reload} />
      )}
      <div className="toolbar">
        <form className="filters" onSubmit={filter} role="search" aria-label="Filter exchange rates">
          <div className="field field-search">
            <label htmlFor="fx-filter">Currency code</label>
            <div className="inline">
              <input
                id="fx-filter"
                type="search"
                maxLength={3}
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
              />
              <button type="submit" className="button-secondary">
                Filter
              </button>
            </div>
          </div>
        </form>
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.loading ? (
        <p className="muted" role="status">
          Loading exchange rates…
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Exchange rates, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Rate date</th>
                <th scope="col">Currency</th>
                <th scope="col">Rate ({reporting})</th>
                <th scope="col">Source</th>
                <th scope="col">Last changed</th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              <tr className="row-reporting">
                <td>—</td>
                <td>{reporting}</td>
                <td className="num mono">1.0 (reporting currency)</td>
                <td colSpan={canEdit ? 3 : 2} />
              </tr>
              {list.items.map((r) => (
                <FxRateRow key={`${r.id}-${r.version}`} row={r} canEdit={canEdit} onChanged={list.reload} />
              ))}
            </tbody>
          </table>
          {list.items.length === 0 && !list.error && <p className="empty">No exchange rates on file.</p>}
        </div>
      )}
      <LoadMore hasMore={list.hasMore} busy={list.loadingMore} onLoadMore={() => void list.loadMore()} />
    </Page>
  )
}
