import { useCallback } from 'react'
import { api } from '#renderer/api'
import { usePaged } from '#renderer/hooks/use-paged'
import type { InputOf } from '#shared/catalogue/types'
import { ChangesTable } from './ChangesTable'
import { ErrorBanner } from './ErrorBanner'
import { LoadMore } from './LoadMore'
import { LocalTime } from './LocalTime'

type Props = {
  entityType: InputOf<'audit.forEntity'>['entityType']
  entityId: string
  /** The module's words for an action name, e.g. "Submitted for review"; null shows the name alone. */
  words: (action: string) => string | null
}

/** A record's History tab: its audit entries, oldest first, with per-field before/after (audit-security §2.8). */
export function RecordHistory({ entityType, entityId, words }: Props) {
  const query = useCallback(
    (cursor: number | undefined) =>
      api.call('audit.forEntity', { entityType, entityId, ...(cursor === undefined ? {} : { cursor }) }),
    [entityType, entityId],
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
                  {words(e.action) ?? e.action} <code>{e.action}</code>
                </span>
              </p>
              {e.reason && <p className="history-reason">Reason: {e.reason}</p>}
              <ChangesTable changes={e.changes} caption={`Changes of entry #${e.seq}`} />
            </li>
          ))}
        </ol>
      )}
      <LoadMore hasMore={history.hasMore} busy={history.loadingMore} onLoadMore={() => void history.loadMore()} />
    </section>
  )
}
