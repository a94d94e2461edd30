import { useState, type ReactNode } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, FieldError } from '#renderer/components/index'
import { describedField } from '#renderer/lib/form-errors'
import { controlPath } from '#renderer/router'
import { useFlash } from '#renderer/stores/flash'
import { useSession } from '#renderer/stores/session'
import {
  CONTROL_FREQUENCIES,
  CONTROL_NATURES,
  CONTROL_TYPES,
  IMPLEMENTATION_STATUSES,
} from '#shared/controls/control.constants'
import type { InputOf } from '#shared/catalogue/types'
import { ResponsiblePicker } from '../measures/ResponsiblePicker'
import {
  createInput,
  emptyForm,
  formFromControl,
  issueField,
  updateChanges,
  type ControlFormValues,
  type FormField,
} from './control-form'
import type { ControlData } from './control-types'
import { EFFECTIVENESS_LABELS, frequencyLabel, implementationLabel, natureLabel, typeLabel } from './labels'
import { useFormOptions } from './options'

type Props = {
  /** The control being edited; a new control when absent. */
  control?: ControlData
  onClose: () => void
  /** After an edit was saved. */
  onSaved?: () => void
}

const LABELS: Record<FormField, string> = {
  code: 'Code',
  title: 'Title',
  description: 'Description',
  control_type: 'Type',
  control_nature: 'Nature',
  control_frequency: 'Frequency',
  implementation_status: 'Implementation status',
  effectiveness: 'Design effectiveness',
  business_unit_id: 'Business unit',
  business_process_id: 'Business process',
  owner_id: 'Owner',
  reference_doc: 'Reference document',
  group_wide: 'Group-wide',
}

/**
 * controls.md §11 "Control form" (risk officers): the §2.1 fields with the defaults of a new control; on edit the
 * fields `locked_fields` names are read-only while ACTIVE risks rely on the control, and only changed fields are
 * sent, each with the value the form was opened with as its base.
 */
export function ControlFormDialog({ control, onClose, onSaved }: Props) {
  const showAt = useFlash((s) => s.showAt)
  const me = useSession((s) => s.user)
  const options = useFormOptions()
  const [original] = useState<ControlFormValues>(() =>
    control ? formFromControl(control) : emptyForm(me?.business_unit_id ?? '', me?.id ?? ''),
  )
  const [v, setV] = useState<ControlFormValues>(original)
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({})
  const [highlighted, setHighlighted] = useState<FormField[]>([])
  const [banner, setBanner] = useState<{ error: ApiError; message: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const locked = new Set(control?.locked_fields ?? [])

  const units = options.data?.business_units ?? []
  // The BU the form was opened with stays a choice even when it is not among the caller's scope.
  const unitChoices =
    control && !units.some((u) => u.id === control.business_unit.id)
      ? [{ id: control.business_unit.id, name: control.business_unit.name }, ...units]
      : units
  const defaultBu = v.business_unit_id || (units.length === 1 ? (units[0]?.id ?? '') : '')
  const processes = (options.data?.processes ?? []).filter(
    (p) => p.business_unit_id === null || p.business_unit_id === defaultBu,
  )

  const set = <K extends keyof ControlFormValues>(key: K, value: ControlFormValues[K]) =>
    setV((x) => ({ ...x, [key]: value }))

  const showError = (e: ApiError) => {
    const fieldErrors: Partial<Record<FormField, string>> = {}
    const elsewhere: string[] = []
    for (const issue of e.issues) {
      const f = issueField(issue.path)
      if (f) fieldErrors[f] ??= issue.message
      else elsewhere.push(issue.message)
    }
    setErrors(fieldErrors)
    setHighlighted(e.fields.map((f) => issueField([f])).filter((f): f is FormField => f !== null))
    if (e.code !== 'VALIDATION') setBanner({ error: e, message: e.message })
    else setBanner(elsewhere.length ? { error: e, message: [...new Set(elsewhere)].join(' ') } : null)
  }

  const submit = async () => {
    setBusy(true)
    setBanner(null)
    setHighlighted([])
    const values = { ...v, business_unit_id: defaultBu }
    try {
      if (control) {
        const changes = updateChanges(original, values)
        if (Object.keys(changes).length === 0) return onClose()
        await api.call('control.update', { id: control.id, changes })
        onClose()
        onSaved?.()
      } else {
        const created = await api.call('control.create', createInput(values) as InputOf<'control.create'>)
        onClose()
        showAt(controlPath(created.id), `Control ${created.ref} created.`)
      }
    } catch (e) {
      showError(toApiError(e))
      setBusy(false)
    }
  }

  const field = (
    name: FormField,
    input: (props: ReturnType<typeof describedField>) => ReactNode,
    hint?: string,
    grow = false,
  ) => {
    const id = `control-${name}`
    const isLocked = locked.has(name)
    const hintText = isLocked ? 'Read-only while the control is linked to ACTIVE risks.' : hint
    return (
      <div className={`field${grow ? ' field-grow' : ''}${isLocked ? ' field-locked' : ''}`}>
        <label htmlFor={id}>{LABELS[name]}</label>
        {input(
          describedField(id, errors[name], {
            highlighted: highlighted.includes(name),
            ...(hintText ? { hintId: `${id}-hint` } : {}),
          }),
        )}
        {hintText && (
          <p className="hint" id={`${id}-hint`}>
            {hintText}
          </p>
        )}
        <FieldError id={id} message={errors[name]} />
      </div>
    )
  }

  const select = (name: FormField, choices: readonly string[], label: (c: string) => string, empty?: string) =>
    field(name, (props) => (
      <select
        {...props}
        value={String(v[name])}
        disabled={locked.has(name)}
        onChange={(e) => set(name, e.target.value as never)}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {choices.map((c) => (
          <option key={c} value={c}>
            {label(c)}
          </option>
        ))}
      </select>
    ))

  return (
    <Dialog
      title={control ? `Edit control ${control.ref}` : 'New control'}
      submitLabel={control ? 'Save' : 'Create control'}
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      {banner && <ErrorBanner error={banner.error} message={banner.message} />}
      {control && locked.size > 0 && (
        <p className="banner banner-info">
          Linked to {control.active_risks_count} ACTIVE risk(s):{' '}
          {[...locked].map((f) => LABELS[f as FormField] ?? f).join(', ')} cannot be changed.
        </p>
      )}
      <div className="field-row">
        {field(
          'code',
          (p) => (
            <input {...p} type="text" value={v.code} onChange={(e) => set('code', e.target.value)} />
          ),
          'Optional library code, e.g. A.12.4.1.',
        )}
        {field(
          'title',
          (p) => (
            <input {...p} type="text" value={v.title} onChange={(e) => set('title', e.target.value)} />
          ),
          undefined,
          true,
        )}
      </div>
      {field('description', (p) => (
        <textarea {...p} rows={4} value={v.description} onChange={(e) => set('description', e.target.value)} />
      ))}
      <div className="field-row">
        {select('control_type', CONTROL_TYPES, typeLabel)}
        {select('control_nature', CONTROL_NATURES, natureLabel)}
        {select('control_frequency', CONTROL_FREQUENCIES, frequencyLabel, 'Choose a frequency…')}
      </div>
      <div className="field-row">
        {select('implementation_status', IMPLEMENTATION_STATUSES, implementationLabel)}
        {select(
          'effectiveness',
          ['1', '2', '3', '4', '5'],
          (c) => `${c} ${EFFECTIVENESS_LABELS[Number(c)]}`,
          'Not assessed',
        )}
      </div>
      <div className="field-row">
        {field('business_unit_id', (p) => (
          <select
            {...p}
            value={defaultBu}
            disabled={locked.has('business_unit_id')}
            onChange={(e) => setV((x) => ({ ...x, business_unit_id: e.target.value, business_process_id: '' }))}
          >
            <option value="">{options.loading ? 'Loading…' : 'Choose a business unit…'}</option>
            {unitChoices.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        ))}
        {field('business_process_id', (p) => (
          <select {...p} value={v.business_process_id} onChange={(e) => set('business_process_id', e.target.value)}>
            <option value="">None</option>
            {processes.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        ))}
      </div>
      <div className="field">
        <label htmlFor="control-owner_id">Owner</label>
        <ResponsiblePicker
          id="control-owner_id"
          value={v.owner_id}
          onChange={(id) => set('owner_id', id)}
          current={control?.owner ?? (me ? { id: me.id, full_name: me.full_name, email: me.email } : null)}
          invalid={!!errors.owner_id}
          describedBy={errors.owner_id ? 'control-owner_id-error' : undefined}
        />
        <FieldError id="control-owner_id" message={errors.owner_id} />
      </div>
      {field(
        'reference_doc',
        (p) => (
          <input {...p} type="text" value={v.reference_doc} onChange={(e) => set('reference_doc', e.target.value)} />
        ),
        'Procedure reference or URL (optional).',
      )}
      <div className="field field-toggle">
        <input
          id="control-group_wide"
          type="checkbox"
          className="toggle"
          checked={v.group_wide}
          aria-describedby="control-group_wide-hint"
          onChange={(e) => set('group_wide', e.target.checked)}
        />
        <label htmlFor="control-group_wide">Group-wide</label>
        <p className="hint" id="control-group_wide-hint">
          Visible to every user with control access in every business unit.
        </p>
        <FieldError id="control-group_wide" message={errors.group_wide} />
      </div>
    </Dialog>
  )
}
