import { useCallback, useState, type ReactNode } from 'react'
import { api, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, FieldError, LocalTime, TextDialog } from '#renderer/components/index'
import { useLoad } from '#renderer/hooks/use-load'
import { describedField } from '#renderer/lib/form-errors'
import { formatDate, utcToday } from '#renderer/lib/time'
import { href, riskPath } from '#renderer/router'
import { ACCEPTANCE_STATE_LABELS, count, lengthOf, person } from './labels'
import { useRiskDetail } from './risk-store'
import type { AcceptanceRow, RiskDetail } from './risk-types'
import { RiskAcceptanceBadge } from './RiskBits'

export type Decision = 'accept' | 'reject' | 'withdraw' | 'revoke'

const DECISION: Record<Decision, { label: string; field: 'note' | 'reason'; min: number; text: string; note: string }> =
  {
    accept: {
      label: 'Accept',
      field: 'note',
      min: 0,
      text: 'Decision note',
      note: 'You accept the residual risk as assessed, until the expiry date. The requester and the owner are told.',
    },
    reject: {
      label: 'Reject',
      field: 'note',
      min: 20,
      text: 'Why the risk cannot be accepted',
      note: 'The requester and the owner are told.',
    },
    withdraw: {
      label: 'Withdraw',
      field: 'reason',
      min: 0,
      text: 'Reason',
      note: 'The request ends without a decision.',
    },
    revoke: {
      label: 'Revoke',
      field: 'reason',
      min: 20,
      text: 'Reason',
      note: 'The acceptance ends now. The requester and the owner are told.',
    },
  }

type DecisionTarget = Pick<AcceptanceRow, 'id' | 'ref' | 'version'> & { risk_ref: string }

/** risks.md §12.2 accept / reject / withdraw / revoke, each a `version` command on the acceptance. */
export function DecisionDialog(props: {
  acceptance: DecisionTarget
  decision: Decision
  busy: boolean
  run: (call: () => Promise<unknown>) => Promise<ApiError | null>
  onClose: () => void
}) {
  const { acceptance: a, decision, busy, run, onClose } = props
  const d = DECISION[decision]
  const call = (text: string) => {
    const base = { id: a.id, expected_version: a.version }
    switch (decision) {
      case 'accept':
        return run(() => api.call('riskAcceptance.accept', text ? { ...base, note: text } : base))
      case 'reject':
        return run(() => api.call('riskAcceptance.reject', { ...base, note: text }))
      case 'withdraw':
        return run(() => api.call('riskAcceptance.withdraw', text ? { ...base, reason: text } : base))
      case 'revoke':
        return run(() => api.call('riskAcceptance.revoke', { ...base, reason: text }))
    }
  }
  return (
    <TextDialog
      rule="minimum"
      title={`${d.label} ${a.ref} – ${a.risk_ref}`}
      label={d.text}
      field={d.field}
      submitLabel={d.label}
      min={d.min}
      max={2000}
      note={d.note}
      danger={decision === 'reject' || decision === 'revoke'}
      busy={busy}
      onSubmit={call}
      onClose={onClose}
    />
  )
}

/** The decision buttons the catalogue offers this viewer on one acceptance. */
export function DecisionButtons({
  actions,
  onPick,
  subject,
}: {
  actions: readonly string[]
  onPick: (d: Decision) => void
  subject: string
}) {
  const known = actions.filter((a): a is Decision => a in DECISION)
  if (known.length === 0) return null
  return (
    <div className="inline">
      {known.map((a) => (
        <button
          key={a}
          type="button"
          className={
            a === 'accept'
              ? 'button-primary button-small'
              : a === 'reject' || a === 'revoke'
                ? 'button-danger-outline button-small'
                : 'button-secondary button-small'
          }
          aria-label={`${DECISION[a].label} ${subject}`}
          onClick={() => onPick(a)}
        >
          {DECISION[a].label}
        </button>
      ))}
    </div>
  )
}

/** A residual band chip from an acceptance row's bound band. */
export function BoundBand({
  a,
}: {
  a: Pick<
    AcceptanceRow,
    | 'bound_residual_score'
    | 'bound_residual_band'
    | 'bound_residual_band_label'
    | 'bound_residual_colour'
    | 'bound_residual_text_colour'
  >
}) {
  if (a.bound_residual_score === null) return <span className="muted">—</span>
  const style = a.bound_residual_colour
    ? {
        background: a.bound_residual_colour,
        color: a.bound_residual_text_colour ?? '#000',
        borderColor: a.bound_residual_colour,
      }
    : undefined
  return (
    <span className="chip rcsa-chip" style={style}>
      {`${a.bound_residual_score} ${a.bound_residual_band_label ?? a.bound_residual_band ?? ''}`.trim()}
    </span>
  )
}

/**
 * risks.md §12.6 Acceptance tab: the latest acceptance in full — approver, decision time and note, justification,
 * conditions, expiry and "Applies to risk version {n}: residual {band} ({score})" — with the viewer's decisions,
 * then the earlier ones. Request / Renew opens the request dialog (pre-filled from the latest on renewal).
 */
export function AcceptancePanel(props: { risk: RiskDetail; requesting: boolean; onRequest: (open: boolean) => void }) {
  const { risk: r, requesting, onRequest } = props
  const run = useRiskDetail((s) => s.run)
  const busy = useRiskDetail((s) => s.busy)
  const generation = useRiskDetail((s) => s.generation)
  const [deciding, setDeciding] = useState<{ a: AcceptanceRow; d: Decision } | null>(null)
  const list = useLoad(
    useCallback(() => {
      void generation
      return api.call('riskAcceptance.list', { risk_id: r.id, limit: 50 })
    }, [r.id, generation]),
  )
  const rows = list.data?.items ?? []
  const latest = rows[0] ?? null
  const earlier = rows.slice(1)

  return (
    <section className="panel" aria-labelledby="risk-acceptance-title">
      <div className="subhead">
        <h2 id="risk-acceptance-title">Formal acceptance</h2>
        {r.permissions.can_request_acceptance && (
          <button type="button" className="button-secondary button-small" onClick={() => onRequest(true)}>
            {r.acceptance ? 'Renew' : 'Request acceptance'}
          </button>
        )}
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.loading ? (
        <p className="muted" role="status">
          Loading acceptances…
        </p>
      ) : !latest ? (
        <p className="empty">
          No acceptance was requested for this risk.
          {r.status !== 'ACTIVE' ? ' Acceptance can be requested once the risk is active.' : ''}
        </p>
      ) : (
        <AcceptanceCard a={latest} risk={r} onDecide={(d) => setDeciding({ a: latest, d })} />
      )}
      {earlier.length > 0 && (
        <>
          <h3>Earlier acceptances</h3>
          <ul className="link-list">
            {earlier.map((a) => (
              <li key={a.id}>
                <span className="mono">{a.ref}</span> {ACCEPTANCE_STATE_LABELS[a.state] ?? a.state} · approver{' '}
                {a.approver_name} · expiry {formatDate(a.expires_on)}
                {a.end_reason ? <span className="muted"> · {a.end_reason}</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {deciding && (
        <DecisionDialog
          acceptance={{ ...deciding.a, risk_ref: r.ref }}
          decision={deciding.d}
          busy={busy}
          run={run}
          onClose={() => setDeciding(null)}
        />
      )}
      {requesting && <RequestAcceptanceDialog risk={r} latest={latest} onClose={() => onRequest(false)} />}
    </section>
  )
}

function AcceptanceCard({
  a,
  risk: r,
  onDecide,
}: {
  a: AcceptanceRow
  risk: RiskDetail
  onDecide: (d: Decision) => void
}) {
  return (
    <div className="risk-acceptance-card">
      <p className="risk-acceptance-head">
        <span className="mono">{a.ref}</span>{' '}
        <span className="badge badge-neutral">{ACCEPTANCE_STATE_LABELS[a.state] ?? a.state}</span>{' '}
        <RiskAcceptanceBadge badge={r.acceptance_badge} />
      </p>
      <dl className="facts">
        <Fact term="Approver">{a.approver_name}</Fact>
        <Fact term="Requested">
          <LocalTime iso={a.requested_at} /> · {a.requested_by_name}
        </Fact>
        <Fact term="Expiry">{formatDate(a.expires_on)}</Fact>
        <Fact term="Decided">{a.decided_at ? <LocalTime iso={a.decided_at} /> : 'Not yet'}</Fact>
        <Fact term="Applies to">
          <a href={href(`${riskPath(r.id)}/history`)}>
            {`Applies to risk version ${a.bound_risk_version}: residual ${a.bound_residual_band_label ?? a.bound_residual_band ?? '—'} (${a.bound_residual_score ?? '—'})`}
          </a>
        </Fact>
        {a.ended_at && (
          <Fact term="Ended">
            <LocalTime iso={a.ended_at} />
            {a.end_reason ? ` · ${a.end_reason}` : ''}
          </Fact>
        )}
      </dl>
      <Block title="Justification">{a.justification}</Block>
      {a.conditions && <Block title="Conditions">{a.conditions}</Block>}
      {a.decision_note && <Block title="Decision note">{a.decision_note}</Block>}
      <DecisionButtons actions={a.available_actions} onPick={onDecide} subject={a.ref} />
    </div>
  )
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="risk-acceptance-block">
      <h3>{title}</h3>
      <p className="prewrap">{children}</p>
    </div>
  )
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

type ReqField = 'approver_id' | 'justification' | 'conditions' | 'expires_on'

/** §12.2 `riskAcceptance.request`: a named approver, a justification, optional conditions and an expiry. */
function RequestAcceptanceDialog({
  risk: r,
  latest,
  onClose,
}: {
  risk: RiskDetail
  latest: AcceptanceRow | null
  onClose: () => void
}) {
  const run = useRiskDetail((s) => s.run)
  const busy = useRiskDetail((s) => s.busy)
  // "Renew" opens a new request pre-filled from the latest one (§12.6).
  const [approver, setApprover] = useState(latest?.approver_id ?? '')
  const [justification, setJustification] = useState(latest?.justification ?? '')
  const [conditions, setConditions] = useState(latest?.conditions ?? '')
  const [expires, setExpires] = useState('')
  const [errors, setErrors] = useState<Partial<Record<ReqField, string>>>({})
  const [error, setError] = useState<ApiError | null>(null)
  const jl = lengthOf(justification)

  const submit = async () => {
    setError(null)
    setErrors({})
    const failed = await run(() =>
      api.call('riskAcceptance.request', {
        risk_id: r.id,
        expected_risk_version: r.version,
        approver_id: approver,
        justification,
        ...(conditions.trim() ? { conditions } : {}),
        expires_on: expires,
      }),
    )
    if (!failed) return onClose()
    const next: Partial<Record<ReqField, string>> = {}
    for (const i of failed.issues) {
      const f = i.path[0]
      if ((f === 'approver_id' || f === 'justification' || f === 'conditions' || f === 'expires_on') && !next[f])
        next[f] =
          f === 'approver_id' && !approver
            ? 'Choose the approver.'
            : f === 'expires_on' && !expires
              ? 'Choose the expiry date.'
              : i.message
    }
    setErrors(next)
    if (Object.keys(next).length === 0) setError(failed)
  }

  return (
    <Dialog
      title={`${latest ? 'Renew acceptance' : 'Request acceptance'} – ${r.ref}`}
      submitLabel="Send request"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <ErrorBanner error={error} />
      <p className="muted">
        The approver accepts the residual risk as it stands now: version {r.version}, residual{' '}
        {r.bands.residual ? `${r.bands.residual.label} (${r.residual_score})` : 'not scored'}. A material change
        re-opens the acceptance.
      </p>
      <div className="field">
        <label htmlFor="acceptance-approver">Approver</label>
        <ApproverPicker
          id="acceptance-approver"
          riskId={r.id}
          value={approver}
          onChange={setApprover}
          invalid={!!errors.approver_id}
          describedBy={errors.approver_id ? 'acceptance-approver-error' : 'acceptance-approver-hint'}
        />
        <p className="hint" id="acceptance-approver-hint">
          One named person whose role may accept a risk of this residual band; never yourself.
        </p>
        <FieldError id="acceptance-approver" message={errors.approver_id} />
      </div>
      <div className="field">
        <label htmlFor="acceptance-justification">Justification</label>
        <textarea
          {...describedField('acceptance-justification', errors.justification, {
            hintId: 'acceptance-justification-count',
          })}
          rows={4}
          value={justification}
          onChange={(e) => setJustification(e.target.value)}
        />
        <p
          className={`hint counter${jl > 4000 || (jl > 0 && jl < 20) ? ' over' : ''}`}
          id="acceptance-justification-count"
        >
          Why the residual risk is tolerated. At least 20 characters. {count(jl)} / {count(4000)}
        </p>
        <FieldError id="acceptance-justification" message={errors.justification} />
      </div>
      <div className="field">
        <label htmlFor="acceptance-conditions">Conditions</label>
        <textarea
          {...describedField('acceptance-conditions', errors.conditions)}
          rows={2}
          value={conditions}
          onChange={(e) => setConditions(e.target.value)}
        />
        <FieldError id="acceptance-conditions" message={errors.conditions} />
      </div>
      <div className="field">
        <label htmlFor="acceptance-expires">Expiry date</label>
        <input
          {...describedField('acceptance-expires', errors.expires_on, { hintId: 'acceptance-expires-hint' })}
          type="date"
          min={utcToday()}
          value={expires}
          onChange={(e) => setExpires(e.target.value)}
        />
        <p className="hint" id="acceptance-expires-hint">
          After today, and within the longest acceptance period the administrator set.
        </p>
        <FieldError id="acceptance-expires" message={errors.expires_on} />
      </div>
    </Dialog>
  )
}

/**
 * The approvers the catalogue offers for this risk (riskAcceptance.approverOptions applies §12.3: authority of
 * the residual band, sees the risk, not the requester); the request still judges the choice when it is sent.
 */
const NO_PEOPLE: readonly { id: string; full_name: string; email: string }[] = []

function ApproverPicker(props: {
  id: string
  riskId: string
  value: string
  onChange: (id: string) => void
  invalid: boolean
  describedBy: string
}) {
  const { id, riskId, value, onChange, invalid, describedBy } = props
  const options = useLoad(useCallback(() => api.call('riskAcceptance.approverOptions', { risk_id: riskId }), [riskId]))
  const people = options.data?.items ?? NO_PEOPLE
  return (
    <select
      id={id}
      value={value}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      aria-busy={options.loading}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">
        {options.loading
          ? 'Loading people…'
          : people.length === 0
            ? 'Nobody may accept this risk'
            : 'Choose the approver…'}
      </option>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {person(p)}
        </option>
      ))}
    </select>
  )
}
