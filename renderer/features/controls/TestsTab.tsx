import { useCallback, useState } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, FieldError, LocalTime, TextDialog } from '#renderer/components/index'
import { TestResultBadge } from '#renderer/components/rcsa/index'
import { useLoad } from '#renderer/hooks/use-load'
import { describedField } from '#renderer/lib/form-errors'
import { utcToday } from '#renderer/lib/time'
import { useSession } from '#renderer/stores/session'
import { TEST_RESULTS, type TestResult } from '#shared/controls/control.constants'
import { ResponsiblePicker } from '../measures/ResponsiblePicker'
import type { ControlData, TestItem } from './control-types'
import { TEST_RESULT_LABELS } from './labels'
import { useLastValue, useReloadOn } from './use-control'

type Props = { control: ControlData; generation: number; onChanged: () => void }

/** controls.md §7, §11 Tests: the effectiveness tests, newest first; Record test and Void test (risk officers). */
export function TestsTab({ control: c, generation, onChanged }: Props) {
  const [withVoid, setWithVoid] = useState(false)
  const [recording, setRecording] = useState(false)
  const [voiding, setVoiding] = useState<TestItem | null>(null)
  const [busy, setBusy] = useState(false)
  const load = useCallback(
    () => api.call('control.tests', { control_id: c.id, include_void: withVoid }),
    [c.id, withVoid],
  )
  const tests = useLoad(load)
  useReloadOn(tests.reload, generation)
  const items = useLastValue(tests.data)?.items ?? null
  const canVoid = c.permissions.can_edit

  const voidTest = async (reason: string) => {
    if (!voiding) return null
    setBusy(true)
    try {
      await api.call('control.voidTest', { test_id: voiding.id, reason })
      onChanged()
      return null
    } catch (e) {
      return toApiError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="panel" aria-labelledby="tests-title">
      <div className="panel-head">
        <h2 id="tests-title">Effectiveness tests</h2>
        <div className="inline">
          <label className="check">
            <input type="checkbox" checked={withVoid} onChange={(e) => setWithVoid(e.target.checked)} />
            Show void tests
          </label>
          {c.permissions.can_record_test && (
            <button type="button" className="button-primary" onClick={() => setRecording(true)}>
              Record test
            </button>
          )}
        </div>
      </div>
      <p className="muted">
        Latest test: <TestResultBadge result={c.last_test_result} />
        {c.last_test_date && ` on ${c.last_test_date}`}. Design effectiveness is assessed separately on the Details tab.
      </p>
      <ErrorBanner error={tests.error} onRetry={tests.reload} />
      {items === null ? (
        <p className="muted" role="status">
          Loading tests…
        </p>
      ) : items.length === 0 ? (
        <p className="empty">No test recorded.</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Effectiveness tests, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Test date</th>
                <th scope="col">Result</th>
                <th scope="col">Tester</th>
                <th scope="col">Notes</th>
                <th scope="col">Evidence</th>
                <th scope="col">Recorded</th>
                {canVoid && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((t) => (
                <tr key={t.id} className={t.is_void ? 'row-void' : undefined}>
                  <td className="nowrap">{t.test_date}</td>
                  <td>
                    <span className="control-badges">
                      <TestResultBadge result={t.result as TestResult} />
                      {t.is_latest && <span className="badge badge-info">Latest</span>}
                      {t.is_void && <span className="badge badge-neutral">Void</span>}
                    </span>
                    {t.is_void && <p className="muted">Voided: {t.void_reason}</p>}
                  </td>
                  <td>{t.tester_name}</td>
                  <td className="prewrap">{t.notes ?? <span className="muted">—</span>}</td>
                  <td>{t.evidence_version_no ? `Revision v${t.evidence_version_no}` : '—'}</td>
                  <td className="nowrap">
                    <LocalTime iso={t.recorded_at} /> by {t.recorded_by_name}
                  </td>
                  {canVoid && (
                    <td>
                      {!t.is_void && (
                        <button
                          type="button"
                          className="button-link"
                          aria-label={`Void test of ${t.test_date}`}
                          onClick={() => setVoiding(t)}
                        >
                          Void
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {recording && (
        <RecordTestDialog
          control={c}
          onClose={() => setRecording(false)}
          onRecorded={() => {
            setRecording(false)
            onChanged()
          }}
        />
      )}
      {voiding && (
        <TextDialog
          title={`Void the test of ${voiding.test_date}`}
          label="Reason"
          submitLabel="Void test"
          min={10}
          max={1000}
          danger
          busy={busy}
          note="A test is never edited: the void one stays listed under Show void tests, and the latest test is recomputed."
          onSubmit={voidTest}
          onClose={() => setVoiding(null)}
        />
      )}
    </section>
  )
}

type Field = 'test_date' | 'tester_id' | 'result' | 'notes' | 'evidence_revision_id'
const FIELDS: readonly Field[] = ['test_date', 'tester_id', 'result', 'notes', 'evidence_revision_id']

function RecordTestDialog({
  control,
  onClose,
  onRecorded,
}: {
  control: ControlData
  onClose: () => void
  onRecorded: () => void
}) {
  const me = useSession((s) => s.user)
  const [testDate, setTestDate] = useState(utcToday)
  const [tester, setTester] = useState(me?.id ?? '')
  const [result, setResult] = useState<TestResult | ''>('')
  const [notes, setNotes] = useState('')
  const [revisionId, setRevisionId] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [banner, setBanner] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const loadEvidence = useCallback(() => api.call('evidence.list', { control_id: control.id }), [control.id])
  const evidence = useLoad(loadEvidence)
  const revisions = (evidence.data?.items ?? []).flatMap((e) =>
    [e.latest_revision, e.effective_revision]
      .filter((r, i, all): r is NonNullable<typeof r> => r !== null && all.findIndex((x) => x?.id === r.id) === i)
      .map((r) => ({ id: r.id, label: `${e.title} – v${r.version_no} (${r.status.toLowerCase()})` })),
  )

  const submit = async () => {
    setBanner(null)
    if (!result) return setErrors({ result: 'Choose the result.' })
    setErrors({})
    setBusy(true)
    try {
      await api.call('control.recordTest', {
        control_id: control.id,
        test_date: testDate,
        tester_id: tester,
        result,
        ...(notes.trim() ? { notes } : {}),
        ...(revisionId ? { evidence_revision_id: revisionId } : {}),
      })
      onRecorded()
    } catch (e) {
      const error = toApiError(e)
      const fieldErrors: Partial<Record<Field, string>> = {}
      for (const i of error.issues) {
        const f = i.path[0]
        if (typeof f === 'string' && (FIELDS as readonly string[]).includes(f)) fieldErrors[f as Field] ??= i.message
      }
      if (!tester && fieldErrors.tester_id) fieldErrors.tester_id = 'Choose the tester.'
      setErrors(fieldErrors)
      if (Object.keys(fieldErrors).length === 0) setBanner(error)
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={`Record a test of ${control.ref}`}
      submitLabel="Record test"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <ErrorBanner error={banner} />
      <div className="field-row">
        <div className="field">
          <label htmlFor="test-date">Test date</label>
          <input
            {...describedField('test-date', errors.test_date, { hintId: 'test-date-hint' })}
            type="date"
            max={utcToday()}
            value={testDate}
            onChange={(e) => setTestDate(e.target.value)}
          />
          <p className="hint" id="test-date-hint">
            Today or earlier.
          </p>
          <FieldError id="test-date" message={errors.test_date} />
        </div>
        <div className="field field-grow">
          <label htmlFor="test-tester">Tester</label>
          <ResponsiblePicker
            source="control.testerOptions"
            id="test-tester"
            value={tester}
            onChange={setTester}
            current={me ? { id: me.id, full_name: me.full_name, email: me.email } : null}
            invalid={!!errors.tester_id}
            describedBy={errors.tester_id ? 'test-tester-error' : undefined}
          />
          <FieldError id="test-tester" message={errors.tester_id} />
        </div>
      </div>
      <fieldset
        className="field check-group"
        aria-invalid={!!errors.result}
        aria-describedby={errors.result ? 'test-result-error' : undefined}
      >
        <legend>Result</legend>
        <div className="inline wrap">
          {TEST_RESULTS.map((r) => (
            <label key={r} className="check check-chip">
              <input type="radio" name="test-result" value={r} checked={result === r} onChange={() => setResult(r)} />
              {TEST_RESULT_LABELS[r]}
            </label>
          ))}
        </div>
        <FieldError id="test-result" message={errors.result} />
      </fieldset>
      <div className="field">
        <label htmlFor="test-notes">Notes</label>
        <textarea
          {...describedField('test-notes', errors.notes, { hintId: 'test-notes-hint' })}
          rows={4}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
        <p className="hint" id="test-notes-hint">
          At least 10 characters when the result is not Effective: what failed, sample, exceptions.
        </p>
        <FieldError id="test-notes" message={errors.notes} />
      </div>
      <div className="field">
        <label htmlFor="test-evidence">Evidence revision (optional)</label>
        <select
          {...describedField('test-evidence', errors.evidence_revision_id)}
          value={revisionId}
          onChange={(e) => setRevisionId(e.target.value)}
        >
          <option value="">None</option>
          {revisions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
        <FieldError id="test-evidence" message={errors.evidence_revision_id} />
      </div>
    </Dialog>
  )
}
