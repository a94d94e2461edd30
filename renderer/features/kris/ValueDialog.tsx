import { useCallback, useMemo, useState } from 'react'
import type { OutputOf } from '#shared/catalogue/types'
import { api, toApiError, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, FieldError, LocalTime } from '#renderer/components/index'
import { KRI_STATUS_LABEL, KriStatusChip } from '#renderer/components/rcsa/index'
import { useLoad } from '#renderer/hooks/use-load'
import { allPages, pageInput } from '#renderer/lib/all-pages'
import { describedField } from '#renderer/lib/form-errors'
import { utcToday } from '#renderer/lib/time'
import {
  issueField,
  periodText,
  preselectedPeriod,
  previewStatus,
  recordablePeriods,
  scaledThresholds,
  thresholdText,
  withUnit,
  type PeriodChoice,
} from './kri-logic'
import type { KriDetailData, KriValueRow } from './kri-types'

type Field = 'period_start' | 'value' | 'comment' | 'reason'
const FIELDS: readonly Field[] = ['period_start', 'value', 'comment', 'reason']
const MAX_COMMENT = 2000

export type ValueSaved = OutputOf<'kri.recordValue'> | OutputOf<'kri.correctValue'>

type Props = {
  kriId: string
  mode: 'record' | 'correct'
  /** Correct: the period to correct (else the latest recorded one). */
  periodStart?: string | undefined
  onClose: () => void
  onSaved: (saved: ValueSaved) => void
}

/**
 * kris.md §12 Record / correct value dialog: a period picker of valid period starts (the oldest overdue one
 * preselected), the value with its unit, a live status preview by the shared §4 rule under the thresholds in force
 * for that period, a comment; a correction adds the reason and shows the current version.
 */
export function ValueDialog({ kriId, mode, periodStart, onClose, onSaved }: Props) {
  const loadKri = useCallback(() => api.call('kri.get', { id: kriId }), [kriId])
  const kri = useLoad(loadKri)
  const k = kri.data
  const title = mode === 'record' ? 'Record value' : 'Correct value'

  if (!k)
    return (
      <Dialog title={title} submitLabel="Save" busy onClose={onClose} onSubmit={() => undefined}>
        {kri.error ? (
          <ErrorBanner error={kri.error} onRetry={kri.reload} />
        ) : (
          <p className="muted" role="status">
            Loading KRI…
          </p>
        )}
      </Dialog>
    )
  return <ValueForm k={k} mode={mode} periodStart={periodStart} onClose={onClose} onSaved={onSaved} />
}

/** Current values of the KRI from `from` on, every page (the periods already recorded). */
async function recordedFrom(kriId: string, from: string | undefined): Promise<KriValueRow[]> {
  return allPages((cursor) =>
    api.call('kri.values', pageInput({ kri_id: kriId, ...(from ? { period_from: from } : {}) }, cursor)),
  )
}

type FormProps = Omit<Props, 'kriId'> & { k: KriDetailData }

function ValueForm({ k, mode, periodStart, onClose, onSaved }: FormProps) {
  const today = utcToday()
  const overdue = useMemo(() => k.overdue_periods.map((p) => p.period_start), [k.overdue_periods])
  // Record: valid starts without a value. Correct: the recorded periods.
  const loadChoices = useCallback(async (): Promise<PeriodChoice[]> => {
    if (mode === 'correct') {
      const rows = await recordedFrom(k.id, undefined)
      return rows.map((r) => ({
        start: r.period_start,
        end: r.period_end,
        label: periodText(k.frequency, r.period_start),
        overdue: false,
      }))
    }
    const candidates = recordablePeriods(k, today, new Set(), overdue)
    const oldest = candidates[candidates.length - 1]?.start
    const rows = oldest ? await recordedFrom(k.id, oldest) : []
    return recordablePeriods(k, today, new Set(rows.map((r) => r.period_start)), overdue)
  }, [k, mode, today, overdue])
  const choices = useLoad(loadChoices)
  const list = choices.data

  // The picked period; until the user picks, the default one (the oldest overdue, or the period asked for).
  const [picked, setPicked] = useState('')
  const defaultPeriod = !list
    ? ''
    : mode === 'correct'
      ? periodStart && list.some((c) => c.start === periodStart)
        ? periodStart
        : (list[0]?.start ?? '')
      : preselectedPeriod(list, overdue)
  const period = picked || defaultPeriod

  // null = not typed yet: a correction then starts from the current version's value and comment.
  const [typedValue, setValue] = useState<string | null>(null)
  const [typedComment, setComment] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [banner, setBanner] = useState<{ error: ApiError; message: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const setPeriod = (p: string) => {
    setPicked(p)
    if (mode === 'correct') {
      setValue(null)
      setComment(null)
      setReason('')
    }
  }

  // The thresholds in force for the chosen period (kri.trend over that one period), and its current version.
  const loadPeriod = useCallback(async () => {
    if (!period) return null
    const [trend, history] = await Promise.all([
      api.call('kri.trend', { kri_id: k.id, from: period, to: period }),
      mode === 'correct' ? api.call('kri.valueHistory', { kri_id: k.id, period_start: period }) : Promise.resolve(null),
    ])
    return { point: trend.points[0] ?? null, current: history?.items.find((v) => v.is_current) ?? null }
  }, [k.id, period, mode])
  const periodInfo = useLoad(loadPeriod)
  const current = periodInfo.data?.current ?? null
  const thresholds = periodInfo.data?.point?.thresholds ?? null
  const value = typedValue ?? (mode === 'correct' ? (current?.value ?? '') : '')
  const comment = typedComment ?? (mode === 'correct' ? (current?.comment ?? '') : '')

  const preview = previewStatus(value, scaledThresholds(thresholds))

  const submit = async () => {
    setBusy(true)
    setBanner(null)
    setErrors({})
    try {
      const saved =
        mode === 'record'
          ? await api.call('kri.recordValue', {
              kri_id: k.id,
              period_start: period,
              value: value.trim(),
              ...(comment.trim() ? { comment } : {}),
            })
          : await api.call('kri.correctValue', {
              kri_id: k.id,
              period_start: period,
              expected_version_no: current?.version_no ?? 1,
              value: value.trim(),
              comment,
              reason,
            })
      onSaved(saved)
    } catch (e) {
      const error = toApiError(e)
      const fieldErrors: Partial<Record<Field, string>> = {}
      const elsewhere: string[] = []
      for (const issue of error.issues) {
        const f = issueField(issue.path)
        if (f && (FIELDS as readonly string[]).includes(f)) fieldErrors[f as Field] ??= issue.message
        else elsewhere.push(issue.message)
      }
      setErrors(fieldErrors)
      if (error.code !== 'VALIDATION') setBanner({ error, message: error.message })
      else if (elsewhere.length > 0) setBanner({ error, message: elsewhere.join(' ') })
      if (error.code === 'CONFLICT') periodInfo.reload()
      setBusy(false)
    }
  }

  const chosen = list?.find((c) => c.start === period)
  return (
    <Dialog
      title={`${mode === 'record' ? 'Record value' : 'Correct value'} – ${k.name}`}
      submitLabel={mode === 'record' ? 'Save value' : 'Save correction'}
      busy={busy || !period}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      {banner && <ErrorBanner error={banner.error} message={banner.message} />}
      <ErrorBanner error={choices.error} onRetry={choices.reload} />
      <p className="muted">
        {k.ref} · {k.frequency_label} · {k.direction_label}
      </p>
      <div className="field">
        <label htmlFor="kri-value-period">Period</label>
        {list && list.length === 0 ? (
          <p className="empty" id="kri-value-period">
            {mode === 'record' ? 'Every period up to today already has a value.' : 'No value has been recorded yet.'}
          </p>
        ) : (
          <select
            {...describedField('kri-value-period', errors.period_start, { hintId: 'kri-value-period-hint' })}
            value={period}
            aria-busy={!list}
            onChange={(e) => setPeriod(e.target.value)}
          >
            {!list && <option value="">Loading periods…</option>}
            {(list ?? []).map((c) => (
              <option key={c.start} value={c.start}>
                {c.label} ({c.start} to {c.end}){c.overdue ? ' – overdue' : ''}
              </option>
            ))}
          </select>
        )}
        {chosen && (
          <p className="hint" id="kri-value-period-hint">
            {chosen.start} to {chosen.end}
            {chosen.overdue && <strong> · overdue</strong>}
          </p>
        )}
        <FieldError id="kri-value-period" message={errors.period_start} />
      </div>
      {mode === 'correct' && current && (
        <div className="kri-current-version" aria-label="Current version">
          <p>
            Current version {current.version_no}: <strong>{withUnit(current.value, k.unit)}</strong>{' '}
            <KriStatusChip status={current.status} /> · {current.recorded_by.full_name},{' '}
            <LocalTime iso={current.recorded_at} />
          </p>
          {current.comment && <p className="muted prewrap">{current.comment}</p>}
        </div>
      )}
      <div className="field">
        <label htmlFor="kri-value-value">Value ({k.unit})</label>
        <div className="kri-value-input">
          <input
            {...describedField('kri-value-value', errors.value, { hintId: 'kri-value-preview' })}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          <span className="kri-unit">{k.unit}</span>
        </div>
        <div className="kri-preview" id="kri-value-preview" aria-live="polite">
          {preview.kind === 'status' ? (
            <>
              Status on save: <KriStatusChip status={preview.status} />{' '}
              <span className="muted">({thresholdText(thresholds)})</span>
            </>
          ) : preview.kind === 'invalid' ? (
            <span className="field-error">{preview.message}</span>
          ) : (
            <span className="muted">
              {thresholds ? `Thresholds for this period: ${thresholdText(thresholds)}` : 'Enter the value.'}
            </span>
          )}
        </div>
        <FieldError id="kri-value-value" message={errors.value} />
      </div>
      <div className="field">
        <label htmlFor="kri-value-comment">Comment</label>
        <textarea
          {...describedField('kri-value-comment', errors.comment, { hintId: 'kri-value-comment-hint' })}
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <p className="hint" id="kri-value-comment-hint">
          Optional context for this value. {[...comment].length} / {MAX_COMMENT.toLocaleString('en-US')}
        </p>
        <FieldError id="kri-value-comment" message={errors.comment} />
      </div>
      {mode === 'correct' && (
        <div className="field">
          <label htmlFor="kri-value-reason">Reason for the correction</label>
          <textarea
            {...describedField('kri-value-reason', errors.reason, { hintId: 'kri-value-reason-hint' })}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <p className="hint" id="kri-value-reason-hint">
            At least 10 characters. The previous version is kept.
          </p>
          <FieldError id="kri-value-reason" message={errors.reason} />
        </div>
      )}
      {preview.kind === 'status' && preview.status === 'RED' && (mode === 'record' || current?.status !== 'RED') && (
        <p className="banner banner-info">
          Saving a Red value notifies the KRI owner and the business unit's risk officers
          {k.create_measure_on_red ? ' and opens a corrective measure (once per period)' : ''}.
        </p>
      )}
      {mode === 'correct' && current && preview.kind === 'status' && (
        <p className="muted">
          {KRI_STATUS_LABEL[current.status as 'GREEN']} → {KRI_STATUS_LABEL[preview.status]}
        </p>
      )}
    </Dialog>
  )
}
