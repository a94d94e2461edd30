import { useCallback, useState } from 'react'
import { api } from '#renderer/api'
import { ErrorBanner, ExportButtons, LoadMore, Page } from '#renderer/components/index'
import { InactiveBadge, KriStatusChip } from '#renderer/components/rcsa/index'
import { usePaged } from '#renderer/hooks/use-paged'
import { allPages, pageInput } from '#renderer/lib/all-pages'
import { href, kriPath, riskPath } from '#renderer/router'
import { KriOverdueBadge, LatestValue, Tabs, useMe } from './KriBits'
import { kriSheet } from './kri-export'
import { periodText } from './kri-logic'
import type { KriListInput, KriRow } from './kri-types'
import { KriFilters, listInput, NO_KRI_FILTERS, type KriFilterValues } from './KriFilters'
import { KriFormDialog } from './KriForm'
import { ValueDialog } from './ValueDialog'

type Tab = 'all' | 'mine'

/** kris.md §12 KRI register: every visible KRI, a "My KRIs" tab for owners, §13 filters, export, New KRI. */
export function KriRegister() {
  const me = useMe()
  // Owners who are not risk officers come here to enter their values: their own KRIs first.
  const [tab, setTab] = useState<Tab>(me.isRiskOfficer || me.isAuditor ? 'all' : 'mine')
  const [values, setValues] = useState<KriFilterValues>(NO_KRI_FILTERS)
  const [creating, setCreating] = useState(false)
  const [canCreate, setCanCreate] = useState(false)
  const [recording, setRecording] = useState<KriRow | null>(null)
  const key = JSON.stringify(listInput(values, tab === 'mine'))
  const query = useCallback(
    async (cursor: string | undefined) => {
      const input = JSON.parse(key) as KriListInput
      const page = await api.call('kri.list', cursor === undefined ? input : { ...input, cursor })
      setCanCreate(page.can_create)
      return page
    },
    [key],
  )
  const list = usePaged(query)

  const build = async (progress: (text: string) => void) => {
    const input = JSON.parse(key) as KriListInput
    const rows = await allPages(
      (cursor) => api.call('kri.list', pageInput(input, cursor)),
      (n) => progress(`Exporting… ${n} rows`),
    )
    return kriSheet(tab === 'mine' ? 'My KRIs' : 'KRI register', rows)
  }

  const actions = (
    <>
      <ExportButtons fileBase={tab === 'mine' ? 'my-kris' : 'kri-register'} build={build} />
      {canCreate && (
        <button type="button" className="button-primary" onClick={() => setCreating(true)}>
          New KRI
        </button>
      )}
    </>
  )

  return (
    <Page title="KRI register" actions={actions}>
      <Tabs
        label="KRI lists"
        idPrefix="kri-register"
        tabs={[
          { id: 'all', label: 'All KRIs' },
          { id: 'mine', label: 'My KRIs' },
        ]}
        selected={tab}
        onSelect={setTab}
      >
        {tab === 'mine' && <p className="lead">The KRIs you own: record each period's value here.</p>}
        <div className="toolbar">
          <KriFilters values={values} onChange={setValues} showOwner={tab === 'all'} />
        </div>
        <ErrorBanner error={list.error} onRetry={list.reload} />
        {list.loading ? (
          <p className="muted" role="status">
            Loading KRIs…
          </p>
        ) : list.items.length === 0 && !list.error ? (
          <p className="empty">{tab === 'mine' ? 'You own no KRIs that match.' : 'No KRIs match these filters.'}</p>
        ) : (
          <KriTable
            rows={list.items}
            caption={tab === 'mine' ? 'My KRIs' : 'KRI register'}
            onRecord={tab === 'mine' ? setRecording : undefined}
            myId={me.id}
          />
        )}
        <LoadMore hasMore={list.hasMore} busy={list.loadingMore} onLoadMore={() => void list.loadMore()} />
      </Tabs>
      {creating && <KriFormDialog onClose={() => setCreating(false)} />}
      {recording && (
        <ValueDialog
          kriId={recording.id}
          mode="record"
          onClose={() => setRecording(null)}
          onSaved={() => {
            setRecording(null)
            list.reload()
          }}
        />
      )}
    </Page>
  )
}

type TableProps = {
  rows: readonly KriRow[]
  caption: string
  onRecord?: ((row: KriRow) => void) | undefined
  myId: string | null
}

function KriTable({ rows, caption, onRecord, myId }: TableProps) {
  return (
    <div className="table-wrap">
      <table className="data kri-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">KRI</th>
            <th scope="col">Business unit</th>
            {!onRecord && <th scope="col">Owner</th>}
            <th scope="col">Frequency · direction</th>
            <th scope="col">Status</th>
            <th scope="col">Latest value</th>
            <th scope="col">Overdue since</th>
            <th scope="col">Linked risks</th>
            {onRecord && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.is_overdue ? 'row-overdue' : undefined}>
              <td className="kri-name-cell">
                <a href={href(kriPath(r.id))}>{r.name}</a> {!r.is_active && <InactiveBadge />}
                <div className="muted mono small">{r.ref}</div>
              </td>
              <td>{r.business_unit.name}</td>
              {!onRecord && <td>{r.owner.full_name}</td>}
              <td>
                {r.frequency_label}
                {r.weekdays_only ? ' (weekdays)' : ''}
                <div className="muted small">{r.direction_label ?? '—'}</div>
              </td>
              <td>
                <KriStatusChip status={r.current_status} />
              </td>
              <td>
                <LatestValue
                  value={r.current_value}
                  unit={r.unit}
                  frequency={r.frequency}
                  periodStart={r.current_period_start}
                />
              </td>
              <td className="nowrap">
                {r.overdue_period_start ? (
                  <>
                    <KriOverdueBadge since={r.overdue_period_start} frequency={r.frequency} />{' '}
                    {periodText(r.frequency, r.overdue_period_start)}
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>
                {r.linked_risks.length === 0 && r.linked_risk_count === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <>
                    {r.linked_risks.map((x, i) => (
                      <span key={x.id}>
                        {i > 0 && ', '}
                        <a href={href(riskPath(x.id))} title={x.title}>
                          {x.ref}
                        </a>
                      </span>
                    ))}
                    {r.linked_risk_count > r.linked_risks.length && (
                      <span className="muted"> +{r.linked_risk_count - r.linked_risks.length} outside your scope</span>
                    )}
                  </>
                )}
              </td>
              {onRecord && (
                <td className="row-actions-cell">
                  {r.is_active && r.owner.id === myId && (
                    <button
                      type="button"
                      className="button-secondary button-small"
                      aria-label={`Record value ${r.name}`}
                      onClick={() => onRecord(r)}
                    >
                      Record value
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
