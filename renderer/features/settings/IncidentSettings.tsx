import { useCallback, useEffect, useState } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, Page } from '#renderer/components/index'
import { EditableFieldsMatrix } from './EditableFieldsMatrix'
import { RequiredFieldsMatrix } from './RequiredFieldsMatrix'
import { RoutingRules } from './RoutingRules'
import { SimplifiedTypes } from './SimplifiedTypes'
import { SlaForm } from './SlaForm'
import { TransitionMatrix } from './TransitionMatrix'
import type { IncidentConfig } from './settings-types'

/**
 * incidents §15 "Incident workflow settings" (admin): the data that drives the workflow without a release.
 * Every change applies to commands run after it and is audited.
 */
export function IncidentSettings() {
  const [config, setConfig] = useState<IncidentConfig | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [version, setVersion] = useState(0)
  // Unlike useLoad, the last configuration stays on screen while a reload runs: a save's reload must not unmount
  // the sections (and wipe an open editor or the save confirmation).
  useEffect(() => {
    let current = true
    api.call('incidentConfig.get', {}).then(
      (c) => {
        if (!current) return
        setConfig(c)
        setError(null)
      },
      (e: unknown) => current && setError(toApiError(e)),
    )
    return () => {
      current = false
    }
  }, [version])
  const reload = useCallback(() => setVersion((v) => v + 1), [])

  return (
    <Page title="Incident workflow settings">
      <p className="lead">
        Changes apply to incidents from the next step they take. Every change is recorded in the audit trail.
      </p>
      <ErrorBanner error={error} onRetry={reload} />
      {!config && !error && (
        <p className="muted" role="status">
          Loading settings…
        </p>
      )}
      {config && (
        <div className="settings">
          <nav aria-label="Settings sections" className="settings-toc">
            <a href="#transitions-title">Transitions</a>
            <a href="#required-title">Required fields</a>
            <a href="#editable-title">Editable fields</a>
            <a href="#sla-title">SLA days</a>
            <a href="#types-title">Simplified types</a>
            <a href="#routing-title">Routing rules</a>
          </nav>
          <TransitionMatrix config={config} onSaved={reload} />
          <RequiredFieldsMatrix config={config} onSaved={reload} />
          <EditableFieldsMatrix config={config} onSaved={reload} />
          <SlaForm config={config} onSaved={reload} />
          <SimplifiedTypes config={config} onSaved={reload} />
          <RoutingRules config={config} onSaved={reload} />
        </div>
      )}
    </Page>
  )
}
