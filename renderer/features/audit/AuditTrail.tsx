import { useCallback, useState } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, LoadMore, Page } from '#renderer/components/index'
import { usePaged } from '#renderer/hooks/use-paged'
import type { AuditListInput, VerifyResult } from '#renderer/types'
import { AuditFilters, NO_AUDIT_FILTERS, type AuditFilterValues } from './AuditFilters'
import { AuditTable } from './AuditTable'

function toInput(f: AuditFilterValues): AuditListInput {
  const input: AuditListInput = {}
  if (f.action) input.actions = [f.action]
  if (f.entityType) input.entityType = f.entityType
  if (f.correlationId) input.correlationId = f.correlationId
  return input
}

/** audit-security §2.8 / §8: the trail, newest first, with filters and in-app chain verification. */
export function AuditTrail() {
  const [filters, setFilters] = useState(NO_AUDIT_FILTERS)
  const key = JSON.stringify(toInput(filters))
  const query = useCallback(
    (cursor: number | undefined) => {
      const input = JSON.parse(key) as AuditListInput
      return api.call('audit.list', cursor === undefined ? input : { ...input, cursor })
    },
    [key],
  )
  const list = usePaged(query)
  const [verify, setVerify] = useState<{ busy: boolean; result: VerifyResult | null; error: ApiError | null }>({
    busy: false,
    result: null,
    error: null,
  })

  const runVerify = async () => {
    setVerify({ busy: true, result: null, error: null })
    try {
      const result = await api.call('audit.verify', {})
      setVerify({ busy: false, result, error: null })
      // The verification appended its own entry: show it.
      list.reload()
    } catch (e) {
      setVerify({ busy: false, result: null, error: toApiError(e) })
    }
  }

  return (
    <Page
      title="Audit trail"
      actions={
        <button type="button" className="button-primary" onClick={() => void runVerify()} disabled={verify.busy}>
          Verify
        </button>
      }
    >
      {verify.busy && (
        <p className="muted" role="status">
          Verifying the audit trail…
        </p>
      )}
      {verify.result && (
        <div
          className={`banner ${verify.result.ok ? 'banner-success' : 'banner-error'}`}
          role={verify.result.ok ? 'status' : 'alert'}
        >
          <p>{verify.result.message}</p>
        </div>
      )}
      <ErrorBanner error={verify.error} />
      <div className="toolbar">
        <AuditFilters applied={filters} onApply={setFilters} />
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.loading ? (
        <p className="muted" role="status">
          Loading audit entries…
        </p>
      ) : list.items.length === 0 && !list.error ? (
        <p className="empty">No audit entries match these filters.</p>
      ) : (
        <AuditTable
          entries={list.items}
          onCorrelation={(correlationId) => setFilters({ ...NO_AUDIT_FILTERS, correlationId })}
        />
      )}
      <LoadMore hasMore={list.hasMore} busy={list.loadingMore} onLoadMore={() => void list.loadMore()} />
    </Page>
  )
}
