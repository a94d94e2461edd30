import { useState } from 'react'
import { api, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner } from '#renderer/components/index'
import { useIncidentDetail } from '#renderer/stores/incident-detail'
import type { IncidentDetail } from '#renderer/types'

/** incidents §6.8: the creator deletes a draft after confirming; it then leaves every list. */
export function DeleteIncident({ incident: i, disabled }: { incident: IncidentDetail; disabled: boolean }) {
  const perform = useIncidentDetail((s) => s.perform)
  const busy = useIncidentDetail((s) => s.busy)
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  const remove = async () => {
    const failed = await perform(
      () => api.call('incident.delete', { id: i.id, expected_version: i.version }),
      `Draft ${i.ref} deleted.`,
      'leave',
    )
    if (failed) setError(failed)
  }

  return (
    <>
      <button type="button" className="button-danger-outline" disabled={disabled} onClick={() => setConfirming(true)}>
        Delete draft
      </button>
      {confirming && (
        <Dialog
          title="Delete this draft?"
          submitLabel="Delete draft"
          danger
          busy={busy}
          onClose={() => {
            setConfirming(false)
            setError(null)
          }}
          onSubmit={() => void remove()}
        >
          <ErrorBanner error={error} />
          <p>
            <strong>{i.ref}</strong> {i.title} will disappear from every list. The audit trail keeps its history. This
            cannot be undone.
          </p>
        </Dialog>
      )}
    </>
  )
}
