import { useCallback, useState } from 'react'
import { api } from '#renderer/api'
import { ErrorBanner, ExportButtons, LoadMore, Page } from '#renderer/components/index'
import { usePaged } from '#renderer/hooks/use-paged'
import { allPages, pageInput } from '#renderer/lib/all-pages'
import { href, SCREEN_PATHS } from '#renderer/router'
import { ControlFormDialog } from './ControlFormDialog'
import { ControlTable } from './ControlTable'
import type { ControlListInput, ControlRow } from './control-types'
import { librarySheet } from './exports'
import { plural } from './labels'
import { LibraryFilterBar } from './LibraryFilterBar'
import { listInput, NO_FILTERS, type LibraryFilters } from './library-filters'
import { useFormOptions, useFrameworks } from './options'

/** Every control the filters give, paged to the end (the export of the filtered set). */
const allRows = (input: ControlListInput, progress: (n: number) => void): Promise<ControlRow[]> =>
  allPages((cursor) => api.call('control.list', pageInput(input, cursor)), progress)

/** controls.md §11 "Controls library": filter bar, keyset list, export, New control and Starter library. */
export function ControlsLibrary() {
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS)
  const [creating, setCreating] = useState(false)
  const [total, setTotal] = useState<number | null>(null)
  const [officer, setOfficer] = useState(false)
  const options = useFormOptions()
  const frameworks = useFrameworks()
  const key = JSON.stringify(listInput(filters))
  const query = useCallback(
    async (cursor: string | undefined) => {
      const input = JSON.parse(key) as ControlListInput
      const page = await api.call('control.list', cursor === undefined ? input : { ...input, cursor })
      setTotal(page.total)
      setOfficer(page.can_create)
      return page
    },
    [key],
  )
  const list = usePaged(query)

  const actions = (
    <>
      <ExportButtons
        fileBase="controls-library"
        build={async (progress) =>
          librarySheet(await allRows(JSON.parse(key) as ControlListInput, (n) => progress(`Exporting… ${n} controls`)))
        }
      />
      {officer && (
        <>
          <a className="button-secondary" href={href(SCREEN_PATHS['control-starter'])}>
            Starter library
          </a>
          <button type="button" className="button-primary" onClick={() => setCreating(true)}>
            New control
          </button>
        </>
      )}
    </>
  )

  return (
    <Page title="Controls library" actions={actions}>
      <div className="toolbar">
        <LibraryFilterBar
          values={filters}
          onChange={setFilters}
          units={options.data?.business_units ?? NO_UNITS}
          frameworks={frameworks.data?.items ?? NO_FRAMEWORKS}
        />
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.loading ? (
        <p className="muted" role="status">
          Loading controls…
        </p>
      ) : list.items.length === 0 && !list.error ? (
        <p className="empty">No controls match these filters.</p>
      ) : (
        <>
          <p className="muted" role="status">
            {total === null ? '' : `${plural(total, 'control')} · showing ${list.items.length}`}
          </p>
          <ControlTable rows={list.items} caption="Controls library" />
        </>
      )}
      <LoadMore hasMore={list.hasMore} busy={list.loadingMore} onLoadMore={() => void list.loadMore()} />
      {creating && <ControlFormDialog onClose={() => setCreating(false)} />}
    </Page>
  )
}

const NO_UNITS: readonly { id: string; name: string }[] = []
const NO_FRAMEWORKS: readonly never[] = []
