import { useState } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner } from '#renderer/components/index'
import { SCREEN_PATHS } from '#renderer/router'
import { useFlash } from '#renderer/stores/flash'
import { useSession } from '#renderer/stores/session'
import { useMeasureDetail } from './measure-store'
import type { MeasureDetail } from './measure-types'

// A stable empty list: a selector that returned a fresh [] would re-render without end under zustand 5.
const NO_ROLES: readonly string[] = []

/** measures §7: an OPEN measure is deleted for good after confirming; its history stays in the audit trail. */
export function DeleteMeasure({ measure: m }: { measure: MeasureDetail }) {
  const reload = useMeasureDetail((s) => s.reload)
  const [busy, setBusy] = useState(false)
  const showAt = useFlash((s) => s.showAt)
  const roles = useSession((s) => s.user?.roles) ?? NO_ROLES
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  // Not through the store's run: its reload would find the measure gone before the screen moves on.
  const remove = async () => {
    setBusy(true)
    try {
      await api.call('measure.delete', { id: m.id, expected_version: m.version })
    } catch (e) {
      setBusy(false)
      setError(toApiError(e))
      return reload()
    }
    const register = roles.some((r) => r === 'manager' || r === 'risk_officer')
    showAt(register ? SCREEN_PATHS.measures : SCREEN_PATHS['my-measures'], `Measure ${m.ref} deleted.`)
  }

  return (
    <>
      <button type="button" className="button-danger-outline" disabled={busy} onClick={() => setConfirming(true)}>
        Delete measure
      </button>
      {confirming && (
        <Dialog
          title="Delete this measure?"
          submitLabel="Delete measure"
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
            <strong>{m.ref}</strong> and its links will be removed. The audit trail keeps its history. This cannot be
            undone.
          </p>
        </Dialog>
      )}
    </>
  )
}
