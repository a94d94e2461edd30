import { useCallback, useState } from 'react'
import { api, toApiError } from '#renderer/api'
import { ErrorBanner, Page } from '#renderer/components/index'
import { useLoad } from '#renderer/hooks/use-load'
import { riskPath, SCREEN_PATHS, navigate } from '#renderer/router'
import { useFlash } from '#renderer/stores/flash'
import { useSession } from '#renderer/stores/session'
import { BLANK, createInput, type FormValues } from './risk-form'
import { useRiskDetail } from './risk-store'
import type { FormOptions } from './risk-types'
import { RiskForm } from './RiskForm'

/** The user's own unit and themselves as owner when the choices allow it: most risks are drafted for one's unit. */
function initialValues(options: FormOptions, me: { id: string; business_unit_id: string | null } | null): FormValues {
  const units = options.business_units
  const bu = units.find((u) => u.id === me?.business_unit_id)?.id ?? (units.length === 1 ? units[0]!.id : '')
  const owner = bu && me && (options.owners[bu] ?? []).some((o) => o.id === me.id) ? me.id : ''
  return { ...BLANK, business_unit_id: bu, owner_id: owner }
}

/** risks.md §15 "New risk" (manager, risk officer): a DRAFT pinned to the published matrix. */
export function NewRisk() {
  const options = useLoad(useCallback(() => api.call('risk.formOptions', {}), []))
  const me = useSession((s) => s.user)
  const showAt = useFlash((s) => s.showAt)
  const carry = useRiskDetail((s) => s.carry)
  const [busy, setBusy] = useState(false)

  const o = options.data
  if (!o)
    return (
      <Page title="New risk">
        {options.error ? (
          <ErrorBanner error={options.error} onRetry={options.reload} />
        ) : (
          <p className="muted" role="status">
            Loading the form…
          </p>
        )}
      </Page>
    )
  if (!o.can_create)
    return (
      <Page title="New risk">
        <p>Only users with the Manager or Risk Officer role can create risks.</p>
      </Page>
    )

  const submit = async (values: FormValues) => {
    setBusy(true)
    try {
      const created = await api.call('risk.create', createInput(values, o.draft_editable_fields))
      carry(created.id, created.warnings)
      showAt(riskPath(created.id), `Risk ${created.ref} created.`)
      return null
    } catch (e) {
      setBusy(false)
      return toApiError(e)
    }
  }

  return (
    <Page title="New risk">
      <p className="lead">
        A new risk starts as a draft of your business unit, scored on matrix version {o.matrix.version} ({o.matrix.name}
        ).
      </p>
      <RiskForm
        options={o}
        initial={initialValues(o, me)}
        editable={o.draft_editable_fields}
        matrix={o.matrix}
        lockTip="Your role does not fill this field on a draft"
        submitLabel="Create risk"
        busy={busy}
        onSubmit={submit}
        onCancel={() => navigate(SCREEN_PATHS.risks)}
      />
    </Page>
  )
}
