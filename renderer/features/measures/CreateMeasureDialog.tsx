import { useState } from 'react'
import { api, toApiError, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, FieldError } from '#renderer/components/index'
import { describedField, splitError, type FieldErrors } from '#renderer/lib/form-errors'
import { utcToday } from '#renderer/lib/time'
import { useFlash } from '#renderer/stores/flash'
import { count } from './labels'
import { lengthOf } from './MeasureBits'
import { measurePath } from './paths'
import { ResponsiblePicker } from './ResponsiblePicker'

type Field = 'description' | 'responsible_user_id' | 'deadline'
const FIELDS: readonly Field[] = ['description', 'responsible_user_id', 'deadline']
const MAX_DESCRIPTION = 4000

export type CreatedMeasure = { id: string; ref: string }

type Props = {
  /** Opened from an incident detail: the new measure is linked to this incident (measures §5.3). */
  incidentId?: string
  /** Opened from a risk detail: the new measure is linked to this risk (risks.md §8). */
  riskId?: string
  onClose: () => void
  /** Called after the create; without it the dialog opens the new measure's detail. */
  onCreated?: (created: CreatedMeasure) => void
}

/** measures §14 "Create measure dialog": description, responsible, deadline (past days disabled). */
export function CreateMeasureDialog({ incidentId, riskId, onClose, onCreated }: Props) {
  const showAt = useFlash((s) => s.showAt)
  const [description, setDescription] = useState('')
  const [responsible, setResponsible] = useState('')
  const [deadline, setDeadline] = useState('')
  const [errors, setErrors] = useState<FieldErrors<Field>>({})
  const [banner, setBanner] = useState<{ error: ApiError; message: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const length = lengthOf(description)

  const submit = async () => {
    setBusy(true)
    setBanner(null)
    try {
      const created = await api.call('measure.create', {
        description,
        responsible_user_id: responsible,
        ...(deadline ? { deadline } : {}),
        ...(incidentId ? { incident_id: incidentId } : {}),
        ...(riskId ? { risk_id: riskId } : {}),
      })
      onClose()
      if (onCreated) onCreated(created)
      else showAt(measurePath(created.id), `Measure ${created.ref} created.`)
    } catch (e) {
      const split = splitError(toApiError(e), FIELDS)
      // An empty picker fails the id format; say what the user has to do instead.
      if (!responsible && split.fieldErrors.responsible_user_id)
        split.fieldErrors.responsible_user_id = 'Choose the responsible person.'
      setErrors(split.fieldErrors)
      setBanner(split.banner)
      setBusy(false)
    }
  }

  return (
    <Dialog
      title="New measure"
      submitLabel="Create measure"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      {banner && <ErrorBanner error={banner.error} message={banner.message} />}
      {incidentId && <p className="muted">The new measure will be linked to this incident.</p>}
      {riskId && <p className="muted">The new measure will be linked to this risk.</p>}
      <div className="field">
        <label htmlFor="measure-description">Description</label>
        <textarea
          {...describedField('measure-description', errors.description, { hintId: 'measure-description-count' })}
          rows={5}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <p className={`hint counter${length > MAX_DESCRIPTION ? ' over' : ''}`} id="measure-description-count">
          What must be done. {count(length)} / {count(MAX_DESCRIPTION)}
        </p>
        <FieldError id="measure-description" message={errors.description} />
      </div>
      <div className="field">
        <label htmlFor="measure-responsible">Responsible</label>
        <ResponsiblePicker
          id="measure-responsible"
          value={responsible}
          onChange={setResponsible}
          invalid={!!errors.responsible_user_id}
          describedBy={errors.responsible_user_id ? 'measure-responsible-error' : undefined}
        />
        <FieldError id="measure-responsible" message={errors.responsible_user_id} />
      </div>
      <div className="field">
        <label htmlFor="measure-deadline">Deadline</label>
        <input
          {...describedField('measure-deadline', errors.deadline, { hintId: 'measure-deadline-hint' })}
          type="date"
          min={utcToday()}
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
        />
        <p className="hint" id="measure-deadline-hint">
          Optional. Today or later.
        </p>
        <FieldError id="measure-deadline" message={errors.deadline} />
      </div>
    </Dialog>
  )
}
