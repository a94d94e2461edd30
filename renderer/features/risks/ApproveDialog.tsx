import { useState } from 'react'
import { api, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, FieldError } from '#renderer/components/index'
import { describedField } from '#renderer/lib/form-errors'
import { formatDate, utcToday } from '#renderer/lib/time'
import { violationMessages } from './RiskBits'
import { useRiskDetail } from './risk-store'
import type { RiskAction, RiskDetail } from './risk-types'

type Props = { risk: RiskDetail; action: RiskAction; onClose: () => void }

/**
 * risks.md §5.2 / §15 "Approve dialog": the approval checklist the catalogue computed (every precondition ticked or
 * crossed with its message) and the next review date. The catalogue judges again when the officer presses Approve.
 */
export function ApproveDialog({ risk: r, action, onClose }: Props) {
  const run = useRiskDetail((s) => s.run)
  const busy = useRiskDetail((s) => s.busy)
  const today = utcToday()
  // §5.3: pre-filled with the date the approval would set; the officer may choose another after today.
  const [date, setDate] = useState(r.approval_next_review_date ?? '')
  const [dateError, setDateError] = useState<string | undefined>()
  const [error, setError] = useState<ApiError | null>(null)
  const lines = r.approval_checklist ?? []
  const gaps = lines.filter((l) => !l.ok).length

  const submit = async () => {
    setError(null)
    setDateError(undefined)
    const failed = await run(() =>
      api.call('risk.approve', { id: r.id, expected_version: r.version, ...(date ? { next_review_date: date } : {}) }),
    )
    if (!failed) return onClose()
    const onDate = failed.issues.find((i) => i.path[0] === 'next_review_date')
    if (onDate) setDateError(onDate.message)
    else setError(failed)
  }

  const violations = violationMessages(error)

  return (
    <Dialog
      title={`${action.label} – ${r.ref}`}
      submitLabel={action.label}
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      {error && violations.length > 1 ? (
        <div className="banner banner-error" role="alert">
          <p>Approval is not possible yet:</p>
          <ul className="plain-list">
            {violations.map((v) => (
              <li key={v}>{v}</li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorBanner error={error} />
      )}
      <h3 className="risk-checklist-title">Approval checklist</h3>
      {lines.length === 0 ? (
        <p className="muted">The checklist is not available.</p>
      ) : (
        <ul className="risk-checklist" aria-label="Approval checklist">
          {lines.map((l) => (
            <li key={l.id} className={l.ok ? 'is-ok' : 'is-gap'}>
              <span className="risk-check-mark" aria-hidden="true">
                {!l.checked ? '–' : l.ok ? '✓' : '✗'}
              </span>
              <span>
                <span className="visually-hidden">
                  {!l.checked ? 'Not applicable: ' : l.ok ? 'Met: ' : 'Missing: '}
                </span>
                {l.message}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className={gaps > 0 ? 'risk-checklist-summary is-gap' : 'risk-checklist-summary is-ok'}>
        {gaps > 0 ? `${gaps} of ${lines.length} checks are not met yet.` : 'Every check is met.'}
      </p>
      <div className="field">
        <label htmlFor="approve-next-review">Next review date</label>
        <input
          {...describedField('approve-next-review', dateError, { hintId: 'approve-next-review-hint' })}
          type="date"
          min={today}
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
        <p className="hint" id="approve-next-review-hint">
          {r.next_review_date ? `Currently ${formatDate(r.next_review_date)}. ` : ''}
          Pre-filled with the stored date when it lies ahead, otherwise today plus the review interval.
        </p>
        <FieldError id="approve-next-review" message={dateError} />
      </div>
    </Dialog>
  )
}
