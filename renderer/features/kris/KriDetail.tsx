import { useCallback, useState } from 'react'
import { api } from '#renderer/api'
import { ErrorBanner, LocalTime, Page } from '#renderer/components/index'
import { InactiveBadge, KriStatusChip } from '#renderer/components/rcsa/index'
import { useLoad } from '#renderer/hooks/use-load'
import { SCREEN_PATHS } from '#renderer/router'
import { useFlash } from '#renderer/stores/flash'
import { KriOverdueBadge, LatestValue, Tabs } from './KriBits'
import { ConfirmDialog, DeactivateDialog, LinkRiskDialog } from './KriDialogs'
import { KriFormDialog } from './KriForm'
import { periodText, thresholdText } from './kri-logic'
import type { KriDetailData } from './kri-types'
import { BreachesTab, HistoryTab, LinkedRisksTab, ThresholdsTab, TrendTab, ValuesTab } from './KriTabs'
import { ThresholdsDialog } from './ThresholdsDialog'
import { ValueDialog, type ValueSaved } from './ValueDialog'

type Tab = 'trend' | 'values' | 'thresholds' | 'risks' | 'breaches' | 'history'
const TABS: { id: Tab; label: string }[] = [
  { id: 'trend', label: 'Trend' },
  { id: 'values', label: 'Values' },
  { id: 'thresholds', label: 'Thresholds' },
  { id: 'risks', label: 'Linked risks' },
  { id: 'breaches', label: 'Breaches' },
  { id: 'history', label: 'History' },
]

type Open =
  | { kind: 'record' }
  | { kind: 'correct'; periodStart?: string | undefined }
  | { kind: 'edit' }
  | { kind: 'thresholds' }
  | { kind: 'link' }
  | { kind: 'unlink'; risk: { id: string; ref: string } }
  | { kind: 'deactivate' }
  | { kind: 'reactivate' }
  | { kind: 'delete' }
  | null

/** The words after a value is saved: its status, and what the escalation did. */
function savedMessage(k: KriDetailData, s: ValueSaved): string {
  const what = 'previous' in s ? `Correction saved (version ${s.version_no})` : 'Value recorded'
  const parts = [
    `${what}: ${periodText(k.frequency, s.period_start)} is ${s.status.charAt(0)}${s.status.slice(1).toLowerCase()}.`,
  ]
  if (s.notified.length > 0) parts.push('The KRI owner and the risk officers were notified.')
  if (s.breach_measure_id) parts.push('A corrective measure was opened.')
  return parts.join(' ')
}

/** kris.md §12 KRI detail: header, actions by `permissions`, and the six tabs. */
export function KriDetail({ id }: { id: string }) {
  const load = useCallback(() => api.call('kri.get', { id }), [id])
  const detail = useLoad(load)
  const showAt = useFlash((s) => s.showAt)
  const [tab, setTab] = useState<Tab>('trend')
  const [open, setOpen] = useState<Open>(null)
  const [notice, setNotice] = useState<string | null>(null)
  // Bumped after every change so the tabs ask again.
  const [generation, setGeneration] = useState(0)
  const k = detail.data

  if (detail.error?.code === 'NOT_FOUND')
    return (
      <Page title="KRI not available">
        <p>This KRI does not exist or you do not have access to it.</p>
      </Page>
    )
  if (!k)
    return (
      <Page title="KRI">
        {detail.error ? (
          <ErrorBanner error={detail.error} onRetry={detail.reload} />
        ) : (
          <p className="muted" role="status">
            Loading KRI…
          </p>
        )}
      </Page>
    )

  const changed = (message: string) => {
    setOpen(null)
    setNotice(message)
    setGeneration((g) => g + 1)
    detail.reload()
  }
  const p = k.permissions
  const hasValues = k.current_period_start !== null
  const canCorrect = p.can_record && hasValues

  return (
    <Page
      title={`${k.ref} ${k.name}`}
      heading={
        <>
          <span className="heading-ref">{k.ref}</span> {k.name}
        </>
      }
    >
      <div className="detail-meta kri-meta">
        <KriStatusChip status={k.current_status} />
        {!k.is_active && <InactiveBadge {...(k.deactivation_reason ? { title: k.deactivation_reason } : {})} />}
        <KriOverdueBadge since={k.overdue_period_start} frequency={k.frequency} />
        <span>
          Latest:{' '}
          <LatestValue
            value={k.current_value}
            unit={k.unit}
            frequency={k.frequency}
            periodStart={k.current_period_start}
          />
        </span>
        <span>
          Unit: <strong>{k.unit}</strong>
        </span>
        <span>
          Frequency: <strong>{k.frequency_label}</strong>
          {k.weekdays_only && ' (weekdays)'}
        </span>
        <span>
          Direction: <strong>{k.direction_label}</strong>
        </span>
        <span>
          Owner: <strong>{k.owner?.full_name ?? '—'}</strong>
        </span>
        <span>
          Business unit: <strong>{k.business_unit.name}</strong>
        </span>
      </div>
      <dl className="facts facts-inline kri-facts">
        <div className="fact">
          <dt>Thresholds in force</dt>
          <dd>{thresholdText(k.thresholds)}</dd>
        </div>
        <div className="fact">
          <dt>First period</dt>
          <dd>{k.first_period_start}</dd>
        </div>
        <div className="fact">
          <dt>Grace days</dt>
          <dd>{k.grace_days}</dd>
        </div>
        <div className="fact">
          <dt>On Red</dt>
          <dd>{k.create_measure_on_red ? `Measure due in ${k.measure_due_days} days` : 'Notify only'}</dd>
        </div>
        {k.data_source && (
          <div className="fact">
            <dt>Data source</dt>
            <dd>{k.data_source}</dd>
          </div>
        )}
        {!k.is_active && (
          <div className="fact">
            <dt>Deactivated</dt>
            <dd>
              <LocalTime iso={k.deactivated_at} /> by {k.deactivated_by?.full_name ?? '—'}: {k.deactivation_reason}
            </dd>
          </div>
        )}
      </dl>
      {k.description && <p className="prewrap kri-description">{k.description}</p>}
      {k.overdue_count > 0 && (
        <p className="banner banner-error">
          {k.overdue_count} overdue period{k.overdue_count === 1 ? '' : 's'}:{' '}
          {k.overdue_periods.map((o) => `${periodText(k.frequency, o.period_start)} (due ${o.deadline})`).join(', ')}
          {k.overdue_count > k.overdue_periods.length ? ' …' : ''}
        </p>
      )}
      {notice && (
        <p className="banner banner-success" role="status">
          {notice}
        </p>
      )}
      {(p.can_record || p.can_edit || p.can_set_thresholds || p.can_delete) && (
        <div className="action-bar" role="group" aria-label="KRI actions">
          {p.can_record && (
            <button type="button" className="button-primary" onClick={() => setOpen({ kind: 'record' })}>
              Record value
            </button>
          )}
          {canCorrect && (
            <button type="button" className="button-secondary" onClick={() => setOpen({ kind: 'correct' })}>
              Correct value
            </button>
          )}
          {p.can_edit && (
            <button type="button" className="button-secondary" onClick={() => setOpen({ kind: 'edit' })}>
              Edit
            </button>
          )}
          {p.can_set_thresholds && (
            <button type="button" className="button-secondary" onClick={() => setOpen({ kind: 'thresholds' })}>
              Set thresholds
            </button>
          )}
          {p.can_edit && (
            <button type="button" className="button-secondary" onClick={() => setOpen({ kind: 'link' })}>
              Link risk
            </button>
          )}
          {p.can_edit &&
            (k.is_active ? (
              <button type="button" className="button-danger-outline" onClick={() => setOpen({ kind: 'deactivate' })}>
                Deactivate
              </button>
            ) : (
              <button type="button" className="button-secondary" onClick={() => setOpen({ kind: 'reactivate' })}>
                Reactivate
              </button>
            ))}
          {p.can_delete && (
            <button type="button" className="button-danger-outline" onClick={() => setOpen({ kind: 'delete' })}>
              Delete
            </button>
          )}
        </div>
      )}
      <Tabs label="KRI sections" idPrefix="kri" tabs={TABS} selected={tab} onSelect={setTab}>
        {tab === 'trend' && <TrendTab key={generation} kri={k} />}
        {tab === 'values' && (
          <ValuesTab
            kri={k}
            refresh={generation}
            onCorrect={p.can_record ? (periodStart) => setOpen({ kind: 'correct', periodStart }) : undefined}
          />
        )}
        {tab === 'thresholds' && <ThresholdsTab kri={k} refresh={generation} />}
        {tab === 'risks' && (
          <LinkedRisksTab
            kri={k}
            canEdit={p.can_edit}
            onLink={() => setOpen({ kind: 'link' })}
            onUnlink={(risk) => setOpen({ kind: 'unlink', risk })}
          />
        )}
        {tab === 'breaches' && <BreachesTab key={generation} kri={k} />}
        {tab === 'history' && <HistoryTab key={generation} kri={k} />}
      </Tabs>

      {(open?.kind === 'record' || open?.kind === 'correct') && (
        <ValueDialog
          kriId={k.id}
          mode={open.kind}
          periodStart={open.kind === 'correct' ? open.periodStart : undefined}
          onClose={() => setOpen(null)}
          onSaved={(s) => changed(savedMessage(k, s))}
        />
      )}
      {open?.kind === 'edit' && (
        <KriFormDialog kri={k} onClose={() => setOpen(null)} onSaved={() => changed(`${k.ref} saved.`)} />
      )}
      {open?.kind === 'thresholds' && <ThresholdsDialog kri={k} onClose={() => setOpen(null)} onSaved={changed} />}
      {open?.kind === 'link' && <LinkRiskDialog kri={k} onClose={() => setOpen(null)} onDone={changed} />}
      {open?.kind === 'unlink' && (
        <ConfirmDialog
          title={`Unlink ${open.risk.ref}`}
          text={`${open.risk.ref} will no longer be linked to ${k.ref}.`}
          submitLabel="Unlink"
          run={async () => {
            await api.call('kri.unlinkRisk', { kri_id: k.id, risk_id: open.risk.id })
            return `${open.risk.ref} unlinked.`
          }}
          onClose={() => setOpen(null)}
          onDone={changed}
        />
      )}
      {open?.kind === 'deactivate' && <DeactivateDialog kri={k} onClose={() => setOpen(null)} onDone={changed} />}
      {open?.kind === 'reactivate' && (
        <ConfirmDialog
          title={`Reactivate ${k.ref}`}
          text="The KRI takes values again from today; periods due before today do not become overdue."
          submitLabel="Reactivate"
          run={async () => {
            await api.call('kri.reactivate', { id: k.id, expected_version: k.version })
            return `${k.ref} reactivated.`
          }}
          onClose={() => setOpen(null)}
          onDone={changed}
        />
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${k.ref}`}
          text="The KRI, its thresholds and its risk links are deleted. This cannot be undone."
          submitLabel="Delete KRI"
          danger
          run={async () => {
            await api.call('kri.delete', { id: k.id, expected_version: k.version })
            return `${k.ref} deleted.`
          }}
          onClose={() => setOpen(null)}
          onDone={(message) => {
            setOpen(null)
            showAt(SCREEN_PATHS.kris, message)
          }}
        />
      )}
    </Page>
  )
}
