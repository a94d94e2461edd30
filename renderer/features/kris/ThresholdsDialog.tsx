import { useCallback, useMemo, useState } from 'react'
import { checkThresholds } from '#shared/kris/kri.status.rules'
import { api, toApiError, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, FieldError } from '#renderer/components/index'
import { KriStatusChip } from '#renderer/components/rcsa/index'
import { useLoad } from '#renderer/hooks/use-load'
import { allPages, pageInput } from '#renderer/lib/all-pages'
import { describedField } from '#renderer/lib/form-errors'
import {
  defaultEffectiveFrom,
  effectiveFromChoices,
  issueField,
  periodText,
  pickErrors,
  thresholdImpact,
  withUnit,
} from './kri-logic'
import type { KriDetailData } from './kri-types'
import { thresholdPayload, ThresholdInputs, type ThresholdValues } from './ThresholdInputs'

const FIELDS = ['direction', 'amber', 'red', 'amber_low', 'amber_high', 'red_low', 'red_high', 'target'] as const
type Field = (typeof FIELDS)[number] | 'effective_from' | 'reason'

function currentValues(k: KriDetailData): ThresholdValues {
  const t = k.thresholds
  return {
    direction: t.direction,
    amber: t.amber ?? '',
    red: t.red ?? '',
    amber_low: t.amber_low ?? '',
    amber_high: t.amber_high ?? '',
    red_low: t.red_low ?? '',
    red_high: t.red_high ?? '',
    target: t.target ?? '',
  }
}

type Props = { kri: KriDetailData; onClose: () => void; onSaved: (message: string) => void }

/**
 * kris.md §12 Set thresholds dialog: new thresholds, effective-from (default §5.3), the recorded periods whose
 * status would change (the shared §4 rule over kri.values), and a reason when any recorded value is affected.
 */
export function ThresholdsDialog({ kri, onClose, onSaved }: Props) {
  const loadValues = useCallback(
    () => allPages((cursor) => api.call('kri.values', pageInput({ kri_id: kri.id }, cursor))),
    [kri.id],
  )
  const values = useLoad(loadValues)
  const recorded = values.data
  const latest = recorded?.[0]?.period_start ?? null
  const defaultFrom = recorded ? defaultEffectiveFrom(kri, latest) : null
  const choices = useMemo(() => (defaultFrom ? effectiveFromChoices(kri, defaultFrom) : []), [kri, defaultFrom])

  const [t, setT] = useState<ThresholdValues>(() => currentValues(kri))
  // '' keeps the default of §5.3, which the command applies itself when effective_from is left out.
  const [from, setFrom] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [banner, setBanner] = useState<{ error: ApiError; message: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const effective = from || defaultFrom || kri.first_period_start
  const checked = checkThresholds(thresholdPayload(t))
  const impact = recorded
    ? thresholdImpact(recorded, checked.ok ? checked.thresholds : null, effective)
    : { affected: 0, changed: [] }

  const submit = async () => {
    setBusy(true)
    setBanner(null)
    setErrors({})
    try {
      const saved = await api.call('kri.setThresholds', {
        kri_id: kri.id,
        expected_version: kri.version,
        ...thresholdPayload(t),
        ...(from ? { effective_from: from } : {}),
        ...(impact.affected > 0 && reason.trim() ? { reason } : {}),
      })
      const moved = saved.changed_periods.length
      onSaved(
        `Thresholds set from ${saved.effective_from}.` +
          (saved.revalued_periods > 0
            ? ` ${saved.revalued_periods} recorded period${saved.revalued_periods === 1 ? '' : 's'} re-rated, ${moved} changed status.`
            : ''),
      )
    } catch (e) {
      const error = toApiError(e)
      const fieldErrors: Partial<Record<Field, string>> = {}
      const elsewhere: string[] = []
      for (const issue of error.issues) {
        const f = issueField(issue.path)
        if (f && ([...FIELDS, 'effective_from', 'reason'] as readonly string[]).includes(f))
          fieldErrors[f as Field] ??= issue.message
        else elsewhere.push(issue.message)
      }
      setErrors(fieldErrors)
      if (error.code !== 'VALIDATION') setBanner({ error, message: error.message })
      else if (elsewhere.length > 0) setBanner({ error, message: elsewhere.join(' ') })
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={`Set thresholds – ${kri.name}`}
      submitLabel="Set thresholds"
      busy={busy || !recorded}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      {banner && <ErrorBanner error={banner.error} message={banner.message} />}
      <ErrorBanner error={values.error} onRetry={values.reload} />
      <ThresholdInputs
        idPrefix="kri-thr"
        values={t}
        onChange={setT}
        unit={kri.unit}
        errors={pickErrors(errors, FIELDS)}
      />
      <div className="field">
        <label htmlFor="kri-thr-from">Effective from</label>
        <select
          {...describedField('kri-thr-from', errors.effective_from, { hintId: 'kri-thr-from-hint' })}
          value={from}
          aria-busy={!recorded}
          onChange={(e) => setFrom(e.target.value)}
        >
          {defaultFrom && (
            <option value="">
              {periodText(kri.frequency, defaultFrom)} ({defaultFrom}) – default
            </option>
          )}
          {choices
            .filter((c) => c.start !== defaultFrom)
            .map((c) => (
              <option key={c.start} value={c.start}>
                {c.label} ({c.start})
              </option>
            ))}
        </select>
        <p className="hint" id="kri-thr-from-hint">
          The default is the period after the latest recorded value, so no recorded value changes.
        </p>
        <FieldError id="kri-thr-from" message={errors.effective_from} />
      </div>
      {impact.affected > 0 && (
        <section className="kri-impact" aria-labelledby="kri-impact-title">
          <h3 id="kri-impact-title">Recorded periods from {effective}</h3>
          <p>
            {impact.affected} recorded period{impact.affected === 1 ? '' : 's'} will get a new version under these
            thresholds. {impact.changed.length === 0 ? 'No status changes.' : `${impact.changed.length} change status:`}
          </p>
          {impact.changed.length > 0 && (
            <ul className="plain-list" aria-label="Periods that change status">
              {impact.changed.map((c) => (
                <li key={c.period_start}>
                  {periodText(kri.frequency, c.period_start)}: {withUnit(c.value, kri.unit)}{' '}
                  <KriStatusChip status={c.status as 'GREEN'} /> → <KriStatusChip status={c.to} />
                </li>
              ))}
            </ul>
          )}
          <div className="field">
            <label htmlFor="kri-thr-reason">Reason</label>
            <textarea
              {...describedField('kri-thr-reason', errors.reason, { hintId: 'kri-thr-reason-hint' })}
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <p className="hint" id="kri-thr-reason-hint">
              Required when recorded values are affected: at least 10 characters.
            </p>
            <FieldError id="kri-thr-reason" message={errors.reason} />
          </div>
        </section>
      )}
    </Dialog>
  )
}
