import { Fragment, useCallback, useState } from 'react'
import { api } from '#renderer/api'
import { ErrorBanner, FieldError, LoadMore, LocalTime, RecordHistory } from '#renderer/components/index'
import { KriStatusChip, KriTrendChart, type KriTrendAnswer } from '#renderer/components/rcsa/index'
import { useLoad } from '#renderer/hooks/use-load'
import { usePaged } from '#renderer/hooks/use-paged'
import { describedField } from '#renderer/lib/form-errors'
import { href, measurePathOf, riskPath } from './paths'
import { periodText, thresholdText, withUnit } from './kri-logic'
import type { KriBreachRow, KriDetailData, KriTrendData, KriValueRow } from './kri-types'
import { ORIGIN_LABELS } from './kri-types'

/** The kri.trend answer as the chart component types it (statuses and directions are the spec's enums). */
export function chartAnswer(t: KriTrendData): KriTrendAnswer {
  return {
    kri: { ...t.kri, direction: t.kri.direction },
    points: t.points.map((p) => ({ ...p, status: p.status })),
  }
}

/** Trend: the §9.2 chart over the default range or the one picked. */
export function TrendTab({ kri }: { kri: KriDetailData }) {
  const [range, setRange] = useState<{ from: string; to: string }>({ from: '', to: '' })
  const [draft, setDraft] = useState(range)
  const load = useCallback(
    () =>
      api.call('kri.trend', {
        kri_id: kri.id,
        ...(range.from ? { from: range.from } : {}),
        ...(range.to ? { to: range.to } : {}),
      }),
    [kri.id, range],
  )
  const trend = useLoad(load)
  const rangeError = trend.error?.code === 'VALIDATION' ? trend.error.issues[0]?.message : undefined
  // The default range may reach back before the KRI existed: those periods are left off the picture.
  const trimmed = !range.from && !range.to
  const data = trend.data && {
    ...trend.data,
    points: trimmed
      ? trend.data.points.filter((p) => p.period_start >= kri.first_period_start || p.value !== null)
      : trend.data.points,
  }
  const first = data?.points[0]
  const last = data?.points[data.points.length - 1]
  return (
    <section className="panel" aria-labelledby="kri-trend-title">
      <h2 id="kri-trend-title">Trend</h2>
      <form
        className="filters kri-range"
        aria-label="Trend range"
        onSubmit={(e) => {
          e.preventDefault()
          setRange(draft)
        }}
      >
        <div className="field">
          <label htmlFor="kri-trend-from">From</label>
          <input
            {...describedField('kri-trend-from', rangeError)}
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="kri-trend-to">To</label>
          <input
            id="kri-trend-to"
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
        <div className="filter-buttons">
          <button type="submit" className="button-secondary">
            Show range
          </button>
          <button
            type="button"
            className="button-link"
            onClick={() => {
              setDraft({ from: '', to: '' })
              setRange({ from: '', to: '' })
            }}
          >
            Reset range
          </button>
          <button
            type="button"
            className="button-link"
            onClick={() => {
              const r = { from: kri.first_period_start, to: '' }
              setDraft(r)
              setRange(r)
            }}
          >
            Since the first period
          </button>
        </div>
        <FieldError id="kri-trend-from" message={rangeError} />
      </form>
      {trend.error && !rangeError && <ErrorBanner error={trend.error} onRetry={trend.reload} />}
      {data ? (
        <>
          <p className="muted">
            {first && last ? `${first.period_start} to ${last.period_end} · ` : ''}
            {data.points.length} periods · {data.points.filter((p) => p.missing).length} without a value
            {trimmed && data.points.length < (trend.data?.points.length ?? 0) ? ' · from the first period' : ''}
          </p>
          <KriTrendChart data={chartAnswer(data)} height={320} />
        </>
      ) : (
        !trend.error && (
          <p className="muted" role="status">
            Loading trend…
          </p>
        )
      )}
    </section>
  )
}

type ValuesProps = { kri: KriDetailData; onCorrect?: ((periodStart: string) => void) | undefined; refresh: number }

/** Values: one row per period (the current version), expandable to every version with reason and origin. */
export function ValuesTab({ kri, onCorrect, refresh }: ValuesProps) {
  const query = useCallback(
    (cursor: string | undefined) => {
      void refresh // a new value or correction reloads the list
      return api.call('kri.values', { kri_id: kri.id, ...(cursor === undefined ? {} : { cursor }) })
    },
    [kri.id, refresh],
  )
  const list = usePaged(query)
  const [open, setOpen] = useState<string | null>(null)
  return (
    <section className="panel" aria-labelledby="kri-values-title">
      <h2 id="kri-values-title">Values</h2>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.loading ? (
        <p className="muted" role="status">
          Loading values…
        </p>
      ) : list.items.length === 0 && !list.error ? (
        <p className="empty">No values recorded yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="data kri-values">
            <caption className="visually-hidden">Values per period, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Value</th>
                <th scope="col">Status</th>
                <th scope="col">Version</th>
                <th scope="col">Recorded</th>
                <th scope="col">Comment</th>
                <th scope="col">Breach measure</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((v) => (
                <Fragment key={v.period_start}>
                  <ValueRow
                    kri={kri}
                    v={v}
                    expanded={open === v.period_start}
                    onToggle={() => setOpen(open === v.period_start ? null : v.period_start)}
                    onCorrect={onCorrect}
                  />
                  {open === v.period_start && (
                    <tr className="kri-versions-row">
                      <td colSpan={8}>
                        <Versions kri={kri} periodStart={v.period_start} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={list.hasMore} busy={list.loadingMore} onLoadMore={() => void list.loadMore()} />
    </section>
  )
}

function ValueRow({
  kri,
  v,
  expanded,
  onToggle,
  onCorrect,
}: {
  kri: KriDetailData
  v: KriValueRow
  expanded: boolean
  onToggle: () => void
  onCorrect?: ((periodStart: string) => void) | undefined
}) {
  const label = periodText(kri.frequency, v.period_start)
  return (
    <tr data-period={v.period_start}>
      <th scope="row" className="kri-period-cell">
        {label}
        <div className="muted small">
          {v.period_start} to {v.period_end}
        </div>
      </th>
      <td className="num nowrap">{withUnit(v.value, kri.unit)}</td>
      <td>
        <KriStatusChip status={v.status} />
      </td>
      <td className="nowrap">
        {v.version_no}
        {v.corrected && <span className="muted"> ({ORIGIN_LABELS[v.origin]?.toLowerCase() ?? 'corrected'})</span>}
      </td>
      <td>
        {v.recorded_by.full_name}
        <div className="muted small">
          <LocalTime iso={v.recorded_at} />
        </div>
      </td>
      <td className="prewrap">{v.comment ?? <span className="muted">—</span>}</td>
      <td>
        {v.breach_measure ? (
          <a href={href(measurePathOf(v.breach_measure.id))}>
            {v.breach_measure.ref} <span className="muted">({v.breach_measure.status})</span>
          </a>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="row-actions-cell">
        <div className="kri-row-actions">
          <button
            type="button"
            className="button-link"
            aria-expanded={expanded}
            aria-label={`${expanded ? 'Hide' : 'Show'} versions of ${label}`}
            onClick={onToggle}
          >
            {expanded ? 'Hide' : 'Versions'}
          </button>
          {onCorrect && (
            <button
              type="button"
              className="button-secondary button-small"
              aria-label={`Correct ${label}`}
              onClick={() => onCorrect(v.period_start)}
            >
              Correct
            </button>
          )}
        </div>
      </td>
    </tr>
  )
}

function Versions({ kri, periodStart }: { kri: KriDetailData; periodStart: string }) {
  const load = useCallback(
    () => api.call('kri.valueHistory', { kri_id: kri.id, period_start: periodStart }),
    [kri.id, periodStart],
  )
  const history = useLoad(load)
  if (history.error) return <ErrorBanner error={history.error} onRetry={history.reload} />
  if (!history.data)
    return (
      <p className="muted" role="status">
        Loading versions…
      </p>
    )
  return (
    <ol className="kri-versions" aria-label={`Versions of ${periodText(kri.frequency, periodStart)}`}>
      {history.data.items.map((x) => (
        <li key={x.id} className={x.is_current ? 'is-current' : undefined}>
          <p>
            <strong>Version {x.version_no}</strong>
            {x.is_current && <span className="badge badge-info">Current</span>} ·{' '}
            <span className="num">{withUnit(x.value, kri.unit)}</span> <KriStatusChip status={x.status} /> ·{' '}
            {ORIGIN_LABELS[x.origin] ?? x.origin} · thresholds set {x.threshold_set_seq ?? '—'} ·{' '}
            {x.recorded_by.full_name}, <LocalTime iso={x.recorded_at} />
          </p>
          {x.correction_reason && <p>Reason: {x.correction_reason}</p>}
          {x.comment && <p className="muted prewrap">Comment: {x.comment}</p>}
          {x.breach_measure && (
            <p>
              Breach measure:{' '}
              <a href={href(measurePathOf(x.breach_measure.id))}>
                {x.breach_measure.ref} ({x.breach_measure.status})
              </a>
            </p>
          )}
        </li>
      ))}
    </ol>
  )
}

/** Thresholds: every set, newest first; superseded ones struck through. */
export function ThresholdsTab({ kri, refresh }: { kri: KriDetailData; refresh: number }) {
  const load = useCallback(
    () => api.call('kri.thresholdHistory', { kri_id: kri.id }).then((r) => ({ ...r, refresh })),
    [kri.id, refresh],
  )
  const history = useLoad(load)
  return (
    <section className="panel" aria-labelledby="kri-thr-title">
      <h2 id="kri-thr-title">Thresholds</h2>
      <ErrorBanner error={history.error} onRetry={history.reload} />
      {history.data && (
        <div className="table-wrap">
          <table className="data kri-threshold-history">
            <caption className="visually-hidden">Threshold sets, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Set</th>
                <th scope="col">Effective from</th>
                <th scope="col">Direction</th>
                <th scope="col">Thresholds ({kri.unit})</th>
                <th scope="col">Reason</th>
                <th scope="col">Set by</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {history.data.items.map((s) => (
                <tr key={s.id} className={s.superseded ? 'kri-superseded' : undefined}>
                  <td>{s.seq}</td>
                  <td className="nowrap">{s.superseded ? <s>{s.effective_from}</s> : s.effective_from}</td>
                  <td>{s.direction_label}</td>
                  <td>{s.superseded ? <s>{thresholdText(s)}</s> : thresholdText(s)}</td>
                  <td className="prewrap">{s.reason ?? <span className="muted">—</span>}</td>
                  <td>
                    {s.created_by.full_name}
                    <div className="muted small">
                      <LocalTime iso={s.created_at} />
                    </div>
                  </td>
                  <td>
                    {s.superseded ? (
                      <span className="badge badge-neutral">
                        Superseded{s.superseded_by_seq ? ` by set ${s.superseded_by_seq}` : ''}
                      </span>
                    ) : s.in_force_today ? (
                      <span className="badge badge-info">In force</span>
                    ) : (
                      <span className="muted">Scheduled or earlier</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

type LinksProps = {
  kri: KriDetailData
  canEdit: boolean
  onLink: () => void
  onUnlink: (risk: { id: string; ref: string }) => void
}

/** Linked risks: the visible ones (retired ones badged), the rest counted; link/unlink for risk officers. */
export function LinkedRisksTab({ kri, canEdit, onLink, onUnlink }: LinksProps) {
  return (
    <section className="panel" aria-labelledby="kri-risks-title">
      <div className="kri-panel-head">
        <h2 id="kri-risks-title">Linked risks</h2>
        {canEdit && (
          <button type="button" className="button-secondary" onClick={onLink}>
            Link risk
          </button>
        )}
      </div>
      {kri.linked_risks.length === 0 ? (
        <p className="empty">{kri.hidden_risk_count > 0 ? 'No linked risk you can see.' : 'No risks linked yet.'}</p>
      ) : (
        <ul className="link-list" aria-label="Linked risks">
          {kri.linked_risks.map((r) => (
            <li key={r.id}>
              <a href={href(riskPath(r.id))}>{r.ref}</a> {r.title}{' '}
              {r.retired && <span className="badge badge-neutral">Retired</span>}
              {canEdit && (
                <button
                  type="button"
                  className="button-link"
                  aria-label={`Unlink ${r.ref}`}
                  onClick={() => onUnlink({ id: r.id, ref: r.ref })}
                >
                  Unlink
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {kri.hidden_risk_count > 0 && <p className="muted">+{kri.hidden_risk_count} linked items outside your scope</p>}
    </section>
  )
}

/** Breaches: this KRI's current Amber and Red values (§9.1), newest period first. */
export function BreachesTab({ kri }: { kri: KriDetailData }) {
  const query = useCallback(
    (cursor: string | undefined) =>
      api.call('kri.breaches', { kri_id: kri.id, ...(cursor === undefined ? {} : { cursor }) }),
    [kri.id],
  )
  const list = usePaged(query)
  return (
    <section className="panel" aria-labelledby="kri-breaches-title">
      <h2 id="kri-breaches-title">Breaches</h2>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.loading ? (
        <p className="muted" role="status">
          Loading breaches…
        </p>
      ) : list.items.length === 0 && !list.error ? (
        <p className="empty">No Amber or Red values.</p>
      ) : (
        <BreachTable rows={list.items} caption={`Breaches of ${kri.name}`} showKri={false} />
      )}
      <LoadMore hasMore={list.hasMore} busy={list.loadingMore} onLoadMore={() => void list.loadMore()} />
    </section>
  )
}

/** The §9.1 breach rows: KRI, period, value with unit, status, thresholds used, version, recorder, measure. */
export function BreachTable({
  rows,
  caption,
  showKri,
}: {
  rows: readonly KriBreachRow[]
  caption: string
  showKri: boolean
}) {
  return (
    <div className="table-wrap">
      <table className="data kri-breaches">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {showKri && <th scope="col">KRI</th>}
            <th scope="col">Period</th>
            <th scope="col">Value</th>
            <th scope="col">Status</th>
            <th scope="col">Thresholds used</th>
            <th scope="col">Version</th>
            <th scope="col">Recorded</th>
            <th scope="col">Breach measure</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              {showKri && (
                <td>
                  <a href={href(`/kris/${r.kri.id}`)}>{r.kri.name}</a>
                  <div className="muted mono small">{r.kri.ref}</div>
                </td>
              )}
              <td className="nowrap">
                {r.period_start} to {r.period_end}
              </td>
              <td className="num nowrap">{withUnit(r.value, r.unit)}</td>
              <td>
                <KriStatusChip status={r.status} />
              </td>
              <td className="small">{thresholdText(r.thresholds)}</td>
              <td className="nowrap">
                {r.version_no}
                {r.corrected && <span className="muted"> (corrected)</span>}
              </td>
              <td>
                {r.recorded_by.full_name}
                <div className="muted small">
                  <LocalTime iso={r.recorded_at} />
                </div>
              </td>
              <td>
                {r.breach_measure ? (
                  <a href={href(measurePathOf(r.breach_measure.id))}>
                    {r.breach_measure.ref} <span className="muted">({r.breach_measure.status})</span>
                  </a>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

const ACTION_WORDS: Record<string, string> = {
  'kri.create': 'KRI defined',
  'kri.update': 'KRI edited',
  'kri.setThresholds': 'Thresholds set',
  'kri.deactivate': 'Deactivated',
  'kri.reactivate': 'Reactivated',
  'kri.delete': 'Deleted',
  'kri.linkRisk': 'Risk linked',
  'kri.unlinkRisk': 'Risk unlinked',
  'kri.recordValue': 'Value recorded',
  'kri.correctValue': 'Value corrected',
  'kri.sweepOverdue': 'Overdue check',
}

/** History: the KRI's audit entries with its values', threshold sets' and links' (audit-security §2.8). */
export function HistoryTab({ kri }: { kri: KriDetailData }) {
  return <RecordHistory entityType="kri" entityId={kri.id} words={(a) => ACTION_WORDS[a] ?? null} />
}
