import { useCallback, useEffect, useState } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, Page } from '#renderer/components/index'
import { ControlKriSettings } from './ControlKriSettings'
import { RiskCategories } from './RiskCategories'
import { RiskFieldLocks } from './RiskFieldLocks'
import { RiskNumericSettings } from './RiskNumericSettings'
import { RiskRequiredFields } from './RiskRequiredFields'
import { RiskTransitions } from './RiskTransitions'
import type { BaselType, RiskConfig } from './types'

const NO_TYPES: readonly BaselType[] = []

/**
 * risks.md §15 "Risk workflow settings" (admin): the data that drives the risk workflow without a release. Each
 * section saves on its own; every change applies to the commands run after it and is audited.
 */
export function RiskWorkflowSettings() {
  const [config, setConfig] = useState<RiskConfig | null>(null)
  const [basel, setBasel] = useState<readonly BaselType[]>(NO_TYPES)
  const [error, setError] = useState<ApiError | null>(null)
  const [version, setVersion] = useState(0)
  // The last configuration stays on screen while a reload runs, so a section's unsaved ticks survive another's save.
  useEffect(() => {
    let current = true
    api.call('riskConfig.get', {}).then(
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
  useEffect(() => {
    let current = true
    api.call('reference.incidentForm', {}).then(
      (r) => current && setBasel(r.basel_event_types),
      (e: unknown) => current && setError(toApiError(e)),
    )
    return () => {
      current = false
    }
  }, [])
  const reload = useCallback(() => setVersion((v) => v + 1), [])

  return (
    <Page title="Risk workflow settings">
      <p className="lead">
        Changes apply to risks from the next step they take. Every change is recorded in the audit trail.
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
            <a href="#risk-transitions-title">Transitions</a>
            <a href="#risk-locks-title">Field locks</a>
            <a href="#risk-required-title">Required fields</a>
            <a href="#risk-categories-title">Categories</a>
            <a href="#risk-numbers-title">Review and acceptance periods</a>
            <a href="#control-kri-title">Controls and KRIs</a>
          </nav>
          <RiskTransitions config={config} onSaved={reload} />
          <RiskFieldLocks config={config} onSaved={reload} />
          <RiskRequiredFields config={config} onSaved={reload} />
          <RiskCategories config={config} basel={basel} onSaved={reload} />
          <RiskNumericSettings config={config} onSaved={reload} />
          <ControlKriSettings />
        </div>
      )}
    </Page>
  )
}
