import { useState } from 'react'
import { toApiError, type ApiError } from '#renderer/api'
import { TextDialog } from '#renderer/components/index'
import { INPUT_LABELS } from './labels'
import type { MeasureAction, MeasureRow } from './measure-types'
import { buttonClass, runTransition } from './transitions'

/** measures §14 My measures: a row's buttons are the row's available_actions, at the version the list showed. */
export function RowActions({ row: m, onChanged }: { row: MeasureRow; onChanged: () => void }) {
  const [asking, setAsking] = useState<MeasureAction | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  if (m.available_actions.length === 0) return <span className="muted">—</span>

  const perform = async (a: MeasureAction, text: string) => {
    setBusy(true)
    setError(null)
    try {
      await runTransition(a, m, text)
      onChanged()
      return null
    } catch (e) {
      const failed = toApiError(e)
      if (!a.input) setError(failed)
      return failed
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="row-actions">
      {m.available_actions.map((a) => (
        <button
          key={a.command}
          type="button"
          className={`${buttonClass(a, false)} button-small`}
          aria-label={`${a.label} ${m.ref}`}
          disabled={busy}
          onClick={() => (a.input ? setAsking(a) : void perform(a, ''))}
        >
          {a.label}
        </button>
      ))}
      {error && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
      {asking?.input && (
        <TextDialog
          title={`${asking.label} – ${m.ref}`}
          label={INPUT_LABELS[asking.input.field] ?? asking.input.field}
          submitLabel={asking.label}
          min={asking.input.min}
          max={asking.input.max}
          danger={asking.command === 'measure.cancel'}
          busy={busy}
          onSubmit={(text) => perform(asking, text)}
          onClose={() => setAsking(null)}
        />
      )}
    </div>
  )
}
