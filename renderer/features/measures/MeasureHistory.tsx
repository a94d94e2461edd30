import { useCallback } from 'react'
import { api } from '#renderer/api'
import { ChangesTable, ErrorBanner, LoadMore, LocalTime } from '#renderer/components/index'
import { usePaged } from '#renderer/hooks/use-paged'
import { measureActionWords } from './labels'

/** measures §7 / §14 History: the measure's audit entries and its link rows', oldest first. */
export function MeasureHistory({ measureId }: { measureId: string }) {
  const query = useCallback(
    (cursor: number | undefined) =>
      api.call('audit.forEntity', {
        entityType: 'measure',
        entityId: measureId,
        ...(cursor === undefined ? {} : { cursor }),
      }),
    [measureId],
  )
  const history = usePaged(query)

  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <ErrorBanner error={history.error} onRetry={history.reload} />
      {history.loading ? (
        <p className="muted" role="status">
          Loading history…
        </p>
      ) : history.items.length === 0 && !history.error ? (
        <p className="empty">No history recorded.</p>
      ) : (
        <ol className="history">
          {history.items.map((e) => (
            <li key={e.id}>
              <p className="history-head">
                <LocalTime iso={e.at} /> · <span className="history-actor">{e.actor_label}</span> ·{' '}
                <span className="history-action">
                  {measureActionWords(e.action) ?? e.action} <code>{e.action}</code>
                </span>
              </p>
              {e.reason && <p className="history-reason">Why: {e.reason}</p>}
              <ChangesTable changes={e.changes} caption={`Changes of entry #${e.seq}`} />
            </li>
          ))}
        </ol>
      )}
      <LoadMore hasMore={history.hasMore} busy={history.loadingMore} onLoadMore={() => void history.loadMore()} />
    </section>
  )
}
