import { useState } from 'react'
import type { ApiError } from '#renderer/api'

type Props = { error: ApiError | null; message?: string | undefined; onRetry?: (() => void) | undefined }

/** Errors that belong to no single field; INTERNAL ones carry the reference support needs (audit-security §6). */
export function ErrorBanner({ error, message, onRetry }: Props) {
  if (!error) return null
  const reference = error.correlationId
  return (
    <div className="banner banner-error" role="alert">
      <p>{message ?? error.message}</p>
      {reference && <CopyReference reference={reference} />}
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  )
}

function CopyReference({ reference }: { reference: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const copy = () => {
    // Clipboard access may be refused by the shell's permission handler; the reference stays selectable.
    navigator.clipboard.writeText(reference).then(
      () => setState('copied'),
      () => setState('failed'),
    )
  }
  return (
    <p className="reference">
      Reference <code>{reference}</code>{' '}
      <button type="button" className="button-secondary button-small" onClick={copy}>
        Copy reference
      </button>
      <span role="status">
        {state === 'copied' ? ' Copied.' : state === 'failed' ? ' Select the reference to copy it.' : ''}
      </span>
    </p>
  )
}
