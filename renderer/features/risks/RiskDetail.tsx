import { useEffect, useState } from 'react'
import { ErrorBanner, Page } from '#renderer/components/index'
import { navigate, riskPath, useHash } from '#renderer/router'
import { AcceptancePanel } from './Acceptance'
import { AssessmentTab } from './AssessmentTab'
import { ControlsTab } from './ControlsTab'
import { HistoryTab } from './HistoryTab'
import { IncidentsTab, KrisTab, MeasuresTab } from './LinkedTabs'
import { NotesTab } from './NotesTab'
import { useRiskDetail } from './risk-store'
import type { RiskDetail as Detail } from './risk-types'
import { RiskActions } from './RiskActions'
import { RiskAcceptanceBadge, RiskStatusChip, ScoreChip } from './RiskBits'

const TABS = ['assessment', 'controls', 'incidents', 'measures', 'kris', 'acceptance', 'notes', 'history'] as const
type Tab = (typeof TABS)[number]

/** `#/risks/<id>/<tab>`: a notification's action_route (`…/acceptance`) or a reload keeps the tab. */
function tabOf(hash: string): Tab {
  const name = hash.split('?')[0]?.split('/')[3] ?? ''
  return (TABS as readonly string[]).includes(name) ? (name as Tab) : 'assessment'
}

function tabLabel(t: Tab, r: Detail): string {
  switch (t) {
    case 'assessment':
      return 'Assessment'
    case 'controls':
      return `Controls (${r.control_count})`
    case 'incidents':
      return `Incidents (${r.incident_count})`
    case 'measures':
      return `Measures (${r.measure_count})`
    case 'kris':
      return `KRIs (${r.kri_count})`
    case 'acceptance':
      return 'Acceptance'
    case 'notes':
      return 'Notes'
    case 'history':
      return 'History'
  }
}

/** risks.md §15 "Risk detail": header, warnings, the viewer's actions, and the eight tabs. */
export function RiskDetail({ id }: { id: string }) {
  const open = useRiskDetail((s) => s.open)
  const reload = useRiskDetail((s) => s.reload)
  const r = useRiskDetail((s) => (s.id === id ? s.risk : null))
  const loadError = useRiskDetail((s) => (s.id === id ? s.loadError : null))
  const warnings = useRiskDetail((s) => (s.id === id ? s.warnings : null))
  const dismiss = useRiskDetail((s) => s.dismissWarnings)
  const tab = tabOf(useHash())
  const [editing, setEditing] = useState(false)
  const [requesting, setRequesting] = useState(false)
  useEffect(() => {
    void open(id)
  }, [open, id])

  const go = (t: Tab) => navigate(t === 'assessment' ? riskPath(id) : `${riskPath(id)}/${t}`, { replace: true })

  if (loadError?.code === 'NOT_FOUND')
    return (
      <Page title="Risk not available">
        <p>This risk does not exist or you do not have access to it.</p>
      </Page>
    )
  if (!r)
    return (
      <Page title="Risk">
        {loadError ? (
          <ErrorBanner error={loadError} onRetry={() => void reload()} />
        ) : (
          <p className="muted" role="status">
            Loading risk…
          </p>
        )}
      </Page>
    )

  const shownWarnings = [...new Set([...(warnings ?? []), ...r.warnings])]

  return (
    <Page
      title={r.ref}
      heading={
        <>
          <span className="heading-ref">Risk</span> {r.ref}
        </>
      }
    >
      <p className="risk-title">{r.title}</p>
      <div className="detail-meta">
        <RiskStatusChip status={r.status} label={r.status_label} />
        <span>
          Inherent <ScoreChip score={r.inherent_score} band={r.bands.inherent} />
        </span>
        <span>
          Residual <ScoreChip score={r.residual_score} band={r.bands.residual} />
        </span>
        <RiskAcceptanceBadge badge={r.acceptance_badge} />
        <span>
          Matrix v{r.matrix.version}
          {r.matrix.is_current ? '' : ' (not current)'}
        </span>
        <span>
          {r.business_unit_name} · owner <strong>{r.owner?.full_name || r.owner?.email}</strong>
        </span>
      </div>
      <ErrorBanner error={loadError} onRetry={() => void reload()} />
      {shownWarnings.length > 0 && (
        <div className="banner banner-warning" role="status">
          <ul className="plain-list">
            {shownWarnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          {warnings && warnings.length > 0 && (
            <button type="button" className="button-secondary button-small" onClick={dismiss}>
              Dismiss
            </button>
          )}
        </div>
      )}
      <RiskActions
        risk={r}
        onEdit={() => {
          setEditing(true)
          go('assessment')
        }}
        onRequestAcceptance={() => {
          setRequesting(true)
          go('acceptance')
        }}
      />
      <div className="tabs" role="tablist" aria-label="Risk sections">
        {TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`risk-tab-${t}`}
            aria-selected={tab === t}
            aria-controls={`risk-panel-${t}`}
            onClick={() => go(t)}
          >
            {tabLabel(t, r)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`risk-panel-${tab}`} aria-labelledby={`risk-tab-${tab}`}>
        {tab === 'assessment' && <AssessmentTab risk={r} editing={editing} onDone={() => setEditing(false)} />}
        {tab === 'controls' && <ControlsTab risk={r} />}
        {tab === 'incidents' && <IncidentsTab risk={r} />}
        {tab === 'measures' && <MeasuresTab risk={r} />}
        {tab === 'kris' && <KrisTab risk={r} />}
        {tab === 'acceptance' && <AcceptancePanel risk={r} requesting={requesting} onRequest={setRequesting} />}
        {tab === 'notes' && <NotesTab risk={r} />}
        {tab === 'history' && <HistoryTab risk={r} />}
      </div>
    </Page>
  )
}
