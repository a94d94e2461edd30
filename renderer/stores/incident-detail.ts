import { create } from 'zustand'
import { api, toApiError, type ApiError } from '#renderer/api'
import { actionWords } from '#renderer/lib/format'
import { splitError, type FieldErrors } from '#renderer/lib/form-errors'
import { incidentPath } from '#renderer/router'
import { useFlash } from '#renderer/stores/flash'
import { digitsOf, useReference } from '#renderer/stores/reference'
import { onSignedOut } from '#renderer/stores/session'
import type { IncidentDetail } from '#renderer/types'
import {
  buildChanges,
  changedFields,
  EDIT_FIELDS,
  valuesOf,
  withFieldPaths,
  withSuggestion,
  type EditField,
  type EditValues,
} from '#renderer/features/incidents/edit-form'

export type Banner = { error: ApiError; message: string }
export type TransitionCall = { command: string; label: string }

type DetailState = {
  id: string | null
  incident: IncidentDetail | null
  loadError: ApiError | null
  /** The record the form was filled from: its values are the `before` of every change sent. */
  base: IncidentDetail | null
  initial: EditValues | null
  values: EditValues | null
  errors: FieldErrors<EditField>
  highlighted: EditField[]
  banner: Banner | null
  busy: boolean
  open: (id: string) => Promise<void>
  /** Fetches the record again and refills the form from it (after a success, or to resolve a conflict). */
  reload: () => Promise<void>
  set: <K extends EditField>(field: K, value: EditValues[K]) => void
  discard: () => void
  save: () => Promise<boolean>
  transition: (action: TransitionCall, reason?: string) => Promise<ApiError | null>
  /** Runs one command for a dialog (override, recoveries, delete): the dialog shows its own errors. */
  perform: (call: () => Promise<unknown>, done: string, then?: 'reload' | 'leave') => Promise<ApiError | null>
}

const digits = (currency: string) => digitsOf(useReference.getState().form, currency)
const EMPTY = {
  incident: null,
  loadError: null,
  base: null,
  initial: null,
  values: null,
  errors: {},
  highlighted: [],
  banner: null,
  busy: false,
}

export const isDirty = (s: Pick<DetailState, 'initial' | 'values'>) =>
  s.initial !== null && s.values !== null && changedFields(s.initial, s.values).length > 0

/** The open incident and its edit form: kept across failures, so nothing the user typed is lost. */
export const useIncidentDetail = create<DetailState>()((set, get) => {
  const fill = (incident: IncidentDetail) => {
    const initial = valuesOf(incident, digits)
    set({
      incident,
      base: incident,
      initial,
      values: withSuggestion(initial, incident),
      loadError: null,
      errors: {},
      highlighted: [],
      banner: null,
    })
  }
  /** With `keepEdits`, unsaved form values survive, still paired with the base they were typed against. */
  const refresh = async (keepEdits: boolean) => {
    const id = get().id
    if (!id) return
    try {
      const incident = await api.call('incident.get', { id })
      if (get().id !== id) return
      if (keepEdits && isDirty(get())) set({ incident, loadError: null })
      else fill(incident)
    } catch (e) {
      if (get().id === id) set({ loadError: toApiError(e) })
    }
  }
  const flash = (message: string) => {
    const id = get().id
    if (id) useFlash.getState().showAt(incidentPath(id), message)
  }
  const fail = (e: unknown) => {
    const split = splitError(withFieldPaths(toApiError(e)), EDIT_FIELDS)
    set({ errors: split.fieldErrors, highlighted: split.highlighted, banner: split.banner, busy: false })
    return toApiError(e)
  }

  return {
    id: null,
    ...EMPTY,

    async open(id) {
      const same = get().id === id
      if (!same) set({ id, ...EMPTY })
      // Coming back to a form with unsaved edits keeps them.
      await refresh(same)
    },

    reload: () => refresh(false),

    set(field, value) {
      set((s) => (s.values ? { values: { ...s.values, [field]: value } } : {}))
    },

    discard() {
      const { incident } = get()
      if (incident) fill(incident)
    },

    async save() {
      const { base, initial, values, id } = get()
      if (!base || !initial || !values || !id) return false
      const built = buildChanges(base, initial, values, digits)
      set({ errors: built.errors, highlighted: [], banner: null })
      if (Object.keys(built.errors).length > 0) return false
      if (Object.keys(built.changes).length === 0) return true
      set({ busy: true })
      try {
        await api.call('incident.update', { id, changes: built.changes })
        set({ busy: false })
        await get().reload()
        flash('Changes saved.')
        return true
      } catch (e) {
        fail(e)
        return false
      }
    },

    async transition(action, reason) {
      const { incident, id } = get()
      if (!incident || !id) return null
      set({ busy: true, errors: {}, highlighted: [], banner: null })
      try {
        const input = { id, expected_version: incident.version, ...(reason === undefined ? {} : { reason }) }
        // The command comes from available_actions, which the catalogue built from its own transition list.
        await api.call(action.command as 'incident.submit', input)
        set({ busy: false })
        await get().reload()
        flash(`${actionWords(action.command) ?? action.label}. Status: ${get().incident?.status_name ?? 'updated'}.`)
        return null
      } catch (e) {
        const error = toApiError(e)
        // A refused reason is shown in the reason dialog itself; everything else also goes to the banner.
        if (reason !== undefined && error.code === 'VALIDATION') set({ busy: false })
        else fail(error)
        return error
      }
    },

    async perform(call, done, then = 'reload') {
      set({ busy: true })
      try {
        await call()
        set({ busy: false })
        if (then === 'leave') useFlash.getState().showAt('/my-incidents', done)
        else {
          // A dialog's command touches no field of the form: what the user typed there stays.
          await refresh(true)
          flash(done)
        }
        return null
      } catch (e) {
        set({ busy: false })
        return toApiError(e)
      }
    },
  }
})

onSignedOut(() => useIncidentDetail.setState({ id: null, ...EMPTY }))
