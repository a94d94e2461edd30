import { useCallback, useState } from 'react'
import { api } from '#renderer/api'
import { ErrorBanner, LoadMore, Page } from '#renderer/components/index'
import { usePaged } from '#renderer/hooks/use-paged'
import { CreateMeasureDialog } from './CreateMeasureDialog'
import { NO_FILTERS, withFilters, type FilterKind, type FilterValues, type Ordering } from './list-filters'
import { MeasureExport } from './MeasureExport'
import { MeasureFilters } from './MeasureFilters'
import { MeasureTable, type MeasureColumn } from './MeasureTable'
import type { MeasureListInput } from './measure-types'
import { RowActions } from './RowActions'

type Props = {
  title: string
  /** The screen's fixed query (measures §14); the user's filters are added on top. */
  base: MeasureListInput & { ordering: Ordering }
  filters?: readonly FilterKind[]
  columns: readonly MeasureColumn[]
  emptyText: string
  intro?: string
  rowActions?: boolean
  canCreate?: boolean
  /** File name stem of the export; screens without one offer no export. */
  exportAs?: string
}

/** Every measure list: a fixed query, optional filters, a table, keyset "Load more", create and export. */
export function MeasureListScreen(props: Props) {
  const { title, base, filters = [], columns, emptyText, intro, rowActions, canCreate, exportAs } = props
  const [values, setValues] = useState<FilterValues>(NO_FILTERS)
  const [creating, setCreating] = useState(false)
  // Each change remounts the row actions, so they ask measure.get again.
  const [generation, setGeneration] = useState(0)
  // Callers build `base` inline: the text form keeps the query stable across renders.
  const key = JSON.stringify(withFilters(base, values))
  const query = useCallback(
    (cursor: string | undefined) => {
      const input = JSON.parse(key) as MeasureListInput
      return api.call('measure.list', cursor === undefined ? input : { ...input, cursor })
    },
    [key],
  )
  const list = usePaged(query)
  const changed = () => {
    setGeneration((g) => g + 1)
    list.reload()
  }

  const actions = (
    <>
      {exportAs && <MeasureExport input={JSON.parse(key) as MeasureListInput} fileBase={exportAs} sheetName={title} />}
      {canCreate && (
        <button type="button" className="button-primary" onClick={() => setCreating(true)}>
          New measure
        </button>
      )}
    </>
  )

  return (
    <Page title={title} actions={exportAs || canCreate ? actions : undefined}>
      {intro && <p className="lead">{intro}</p>}
      {filters.length > 0 && (
        <div className="toolbar">
          <MeasureFilters kinds={filters} values={values} onChange={setValues} defaultOrdering={base.ordering} />
        </div>
      )}
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.loading ? (
        <p className="muted" role="status">
          Loading measures…
        </p>
      ) : list.items.length === 0 && !list.error ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <MeasureTable
          rows={list.items}
          columns={columns}
          caption={title}
          {...(rowActions
            ? { actions: (r) => <RowActions key={`${r.id}-${generation}`} row={r} onChanged={changed} /> }
            : {})}
        />
      )}
      <LoadMore hasMore={list.hasMore} busy={list.loadingMore} onLoadMore={() => void list.loadMore()} />
      {creating && <CreateMeasureDialog onClose={() => setCreating(false)} />}
    </Page>
  )
}
