import type { ApiError } from '#renderer/api'
import { ErrorBanner } from '#renderer/components/index'

/** The outcome of a matrix's last save: the error, or a short confirmation screen readers announce. */
export function SaveStatus({ error, saved }: { error: ApiError | null; saved: string | null }) {
  return (
    <>
      <ErrorBanner error={error} />
      <p className="settings-status muted" role="status">
        {saved ?? ''}
      </p>
    </>
  )
}
