import type { ApiError } from '#renderer/api'
import { ErrorBanner } from '#renderer/components/index'
import { bannerText } from './error-text'

type Props = {
  saveLabel: string
  dirtyCount: number
  busy: boolean
  error: ApiError | null
  status: string | null
  onSave: () => void
  onDiscard: () => void
}

/** A section's own Save, its unsaved-changes count, and the API's answer to its last save. */
export function SectionActions({ saveLabel, dirtyCount, busy, error, status, onSave, onDiscard }: Props) {
  return (
    <>
      <ErrorBanner error={error} message={error ? bannerText(error) : undefined} />
      <div className="form-actions">
        <button type="button" className="button-primary" disabled={busy} onClick={onSave}>
          {saveLabel}
        </button>
        <button type="button" className="button-secondary" disabled={busy || dirtyCount === 0} onClick={onDiscard}>
          Discard changes
        </button>
        <span className="muted" role="status">
          {status ?? (dirtyCount > 0 ? 'This section has unsaved changes.' : '')}
        </span>
      </div>
    </>
  )
}
