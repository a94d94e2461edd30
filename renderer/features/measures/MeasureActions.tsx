import { useState } from 'react'
import type { ApiError } from '#renderer/api'
import { ErrorBanner, TextDialog } from '#renderer/components/index'
import { DeleteMeasure } from './DeleteMeasure'
import { INPUT_LABELS } from './labels'
import { useMeasureDetail } from './measure-store'
import type { MeasureAction, MeasureDetail } from './measure-types'
import { buttonClass, runTransition } from './transitions'

const NOTES: Record<string, string> = {
  evidence: 'The evidence is added to the notes log and the history.',
  reason: 'The reason is added to the notes log and the history.',
  closure_comment: 'The closure comment is kept on the measure and in the history.',
}

/** measures §14: one button per available_action; those with an `input` ask for the text first. */
export function MeasureActions({ measure: m }: { measure: MeasureDetail }) {
  const run = useMeasureDetail((s) => s.run)
  const busy = useMeasureDetail((s) => s.busy)
  const [asking, setAsking] = useState<MeasureAction | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  if (m.available_actions.length === 0 && !m.permissions.can_delete) return null

  const act = async (a: MeasureAction) => {
    setError(null)
    if (a.input) return setAsking(a)
    setError(await run(() => runTransition(a, m, '')))
  }

  return (
    <>
      <div className="action-bar" role="group" aria-label="Workflow actions">
        {m.available_actions.map((a, n) => (
          <button
            key={a.command}
            type="button"
            className={buttonClass(a, n === 0)}
            disabled={busy}
            onClick={() => void act(a)}
          >
            {a.label}
          </button>
        ))}
        {m.permissions.can_delete && <DeleteMeasure measure={m} />}
      </div>
      <ErrorBanner error={error} />
      {asking?.input && (
        <TextDialog
          title={`${asking.label} – ${m.ref}`}
          label={INPUT_LABELS[asking.input.field] ?? asking.input.field}
          submitLabel={asking.label}
          min={asking.input.min}
          max={asking.input.max}
          note={NOTES[asking.input.field]}
          danger={asking.command === 'measure.cancel'}
          busy={busy}
          onSubmit={(text) => run(() => runTransition(asking, m, text))}
          onClose={() => setAsking(null)}
        />
      )}
    </>
  )
}
