import { useCallback, useState, type ReactNode } from 'react'
import { api } from '#renderer/api'
import { ErrorBanner, LoadMore, Page } from '#renderer/components/index'
import { usePaged } from '#renderer/hooks/use-paged'
import type { IncidentListInput } from '#renderer/types'
import { IncidentExport } from './IncidentExport'
import { IncidentFilters } from './IncidentFilters'
import { IncidentTable, type IncidentColumns } from './IncidentTable'
import { NO_FILTERS, withFilters, type FilterKind, type FilterValues } from './list-filters'

type Props = {
  title: string
  /** The screen's fixed query (incidents §15); the user's filters are added on top. */
  base: IncidentListInput
  filters?: readonly FilterKind[]
  columns: IncidentColumns
  emptyText: string
  intro?: string
  controls?: ReactNode
  /** Shown above the list, e.g. the analytics on the risk officer's home screen. */
  summary?: ReactNode
  /** File name stem of "Export CSV/XLSX" (incidents §17); screens without one offer no export. */
  exportAs?: string
}

/** Every incident list: a fixed query, optional filters, a table, keyset "Load more" and the exports. */
export function IncidentListScreen({
  title,
  base,
  filters = [],
  columns,
  emptyText,
  intro,
  controls,
  summary,
  exportAs,
}: Props) {
  const [values, setValues] = useState<FilterValues>(NO_FILTERS)
  // Callers build `base` inline: the text form keeps the query stable across renders.
  const key = JSON.stringify(withFilters(base, values))
  const query = useCallback(
    (cursor: string | undefined) => {
      const input = JSON.parse(key) as IncidentListInput
      return api.call('incident.list', cursor === undefined ? input : { ...input, cursor })
    },
    [key],
  )
  const list = usePaged(query)
  const { loadMore } = list
  const nearEnd = useCallback(() => void loadMore(), [loadMore])

  return (
    <Page
      title={title}
      actions={
        exportAs && (
          <IncidentExport input={JSON.parse(key) as IncidentListInput} fileBase={exportAs} sheetName={title} />
        )
      }
    >
      {intro && <p className="lead">{intro}</p>}
      {summary}
      {(controls || filters.length > 0) && (
        <div className="toolbar">
          {controls}
          {filters.length > 0 && <IncidentFilters kinds={filters} values={values} onChange={setValues} />}
        </div>
      )}
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.loading ? (
        <p className="muted" role="status">
          Loading incidents…
        </p>
      ) : list.items.length === 0 && !list.error ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <IncidentTable
          rows={list.items}
          columns={columns}
          caption={title}
          onNearEnd={list.hasMore && !list.loadingMore ? nearEnd : undefined}
        />
      )}
      <LoadMore hasMore={list.hasMore} busy={list.loadingMore} onLoadMore={() => void list.loadMore()} />
    </Page>
  )
}
