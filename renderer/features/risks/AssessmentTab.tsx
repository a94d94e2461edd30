import { useCallback, type ReactNode } from 'react'
import { api } from '#renderer/api'
import { ErrorBanner, LocalTime } from '#renderer/components/index'
import { EvidenceBadge, InactiveBadge, TestResultBadge } from '#renderer/components/rcsa/index'
import { useLoad } from '#renderer/hooks/use-load'
import { formatDate } from '#renderer/lib/time'
import { person } from './labels'
import { changesOf, valuesOf } from './risk-form'
import { useRiskDetail } from './risk-store'
import type { RiskDetail } from './risk-types'
import { evidenceOf, ScoreChip, testResultOf } from './RiskBits'
import { RiskForm } from './RiskForm'

type Props = { risk: RiskDetail; editing: boolean; onDone: () => void }

/** risks.md §15 Assessment tab: the §2.1 fields, and the edit form when the viewer chose Edit. */
export function AssessmentTab({ risk: r, editing, onDone }: Props) {
  return editing && r.permissions.can_edit ? <EditRisk risk={r} onDone={onDone} /> : <AssessmentFacts risk={r} />
}

const levelLabel = (levels: readonly { level: number; label: string }[], n: number | null) =>
  n === null ? '—' : `${n} ${levels.find((l) => l.level === n)?.label ?? ''}`.trim()

function AssessmentFacts({ risk: r }: { risk: RiskDetail }) {
  const m = r.matrix
  return (
    <>
      <section className="panel" aria-labelledby="risk-what">
        <h2 id="risk-what">The risk</h2>
        <p className="prewrap">{r.description}</p>
        <dl className="facts">
          <Fact term="Category">{r.risk_category_name ?? r.risk_category_id}</Fact>
          <Fact term="Basel event type">
            {r.basel_event_type_id ? `${r.basel_event_type_id} ${r.basel_event_type_name ?? ''}` : 'Not classified yet'}
          </Fact>
          <Fact term="Business unit">{r.business_unit_name ?? '—'}</Fact>
          <Fact term="Owner">{person(r.owner)}</Fact>
          <Fact term="Business process">{r.business_process_name ?? '—'}</Fact>
          <Fact term="Product">{r.product_name ?? '—'}</Fact>
        </dl>
      </section>
      <div className="risk-score-panels">
        <section className="panel" aria-labelledby="risk-inherent">
          <h2 id="risk-inherent">Inherent risk</h2>
          <p>
            <ScoreChip score={r.inherent_score} band={r.bands.inherent} />
          </p>
          <dl className="facts">
            <Fact term="Likelihood">{levelLabel(m.likelihood_levels, r.inherent_likelihood)}</Fact>
            <Fact term="Impact">{levelLabel(m.impact_levels, r.inherent_impact)}</Fact>
          </dl>
          <Justification text={r.inherent_justification} />
        </section>
        <section className="panel" aria-labelledby="risk-residual">
          <h2 id="risk-residual">Residual risk</h2>
          <p>
            <ScoreChip score={r.residual_score} band={r.bands.residual} />
          </p>
          <dl className="facts">
            <Fact term="Likelihood">{levelLabel(m.likelihood_levels, r.residual_likelihood)}</Fact>
            <Fact term="Impact">{levelLabel(m.impact_levels, r.residual_impact)}</Fact>
          </dl>
          <Justification text={r.residual_justification} />
        </section>
      </div>
      <section className="panel" aria-labelledby="risk-workflow">
        <h2 id="risk-workflow">Review and workflow</h2>
        <dl className="facts">
          <Fact term="Next review">{r.next_review_date ? formatDate(r.next_review_date) : '—'}</Fact>
          <Fact term="Matrix">
            Version {m.version} ({m.name}){m.is_current ? '' : ' – not the current version'}
          </Fact>
          <Fact term="Submitted">
            <Stamp at={r.submitted_for_review_at} who={r.submitted_by_user} />
          </Fact>
          <Fact term="Validated">
            <Stamp at={r.validated_at} who={r.validated_by_user} />
          </Fact>
          {r.retired_at && (
            <Fact term="Retired">
              <Stamp at={r.retired_at} who={r.retired_by_user} />
            </Fact>
          )}
          <Fact term="Created">
            <Stamp at={r.created_at} who={r.created_by_user} />
          </Fact>
          <Fact term="Updated">
            <Stamp at={r.updated_at} who={r.updated_by_user} />
          </Fact>
        </dl>
        {r.retirement_reason && (
          <p className="prewrap">
            <strong>Retirement reason:</strong> {r.retirement_reason}
          </p>
        )}
      </section>
    </>
  )
}

function Justification({ text }: { text: string | null }) {
  return text ? <p className="prewrap risk-justification">{text}</p> : <p className="muted">No justification given.</p>
}

function Stamp({ at, who }: { at: string | null; who: { full_name: string; email: string } | null }) {
  if (!at) return <>—</>
  return (
    <>
      <LocalTime iso={at} />
      {who ? ` · ${who.full_name || who.email}` : ''}
    </>
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

/** The edit form over the stored risk; only changed editable fields are sent, each with its base value. */
function EditRisk({ risk: r, onDone }: { risk: RiskDetail; onDone: () => void }) {
  const run = useRiskDetail((s) => s.run)
  const busy = useRiskDetail((s) => s.busy)
  const options = useLoad(useCallback(() => api.call('risk.formOptions', {}), []))
  if (!options.data)
    return options.error ? (
      <ErrorBanner error={options.error} onRetry={options.reload} />
    ) : (
      <p className="muted" role="status">
        Loading the form…
      </p>
    )
  const initial = valuesOf(r)
  return (
    <RiskForm
      key={r.version}
      options={options.data}
      initial={initial}
      editable={r.editable_fields}
      matrix={r.matrix}
      lockTip={`Locked in ${r.status_label} for your role`}
      names={{
        risk_category_id: r.risk_category_name ?? r.risk_category_id,
        basel_event_type_id: r.basel_event_type_id ? `${r.basel_event_type_id} ${r.basel_event_type_name ?? ''}` : '',
        business_unit_id: r.business_unit_name ?? r.business_unit_id,
        owner_id: person(r.owner),
        business_process_id: r.business_process_name ?? '',
        product_id: r.product_name ?? '',
      }}
      currentOwner={r.owner}
      residualAside={<ControlsAside risk={r} />}
      submitLabel="Save changes"
      busy={busy}
      onSubmit={async (values) => {
        const changes = changesOf(initial, values, r.editable_fields)
        if (Object.keys(changes).length === 0) {
          onDone()
          return null
        }
        const failed = await run(() => api.call('risk.update', { id: r.id, changes }))
        if (!failed) onDone()
        return failed
      }}
      onCancel={onDone}
    />
  )
}

/** §3.1: what the residual assessment reads — the linked controls' design effectiveness, last test, evidence. */
function ControlsAside({ risk: r }: { risk: RiskDetail }) {
  const controls = r.linked.controls
  return (
    <aside className="risk-controls-aside" aria-labelledby="risk-aside-title">
      <h3 id="risk-aside-title">Linked controls</h3>
      {controls.length === 0 ? (
        <p className="muted">No control is linked yet.</p>
      ) : (
        <ul className="link-list">
          {controls.map((c) => (
            <li key={c.id}>
              <span className="mono">{c.code ?? c.ref}</span> {c.title}{' '}
              <span className="muted">
                {c.effectiveness === null ? 'effectiveness not rated' : `effectiveness ${c.effectiveness}/5`}
              </span>{' '}
              <TestResultBadge result={testResultOf(c.last_test_result)} />{' '}
              <EvidenceBadge status={evidenceOf(c.evidence_status)} />
              {!c.is_active && <InactiveBadge />}
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}
