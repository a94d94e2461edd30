import { useCallback, useState, type ReactNode } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { Badge, Dialog, ErrorBanner, Page } from '#renderer/components/index'
import { useLoad } from '#renderer/hooks/use-load'
import { FrameworkForm } from './FrameworkForm'
import type { FrameworkRow } from './types'

/**
 * controls.md §11 "Frameworks (settings)" (admin): the frameworks controls reference, with their clause pattern and
 * example. Deactivating keeps every existing reference and blocks new ones; nothing is deleted.
 */
export function FrameworkSettings() {
  const load = useCallback(() => api.call('framework.list', {}), [])
  const { data, error, reload } = useLoad(load)
  const [last, setLast] = useState<readonly FrameworkRow[] | null>(null)
  const [editing, setEditing] = useState<FrameworkRow | 'new' | null>(null)
  const [deactivating, setDeactivating] = useState<FrameworkRow | null>(null)
  const [banner, setBanner] = useState<ApiError | null>(null)
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  // The previous list stays on screen while a reload runs, so an open form is not unmounted.
  if (data && data.items !== last) setLast(data.items)
  const items = data?.items ?? last

  const setActive = async (f: FrameworkRow, active: boolean) => {
    setBusy(true)
    setBanner(null)
    setStatus('')
    try {
      await api.call('framework.update', { id: f.id, changes: { is_active: { before: f.is_active, after: active } } })
      setStatus(active ? `Framework ${f.code} reactivated.` : `Framework ${f.code} deactivated.`)
      setDeactivating(null)
      reload()
    } catch (e) {
      setDeactivating(null)
      setBanner(toApiError(e))
    } finally {
      setBusy(false)
    }
  }
  const saved = (message: string) => {
    setEditing(null)
    setStatus(message)
    reload()
  }

  return (
    <Page
      title="Frameworks"
      actions={
        <button
          type="button"
          className="button-primary"
          onClick={() => {
            setStatus('')
            setEditing('new')
          }}
        >
          New framework
        </button>
      }
    >
      <p className="lead">
        Frameworks and regulations that controls reference. The clause pattern checks every clause code typed on a
        control; the example is shown when a code does not match.
      </p>
      <ErrorBanner error={error} onRetry={reload} />
      <ErrorBanner error={banner} />
      <p className="settings-status muted" role="status">
        {status}
      </p>
      {editing === 'new' && <FrameworkForm key="new" initial={null} onClose={() => setEditing(null)} onSaved={saved} />}
      {!items && !error && (
        <p className="muted" role="status">
          Loading frameworks…
        </p>
      )}
      {items && (
        <div className="table-wrap rcsa-frameworks">
          <table className="data">
            <caption className="visually-hidden">Frameworks</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Name</th>
                <th scope="col">Clause pattern</th>
                <th scope="col">Example</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((f) => (
                <FrameworkLine
                  key={f.id}
                  framework={f}
                  busy={busy}
                  editing={editing !== 'new' && editing?.id === f.id}
                  onEdit={() => {
                    setStatus('')
                    setEditing(f)
                  }}
                  onDeactivate={() => setDeactivating(f)}
                  onReactivate={() => void setActive(f, true)}
                  form={<FrameworkForm key={f.id} initial={f} onClose={() => setEditing(null)} onSaved={saved} />}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deactivating && (
        <Dialog
          title={`Deactivate ${deactivating.code}`}
          submitLabel="Deactivate"
          danger
          busy={busy}
          onClose={() => setDeactivating(null)}
          onSubmit={() => void setActive(deactivating, false)}
        >
          <p>
            {`Controls keep their existing references to ${deactivating.name}, but no new reference to it can be added. You can reactivate it later.`}
          </p>
        </Dialog>
      )}
    </Page>
  )
}

type LineProps = {
  framework: FrameworkRow
  busy: boolean
  editing: boolean
  form: ReactNode
  onEdit: () => void
  onDeactivate: () => void
  onReactivate: () => void
}

function FrameworkLine({ framework: f, busy, editing, form, onEdit, onDeactivate, onReactivate }: LineProps) {
  return (
    <>
      <tr className={f.is_active ? undefined : 'row-inactive'}>
        <td className="rcsa-code nowrap">{f.code}</td>
        <td>{f.name}</td>
        <td className="rcsa-pattern">{f.clause_pattern ?? <span className="muted">Any clause</span>}</td>
        <td className="rcsa-code nowrap">{f.clause_example ?? <span className="muted">—</span>}</td>
        <td>{f.is_active ? <Badge tone="info">Active</Badge> : <Badge tone="warning">Inactive</Badge>}</td>
        <td className="nowrap">
          <button type="button" className="button-secondary button-small" disabled={busy} onClick={onEdit}>
            Edit<span className="visually-hidden">{` ${f.code}`}</span>
          </button>{' '}
          {f.is_active ? (
            <button type="button" className="button-secondary button-small" disabled={busy} onClick={onDeactivate}>
              Deactivate<span className="visually-hidden">{` ${f.code}`}</span>
            </button>
          ) : (
            <button type="button" className="button-secondary button-small" disabled={busy} onClick={onReactivate}>
              Reactivate<span className="visually-hidden">{` ${f.code}`}</span>
            </button>
          )}
        </td>
      </tr>
      {editing && (
        <tr className="row-details">
          <td colSpan={6}>{form}</td>
        </tr>
      )}
    </>
  )
}
