import { useCallback, useEffect, useState } from 'react'
import { v7 } from 'uuid'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, Page } from '#renderer/components/index'
import { defaultVersionId } from './matrix-labels'
import { MatrixDraftEditor } from './MatrixDraftEditor'
import { MatrixVersions } from './MatrixVersions'
import { MatrixVersionView } from './MatrixVersionView'
import type { MatrixVersionRow } from './types'

const NONE: readonly MatrixVersionRow[] = []

/**
 * risks.md §15 "Risk matrix (settings)" (admin): the versions, the draft editor with its live 5×5 preview, and
 * the read-only view of published and superseded versions.
 */
export function RiskMatrixSettings() {
  const [items, setItems] = useState<readonly MatrixVersionRow[] | null>(null)
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map())
  const [error, setError] = useState<ApiError | null>(null)
  const [banner, setBanner] = useState<ApiError | null>(null)
  const [status, setStatus] = useState('')
  const [selected, setSelected] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const [creating, setCreating] = useState(false)

  // The list stays on screen while a reload runs, so a save's reload never unmounts the editor.
  useEffect(() => {
    let current = true
    api.call('riskMatrix.list', {}).then(
      (answer) => {
        if (!current) return
        setItems(answer.items)
        setError(null)
        setSelected((s) => (s && answer.items.some((v) => v.id === s) ? s : defaultVersionId(answer.items)))
      },
      (e: unknown) => current && setError(toApiError(e)),
    )
    return () => {
      current = false
    }
  }, [version])
  // Publishers are administrators; a name that cannot be resolved shows as "another administrator".
  useEffect(() => {
    let current = true
    api.call('user.list', { role: 'admin', limit: 100 }).then(
      (answer) => current && setNames(new Map(answer.items.map((u) => [u.id, u.full_name]))),
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [])
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  const userName = (id: string | null) => (id ? (names.get(id) ?? 'Another administrator') : '—')

  const list = items ?? NONE
  const draft = list.find((v) => v.status === 'DRAFT')
  const shown = list.find((v) => v.id === selected)

  const newDraft = async () => {
    setCreating(true)
    setBanner(null)
    setStatus('')
    try {
      const answer = await api.call('riskMatrix.createDraft', { id: v7() })
      setSelected(answer.id)
      setStatus(`Draft version ${answer.version} created from the published version.`)
      reload()
    } catch (e) {
      setBanner(toApiError(e))
    } finally {
      setCreating(false)
    }
  }
  const finished = (message: string, openId: string | null) => {
    setStatus(message)
    setSelected(openId)
    reload()
  }

  return (
    <Page
      title="Risk matrix"
      actions={
        <button
          type="button"
          className="button-primary"
          disabled={creating || !items || draft !== undefined}
          title={draft ? `Version ${draft.version} is already a draft.` : undefined}
          onClick={() => void newDraft()}
        >
          New draft
        </button>
      }
    >
      <p className="lead">
        Likelihood and impact scales, score bands and their colours. Changes are made in a draft and take effect for new
        risks when the draft is published. Every change is recorded in the audit trail.
      </p>
      <ErrorBanner error={error} onRetry={reload} />
      <ErrorBanner error={banner} />
      <p className="settings-status muted" role="status">
        {status}
      </p>
      {!items && !error && (
        <p className="muted" role="status">
          Loading matrix versions…
        </p>
      )}
      {items && (
        <div className="settings">
          <MatrixVersions items={list} selectedId={selected} userName={userName} onOpen={setSelected} />
          {shown?.status === 'DRAFT' && (
            <MatrixDraftEditor
              key={shown.id}
              version={shown}
              onSaved={reload}
              onPublished={(m) => finished(m, shown.id)}
              onDeleted={(m) => finished(m, null)}
            />
          )}
          {shown && shown.status !== 'DRAFT' && <MatrixVersionView key={shown.id} version={shown} />}
        </div>
      )}
    </Page>
  )
}
