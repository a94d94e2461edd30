import { useCallback, useMemo, useState } from 'react'
import { api } from '#renderer/api'
import { ErrorBanner, ExportButtons, LoadMore, Page } from '#renderer/components/index'
import { useLoad } from '#renderer/hooks/use-load'
import { usePaged } from '#renderer/hooks/use-paged'
import { hashQuery, href, navigate, SCREEN_PATHS, useHash } from '#renderer/router'
import { useSession } from '#renderer/stores/session'
import { plural } from './labels'
import {
  hasFilters,
  parseRegisterQuery,
  registerPath,
  registerTabs,
  withFilter,
  type RegisterQuery,
} from './list-filters'
import { allRiskRows, riskSheet } from './risk-export'
import type { RiskListInput } from './risk-types'
import { RiskFilters } from './RiskFilters'
import { RiskTable } from './RiskTable'

// A stable empty list: a selector that returned a fresh [] would re-render without end under zustand 5.
const NO_ROLES: readonly never[] = []

const EMPTY: Record<string, string> = {
  MY_DRAFTS: 'You have no draft risks.',
  PENDING_MY_VALIDATION: 'No risks are waiting for your validation.',
  DUE_FOR_REASSESSMENT: 'No risk is due for reassessment.',
  '': 'No risks match these filters.',
}

/** risks.md §15 "Risk register": the §7 queues as tabs, the §16 filters (kept in the address), export, New risk. */
export function RiskRegister() {
  const hash = useHash()
  const query = useMemo(() => parseRegisterQuery(hashQuery(hash)), [hash])
  const roles = useSession((s) => s.user?.roles) ?? NO_ROLES
  const tabs = registerTabs(roles)
  const canCreate = roles.some((r) => r === 'manager' || r === 'risk_officer')
  const options = useLoad(useCallback(() => api.call('risk.formOptions', {}), []))
  const change = (q: RegisterQuery) => navigate(registerPath(q), { replace: true })

  // The query text keeps the list stable across renders; the first page's total is kept beside it.
  const key = JSON.stringify(query)
  const [total, setTotal] = useState<{ key: string; n: number } | null>(null)
  const list = usePaged(
    useCallback(
      async (cursor: string | undefined) => {
        const input = JSON.parse(key) as RiskListInput
        const page = await api.call('risk.list', cursor === undefined ? input : { ...input, cursor })
        if (cursor === undefined) setTotal({ key, n: page.total })
        return page
      },
      [key],
    ),
  )
  const shownTotal = total?.key === key ? total.n : null
  const tab = query.queue ?? null
  const tabLabel = tabs.find((t) => t.queue === tab)?.label ?? 'All risks'

  const actions = (
    <>
      <ExportButtons
        fileBase="risk-register"
        build={async (progress) =>
          riskSheet('Risk register', await allRiskRows(query, (n) => progress(`Exporting… ${n} rows`)))
        }
      />
      {canCreate && (
        <a className="button-primary" href={href(SCREEN_PATHS['risk-new'])}>
          New risk
        </a>
      )}
    </>
  )

  return (
    <Page title="Risk register" actions={actions}>
      {/* A role without queues (employee, auditor) reads the whole register: no tabs to choose from. */}
      {tabs.length > 1 && (
        <div className="tabs" role="tablist" aria-label="Risk queues">
          {tabs.map((t) => {
            const selected = t.queue === tab
            return (
              <button
                key={t.queue ?? 'all'}
                type="button"
                role="tab"
                aria-selected={selected}
                onClick={() => {
                  const next = withFilter(query, 'queue', t.queue ?? '')
                  // A queue has its own order (§7); the order chosen for another tab does not follow.
                  delete next.sort
                  delete next.direction
                  change(next)
                }}
              >
                {t.label}
              </button>
            )
          })}
        </div>
      )}
      <div className="toolbar">
        <RiskFilters key={query.search ?? ''} query={query} onChange={change} options={options.data} />
      </div>
      <ErrorBanner error={options.error} message="The filter choices could not be loaded." />
      <ErrorBanner error={list.error} onRetry={list.reload} />
      <p className="muted risk-total" role="status">
        {list.loading || shownTotal === null ? 'Loading risks…' : `${tabLabel}: ${plural(shownTotal, 'risk')}`}
      </p>
      {!list.loading && list.items.length === 0 && !list.error ? (
        <p className="empty">
          {tab ? EMPTY[tab] : hasFilters(query) ? EMPTY[''] : 'No risks are recorded that you can see.'}
        </p>
      ) : (
        list.items.length > 0 && <RiskTable rows={list.items} caption={tabLabel} />
      )}
      <LoadMore hasMore={list.hasMore} busy={list.loadingMore} onLoadMore={() => void list.loadMore()} />
    </Page>
  )
}
