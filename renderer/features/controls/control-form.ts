// The control form (controls.md §2.1, §11) as plain values: defaults, the create input and the `fields`
// update shape `{field: {before, after}}` of `control.update` (spec README §2.2).
import { CONTROL_EDITABLE_FIELDS, type ControlEditableField } from '#shared/controls/control.constants'
import type { ApiIssue } from '#renderer/api'
import type { ControlData } from './control-types'

export type FormField = ControlEditableField
export const FORM_FIELDS: readonly FormField[] = CONTROL_EDITABLE_FIELDS

export type ControlFormValues = {
  code: string
  title: string
  description: string
  control_type: string
  control_nature: string
  control_frequency: string
  implementation_status: string
  /** '' (not assessed) or '1'…'5'. */
  effectiveness: string
  business_unit_id: string
  business_process_id: string
  owner_id: string
  reference_doc: string
  group_wide: boolean
}

/** §2.1 defaults: PREVENTIVE, MANUAL, IMPLEMENTED, not group-wide; frequency has no default. */
export function emptyForm(businessUnitId = '', ownerId = ''): ControlFormValues {
  return {
    code: '',
    title: '',
    description: '',
    control_type: 'PREVENTIVE',
    control_nature: 'MANUAL',
    control_frequency: '',
    implementation_status: 'IMPLEMENTED',
    effectiveness: '',
    business_unit_id: businessUnitId,
    business_process_id: '',
    owner_id: ownerId,
    reference_doc: '',
    group_wide: false,
  }
}

export function formFromControl(c: ControlData): ControlFormValues {
  return {
    code: c.code ?? '',
    title: c.title,
    description: c.description,
    control_type: c.control_type,
    control_nature: c.control_nature,
    control_frequency: c.control_frequency,
    implementation_status: c.implementation_status,
    effectiveness: c.effectiveness === null ? '' : String(c.effectiveness),
    business_unit_id: c.business_unit.id,
    business_process_id: c.business_process?.id ?? '',
    owner_id: c.owner?.id ?? '',
    reference_doc: c.reference_doc ?? '',
    group_wide: c.group_wide,
  }
}

const orNull = (s: string) => (s.trim() === '' ? null : s)

/** The values as the catalogue stores them: blank optional texts and choices are null. */
export function typedValues(v: ControlFormValues): Record<FormField, unknown> {
  return {
    code: orNull(v.code),
    title: v.title,
    description: v.description,
    control_type: v.control_type,
    control_nature: v.control_nature,
    control_frequency: v.control_frequency,
    implementation_status: v.implementation_status,
    effectiveness: v.effectiveness === '' ? null : Number(v.effectiveness),
    business_unit_id: v.business_unit_id,
    business_process_id: orNull(v.business_process_id),
    owner_id: v.owner_id,
    reference_doc: orNull(v.reference_doc),
    group_wide: v.group_wide,
  }
}

/**
 * `control.create` input: every field the user filled. An empty frequency is left out, so the catalogue answers
 * "This field is required." under it; blank optional fields are left out too.
 */
export function createInput(v: ControlFormValues): Record<string, unknown> {
  const t = typedValues(v)
  const input: Record<string, unknown> = {}
  for (const f of FORM_FIELDS) {
    const value = t[f]
    if (value === null || value === '') continue
    input[f] = value
  }
  return input
}

const same = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : (a ?? null) === (b ?? null)

/** `control.update` changes: only the fields that differ from what the form was opened with, with that base. */
export function updateChanges(
  original: ControlFormValues,
  current: ControlFormValues,
): Partial<Record<FormField, { before: unknown; after: unknown }>> {
  const before = typedValues(original)
  const after = typedValues(current)
  const changes: Partial<Record<FormField, { before: unknown; after: unknown }>> = {}
  for (const f of FORM_FIELDS) if (!same(before[f], after[f])) changes[f] = { before: before[f], after: after[f] }
  return changes
}

/** The form field an issue belongs to: `[field]` on create, `['changes', field, 'after']` on update. */
export function issueField(path: ApiIssue['path']): FormField | null {
  const name = path[0] === 'changes' ? path[1] : path[0]
  return typeof name === 'string' && (FORM_FIELDS as readonly string[]).includes(name) ? (name as FormField) : null
}
