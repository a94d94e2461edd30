import { create } from 'zustand'
import type { IncidentForm } from '#renderer/types'
import { onSignedOut } from '#renderer/stores/session'

export type ReportValues = {
  title: string
  description: string
  simplified_event_type_id: string
  business_unit_id: string
  occurred_at: string
  discovered_at: string
  near_miss: boolean
  gross_loss_amount: string
  currency_code: string
}

const EMPTY: ReportValues = {
  title: '',
  description: '',
  simplified_event_type_id: '',
  business_unit_id: '',
  occurred_at: '',
  discovered_at: '',
  near_miss: false,
  gross_loss_amount: '',
  currency_code: '',
}

type ReportDraftState = {
  values: ReportValues
  prefilled: boolean
  set: <K extends keyof ReportValues>(field: K, value: ReportValues[K]) => void
  /** Unit and currency defaults, applied once so a later visit does not overwrite the user's choice. */
  prefill: (form: IncidentForm) => void
  reset: () => void
}

/** Kept outside the form component: leaving the screen or a failed save never loses what was typed. */
export const useReportDraft = create<ReportDraftState>()((set, get) => ({
  values: EMPTY,
  prefilled: false,
  set: (field, value) => set((s) => ({ values: { ...s.values, [field]: value } })),
  prefill(form) {
    if (get().prefilled) return
    set((s) => ({
      prefilled: true,
      values: {
        ...s.values,
        business_unit_id: s.values.business_unit_id || (form.default_business_unit_id ?? ''),
        currency_code: s.values.currency_code || form.reporting_currency,
      },
    }))
  },
  reset: () => set({ values: EMPTY, prefilled: false }),
}))

onSignedOut(() => useReportDraft.getState().reset())
