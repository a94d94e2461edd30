import { useEffect, useState } from 'react'
import { ErrorBanner, Page } from '#renderer/components/index'
import { Deadline, MeasureStatusChip } from './MeasureBits'
import { MeasureActions } from './MeasureActions'
import { MeasureFields } from './MeasureFields'
import { MeasureHistory } from './MeasureHistory'
import { useMeasureDetail } from './measure-store'
import { LinkedRecords } from './LinkedIncidents'
import { NotesTimeline } from './NotesTimeline'

type Tab = 'overview' | 'history'

/** measures §14 "Measure detail": header, actions, inline fields, notes timeline, links, closure and history. */
export function MeasureDetail({ id }: { id: string }) {
  const open = useMeasureDetail((s) => s.open)
  const reload = useMeasureDetail((s) => s.reload)
  const m = useMeasureDetail((s) => (s.id === id ? s.measure : null))
  const loadError = useMeasureDetail((s) => (s.id === id ? s.loadError : null))
  const [tab, setTab] = useState<Tab>('overview')
  useEffect(() => {
    void open(id)
  }, [open, id])

  if (loadError?.code === 'NOT_FOUND')
    return (
      <Page title="Measure not available">
        <p>This measure does not exist or you do not have access to it.</p>
      </Page>
    )
  if (!m)
    return (
      <Page title="Measure">
        {loadError ? (
          <ErrorBanner error={loadError} onRetry={() => void reload()} />
        ) : (
          <p className="muted" role="status">
            Loading measure…
          </p>
        )}
      </Page>
    )

  return (
    <Page
      title={m.ref}
      heading={
        <>
          <span className="heading-ref">Measure</span> {m.ref}
        </>
      }
    >
      <div className="detail-meta">
        <MeasureStatusChip code={m.status.code} name={m.status.name} />
        <span>
          Responsible: <strong>{m.responsible.full_name || m.responsible.email}</strong>
        </span>
        <span>
          Deadline: <Deadline date={m.deadline} overdue={m.is_overdue} />
        </span>
        <span>
          You act as: <strong>{m.contextual_role_name}</strong>
        </span>
      </div>
      <ErrorBanner error={loadError} onRetry={() => void reload()} />
      <MeasureActions measure={m} />
      <div className="tabs" role="tablist" aria-label="Measure sections">
        <button
          type="button"
          role="tab"
          id="tab-overview"
          aria-selected={tab === 'overview'}
          aria-controls="panel-overview"
          onClick={() => setTab('overview')}
        >
          Overview
        </button>
        <button
          type="button"
          role="tab"
          id="tab-history"
          aria-selected={tab === 'history'}
          aria-controls="panel-history"
          onClick={() => setTab('history')}
        >
          History
        </button>
      </div>
      {tab === 'overview' ? (
        <div role="tabpanel" id="panel-overview" aria-labelledby="tab-overview">
          <MeasureFields key={m.id} measure={m} />
          {m.closure_comment && (
            <section className="panel closure" aria-labelledby="closure-title">
              <h2 id="closure-title">Closure comment</h2>
              <p className="prewrap">{m.closure_comment}</p>
            </section>
          )}
          <NotesTimeline measure={m} />
          <LinkedRecords measure={m} />
        </div>
      ) : (
        <div role="tabpanel" id="panel-history" aria-labelledby="tab-history">
          <MeasureHistory key={m.version} measureId={m.id} />
        </div>
      )}
    </Page>
  )
}
