type Props = { hasMore: boolean; busy: boolean; onLoadMore: () => void }

export function LoadMore({ hasMore, busy, onLoadMore }: Props) {
  if (!hasMore) return null
  return (
    <div className="load-more">
      <button type="button" className="button-secondary" onClick={onLoadMore} disabled={busy} aria-busy={busy}>
        {busy ? 'Loading…' : 'Load more'}
      </button>
    </div>
  )
}
