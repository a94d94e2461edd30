import { useState } from 'react'
import { Dialog, ErrorBanner, FieldError } from '#renderer/components/index'
import { describedField } from '#renderer/lib/form-errors'
import { useIncidentDetail } from '#renderer/stores/incident-detail'
import type { ApiError } from '#renderer/api'
import type { Action } from './ActionBar'

const MAX = 500

/** incidents §5.2: return transitions carry a reason of 1–500 characters; it goes to the notes log. */
export function ReasonDialog({ action, onClose }: { action: Action; onClose: () => void }) {
  const transition = useIncidentDetail((s) => s.transition)
  const busy = useIncidentDetail((s) => s.busy)
  const [reason, setReason] = useState('')
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [error, setError] = useState<ApiError | null>(null)
  const length = [...reason.trim()].length

  const submit = async () => {
    setError(null)
    if (length === 0) return setFieldError('A reason is required.')
    if (length > MAX) return setFieldError('The reason must be at most 500 characters.')
    setFieldError(undefined)
    const failed = await transition(action, reason)
    if (!failed) return onClose()
    // The typed reason stays in the box: the user corrects it or cancels.
    const onReason = failed.issues.find((i) => i.path[0] === 'reason')
    if (onReason) setFieldError(onReason.message)
    else setError(failed)
  }

  return (
    <Dialog
      title={action.label}
      submitLabel={action.label}
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <ErrorBanner error={error} />
      <div className="field">
        <label htmlFor="transition-reason">Reason</label>
        <textarea
          {...describedField('transition-reason', fieldError, { hintId: 'transition-reason-count' })}
          rows={5}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <p className={`hint counter${length > MAX ? ' over' : ''}`} id="transition-reason-count" aria-live="polite">
          {length} / {MAX} characters
        </p>
        <FieldError id="transition-reason" message={fieldError} />
      </div>
      <p className="muted">The reason is added to the incident&apos;s notes log and its history.</p>
    </Dialog>
  )
}
