import { useState } from 'react'
import { api, toApiError } from '#renderer/api'
import { ErrorBanner, Page, RecordHistory, TextDialog } from '#renderer/components/index'
import { ControlBadges } from './ControlBits'
import { ControlFormDialog } from './ControlFormDialog'
import { DetailsTab } from './DetailsTab'
import { EvidencePanel } from './EvidencePanel'
import { FrameworkRefsTab } from './FrameworkRefsTab'
import { controlActionWords } from './labels'
import { LinkedRisksTab } from './LinkedRisksTab'
import { TestsTab } from './TestsTab'
import { useControl } from './use-control'

type Tab = 'details' | 'frameworks' | 'risks' | 'evidence' | 'tests' | 'history'

/** controls.md §11 "Control detail": header with badges, actions, and the six tabs. No Delete anywhere. */
export function ControlDetail({ id }: { id: string }) {
  const { data: c, error, reload, generation } = useControl(id)
  const [tab, setTab] = useState<Tab>('details')
  const [dialog, setDialog] = useState<'edit' | 'deactivate' | null>(null)
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState<ReturnType<typeof toApiError> | null>(null)

  if (error?.code === 'NOT_FOUND' && !c)
    return (
      <Page title="Control not available">
        <p>This control does not exist or you do not have access to it.</p>
      </Page>
    )
  if (!c)
    return (
      <Page title="Control">
        {error ? (
          <ErrorBanner error={error} onRetry={reload} />
        ) : (
          <p className="muted" role="status">
            Loading control…
          </p>
        )}
      </Page>
    )

  const p = c.permissions
  const reactivate = async () => {
    setBusy(true)
    setActionError(null)
    try {
      await api.call('control.reactivate', { id: c.id, expected_version: c.version })
      reload()
    } catch (e) {
      setActionError(toApiError(e))
    } finally {
      setBusy(false)
    }
  }
  const deactivate = async (reason: string) => {
    setBusy(true)
    try {
      await api.call('control.deactivate', { id: c.id, expected_version: c.version, reason })
      reload()
      return null
    } catch (e) {
      return toApiError(e)
    } finally {
      setBusy(false)
    }
  }

  const tabs: { key: Tab; label: string }[] = [
    { key: 'details', label: 'Details' },
    { key: 'frameworks', label: `Framework references (${c.framework_refs.length})` },
    { key: 'risks', label: `Linked risks (${c.linked_risks_count})` },
    { key: 'evidence', label: `Evidence (${c.evidence_summary.records})` },
    { key: 'tests', label: 'Tests' },
    { key: 'history', label: 'History' },
  ]
  const deactivateHint = c.deactivate_disabled_reason ?? undefined

  return (
    <Page
      title={`${c.ref} ${c.title}`}
      heading={
        <>
          <span className="heading-ref">{c.ref}</span> {c.code && <span className="control-code">{c.code}</span>}{' '}
          {c.title}
        </>
      }
    >
      <div className="detail-meta">
        <ControlBadges c={c} />
        <span>
          Owner: <strong>{c.owner?.full_name ?? '—'}</strong>
        </span>
        <span>
          Business unit: <strong>{c.business_unit.name}</strong>
        </span>
        <span>
          Linked risks: <strong>{c.active_risks_count}</strong> ACTIVE of <strong>{c.linked_risks_count}</strong>
        </span>
      </div>
      {(p.can_edit || p.can_reactivate) && (
        <div className="action-bar" role="group" aria-label="Control actions">
          {p.can_edit && (
            <button type="button" className="button-secondary" onClick={() => setDialog('edit')}>
              Edit
            </button>
          )}
          {p.can_edit && c.is_active && (
            <span className="action">
              <button
                type="button"
                className="button-danger-outline"
                disabled={!p.can_deactivate || busy}
                title={p.can_deactivate ? undefined : deactivateHint}
                aria-describedby={p.can_deactivate ? undefined : 'deactivate-hint'}
                onClick={() => setDialog('deactivate')}
              >
                Deactivate
              </button>
              {!p.can_deactivate && deactivateHint && (
                <span className="action-hint" id="deactivate-hint">
                  {deactivateHint}
                </span>
              )}
            </span>
          )}
          {p.can_reactivate && (
            <button type="button" className="button-secondary" disabled={busy} onClick={() => void reactivate()}>
              Reactivate
            </button>
          )}
        </div>
      )}
      <ErrorBanner error={actionError} />
      {!c.is_active && (
        <p className="banner banner-info">
          Inactive since {c.deactivated_at?.slice(0, 10) ?? '—'}
          {c.deactivated_by ? ` (by ${c.deactivated_by.full_name})` : ''}: {c.deactivation_reason ?? ''} It takes no new
          links, evidence or tests.
        </p>
      )}
      <div className="tabs" role="tablist" aria-label="Control sections">
        {tabs.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`tab-${t.key}`}
            aria-selected={tab === t.key}
            aria-controls={`panel-${t.key}`}
            onClick={() => setTab(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'details' && <DetailsTab control={c} />}
        {tab === 'frameworks' && <FrameworkRefsTab control={c} onChanged={reload} />}
        {tab === 'risks' && <LinkedRisksTab control={c} onChanged={reload} />}
        {tab === 'evidence' && <EvidencePanel control={c} generation={generation} onChanged={reload} />}
        {tab === 'tests' && <TestsTab control={c} generation={generation} onChanged={reload} />}
        {tab === 'history' && (
          <RecordHistory key={generation} entityType="control" entityId={c.id} words={controlActionWords} />
        )}
      </div>
      {dialog === 'edit' && <ControlFormDialog control={c} onClose={() => setDialog(null)} onSaved={reload} />}
      {dialog === 'deactivate' && (
        <TextDialog
          title={`Deactivate ${c.ref}`}
          label="Reason"
          submitLabel="Deactivate"
          min={10}
          max={1000}
          danger
          busy={busy}
          note="The control stays in the library, read-only for its existing links; it takes no new links, evidence or tests."
          onSubmit={deactivate}
          onClose={() => setDialog(null)}
        />
      )}
    </Page>
  )
}
