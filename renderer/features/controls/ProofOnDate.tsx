import { useState, type FormEvent } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, FieldError, LocalTime } from '#renderer/components/index'
import { describedField } from '#renderer/lib/form-errors'
import { utcToday } from '#renderer/lib/time'
import type { AsOfAnswer } from './control-types'
import { evidenceStatusLabel, kindLabel, revisionStatusLabel } from './labels'

const STATE_WORDS: Record<string, string> = {
  VALID: 'Valid',
  EXPIRED: 'Expired',
  NONE: 'No accepted revision',
  ARCHIVED: 'Archived',
}

/** controls.md §6.6 "Proof on date…": what proof the control had at the end of a chosen day (`evidence.asOf`). */
export function ProofOnDate({ controlId }: { controlId: string }) {
  const [date, setDate] = useState('')
  const [answer, setAnswer] = useState<AsOfAnswer | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)

  const show = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    setFieldError(undefined)
    if (!date) return setFieldError('Choose a date.')
    setBusy(true)
    try {
      setAnswer(await api.call('evidence.asOf', { control_id: controlId, date }))
    } catch (err) {
      const failed = toApiError(err)
      const onDate = failed.issues.find((i) => i.path[0] === 'date')
      if (onDate) setFieldError(onDate.message)
      else setError(failed)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="proof-on-date">
      <form className="inline wrap" onSubmit={(e) => void show(e)} aria-label="Proof on date" noValidate>
        <div className="field">
          <label htmlFor="proof-date">Proof on date…</label>
          <input
            {...describedField('proof-date', fieldError)}
            type="date"
            max={utcToday()}
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
          <FieldError id="proof-date" message={fieldError} />
        </div>
        <button type="submit" className="button-secondary" disabled={busy}>
          Show proof
        </button>
        {answer && (
          <button type="button" className="button-link" onClick={() => setAnswer(null)}>
            Close
          </button>
        )}
      </form>
      <ErrorBanner error={error} />
      {answer && (
        <section className="proof-result" aria-labelledby="proof-title">
          <h3 id="proof-title">
            Proof at the end of {answer.date}: {evidenceStatusLabel(answer.control_evidence_status)}
          </h3>
          {answer.records.length === 0 ? (
            <p className="empty">No evidence record existed on {answer.date}.</p>
          ) : (
            <div className="table-wrap">
              <table className="data">
                <caption className="visually-hidden">Evidence on {answer.date}</caption>
                <thead>
                  <tr>
                    <th scope="col">Evidence</th>
                    <th scope="col">State on the date</th>
                    <th scope="col">Held revision</th>
                    <th scope="col">Revision in force</th>
                  </tr>
                </thead>
                <tbody>
                  {answer.records.map((r) => (
                    <tr key={r.evidence_id}>
                      <td>
                        {r.title} <span className="muted">({kindLabel(r.kind)})</span>
                      </td>
                      <td>{STATE_WORDS[r.state] ?? r.state}</td>
                      <td>
                        {r.held_revision
                          ? `v${r.held_revision.version_no} – ${revisionStatusLabel(r.held_revision.status_on_date)}`
                          : '—'}
                      </td>
                      <td>
                        {r.effective_revision ? (
                          <div className="proof-revision">
                            <span>
                              v{r.effective_revision.version_no} ·{' '}
                              {r.effective_revision.file_name ?? r.effective_revision.url}
                            </span>
                            {r.effective_revision.file_sha256 && (
                              <span className="mono hash">SHA-256 {r.effective_revision.file_sha256}</span>
                            )}
                            <span className="muted">
                              Valid until {r.effective_revision.valid_until ?? 'no expiry'} · accepted{' '}
                              <LocalTime iso={r.effective_revision.reviewed_at} />
                            </span>
                          </div>
                        ) : (
                          <span className="muted">None</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  )
}
