import { useState } from 'react'
import { api, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, FieldError } from '#renderer/components/index'
import { describedField, splitError, type FieldErrors } from '#renderer/lib/form-errors'
import { formatMoney, minorToInput, parseAmount } from '#renderer/lib/money'
import { useIncidentDetail } from '#renderer/stores/incident-detail'
import { digitsOf, useReference } from '#renderer/stores/reference'
import type { IncidentDetail } from '#renderer/types'
import { withFieldPaths } from './edit-form'

type Field = 'net_loss_override' | 'net_loss_override_reason'
const FIELDS: readonly Field[] = ['net_loss_override', 'net_loss_override_reason']
const REASON_MESSAGE = 'Give a reason for the net loss override (10–500 characters).'

/** incidents §6.6: a risk officer sets or removes the net loss, always with a reason of 10–500 characters. */
export function NetLossOverrideDialog({ incident: i, onClose }: { incident: IncidentDetail; onClose: () => void }) {
  const form = useReference((s) => s.form)
  const perform = useIncidentDetail((s) => s.perform)
  const busy = useIncidentDetail((s) => s.busy)
  const currency = i.currency_code ?? ''
  const digits = digitsOf(form, currency)
  const [amount, setAmount] = useState(minorToInput(i.net_loss_amount, digits))
  const [remove, setRemove] = useState(false)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<FieldErrors<Field>>({})
  const [banner, setBanner] = useState<{ error: ApiError; message: string } | null>(null)
  const length = [...reason.trim()].length

  const submit = async () => {
    const parsed = remove ? ({ ok: true, minor: null } as const) : parseAmount(amount, currency, digits)
    const found: FieldErrors<Field> = {}
    if (!parsed.ok) found.net_loss_override = parsed.message
    else if (!remove && parsed.minor === null) found.net_loss_override = 'Enter the net loss, or remove the override.'
    if (length < 10 || length > 500) found.net_loss_override_reason = REASON_MESSAGE
    setErrors(found)
    setBanner(null)
    if (Object.keys(found).length > 0 || !parsed.ok) return
    const changes = {
      net_loss_override: { before: i.net_loss_override, after: parsed.minor },
      net_loss_override_reason: { before: i.net_loss_override_reason, after: reason },
    }
    const error = await perform(
      () => api.call('incident.update', { id: i.id, changes }),
      remove ? 'Net loss override removed.' : 'Net loss override saved.',
    )
    if (!error) return onClose()
    const split = splitError(withFieldPaths(error), FIELDS)
    setErrors(split.fieldErrors)
    setBanner(split.banner)
  }

  return (
    <Dialog
      title="Net loss override"
      submitLabel={remove ? 'Remove override' : 'Save override'}
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <p className="muted">
        Computed net loss (gross − recoveries):{' '}
        {i.net_loss_computed === null ? '—' : formatMoney(i.net_loss_computed, currency, digits)}
      </p>
      <ErrorBanner error={banner?.error ?? null} message={banner?.message} />
      {i.net_loss_overridden && (
        <div className="field field-toggle">
          <input
            id="override-remove"
            type="checkbox"
            className="toggle"
            checked={remove}
            onChange={(e) => setRemove(e.target.checked)}
          />
          <label htmlFor="override-remove">Remove the override</label>
        </div>
      )}
      {!remove && (
        <div className="field">
          <label htmlFor="net_loss_override">Net loss ({currency})</label>
          <div className="money-input">
            <input
              {...describedField('net_loss_override', errors.net_loss_override)}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
            <span className="money-currency" aria-hidden="true">
              {currency}
            </span>
          </div>
          <FieldError id="net_loss_override" message={errors.net_loss_override} />
        </div>
      )}
      <div className="field">
        <label htmlFor="net_loss_override_reason">Reason</label>
        <textarea
          {...describedField('net_loss_override_reason', errors.net_loss_override_reason, {
            hintId: 'override-reason-count',
          })}
          rows={4}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <p className={`hint counter${length > 500 ? ' over' : ''}`} id="override-reason-count" aria-live="polite">
          {length} / 500 characters (at least 10)
        </p>
        <FieldError id="net_loss_override_reason" message={errors.net_loss_override_reason} />
      </div>
    </Dialog>
  )
}
