import { useState } from 'react'
import { v7 as uuidv7 } from 'uuid'
import { api, type ApiError } from '#renderer/api'
import { Dialog, ErrorBanner, FieldError } from '#renderer/components/index'
import { describedField, splitError, type FieldErrors } from '#renderer/lib/form-errors'
import { minorToInput, parseAmount } from '#renderer/lib/money'
import { utcToday } from '#renderer/lib/time'
import { useIncidentDetail } from '#renderer/stores/incident-detail'
import { digitsOf, useReference } from '#renderer/stores/reference'
import type { IncidentDetail } from '#renderer/types'
import { withFieldPaths } from './edit-form'

export type Recovery = IncidentDetail['recoveries'][number]
type Field = 'type' | 'amount' | 'received_on' | 'note'
const FIELDS: readonly Field[] = ['type', 'amount', 'received_on', 'note']

/** incidents §3.2: insurance covers every risk-transfer mechanism; direct and other are reported together. */
export const RECOVERY_TYPES = { insurance: 'Insurance', direct: 'Direct', other: 'Other' } as const

type Props = { incident: IncidentDetail; recovery: Recovery | null; onClose: () => void }

/** Add a recovery (a new UUIDv7 made here) or correct one (only the changed fields, with their base values). */
export function RecoveryDialog({ incident: i, recovery, onClose }: Props) {
  const form = useReference((s) => s.form)
  const perform = useIncidentDetail((s) => s.perform)
  const busy = useIncidentDetail((s) => s.busy)
  const currency = i.currency_code ?? ''
  const digits = digitsOf(form, currency)
  const [type, setType] = useState(recovery?.type ?? 'insurance')
  const [amount, setAmount] = useState(recovery ? minorToInput(recovery.amount, digits) : '')
  const [receivedOn, setReceivedOn] = useState(recovery?.received_on ?? utcToday())
  const [note, setNote] = useState(recovery?.note ?? '')
  const [errors, setErrors] = useState<FieldErrors<Field>>({})
  const [banner, setBanner] = useState<{ error: ApiError; message: string } | null>(null)
  // One id per dialog: a retry after a failure sends the same recovery again, never a second one.
  const [newId] = useState(() => uuidv7())

  const submit = async () => {
    const parsed = parseAmount(amount, currency, digits)
    const found: FieldErrors<Field> = {}
    if (!parsed.ok) found.amount = parsed.message
    else if (parsed.minor === null || parsed.minor === 0) found.amount = 'Enter the amount received.'
    if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn)) found.received_on = 'Enter a date like 2026-11-23.'
    setErrors(found)
    setBanner(null)
    if (Object.keys(found).length > 0 || !parsed.ok || parsed.minor === null) return
    const values = { type, amount: parsed.minor, received_on: receivedOn, note: note.trim() === '' ? null : note }
    const call = recovery
      ? () =>
          api.call('incident.updateRecovery', {
            incident_id: i.id,
            id: recovery.id,
            changes: Object.fromEntries(
              FIELDS.filter((f) => values[f] !== recovery[f]).map((f) => [
                f,
                { before: recovery[f], after: values[f] },
              ]),
            ),
          })
      : () =>
          api.call('incident.addRecovery', {
            incident_id: i.id,
            id: newId,
            type: values.type as 'insurance',
            amount: values.amount,
            received_on: values.received_on,
            ...(values.note === null ? {} : { note: values.note }),
          })
    if (recovery && FIELDS.every((f) => values[f] === recovery[f])) return onClose()
    const error = await perform(call, recovery ? 'Recovery updated.' : 'Recovery added.')
    if (!error) return onClose()
    const split = splitError(withFieldPaths(error), FIELDS)
    setErrors(split.fieldErrors)
    setBanner(split.banner)
  }

  return (
    <Dialog
      title={recovery ? 'Edit recovery' : 'Add recovery'}
      submitLabel={recovery ? 'Save recovery' : 'Add recovery'}
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <ErrorBanner error={banner?.error ?? null} message={banner?.message} />
      <div className="field">
        <label htmlFor="recovery-type">Type</label>
        <select
          {...describedField('recovery-type', errors.type)}
          value={type}
          onChange={(e) => setType(e.target.value)}
        >
          {Object.entries(RECOVERY_TYPES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <FieldError id="recovery-type" message={errors.type} />
      </div>
      <div className="field">
        <label htmlFor="recovery-amount">Amount ({currency})</label>
        <div className="money-input">
          <input
            {...describedField('recovery-amount', errors.amount)}
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
        <FieldError id="recovery-amount" message={errors.amount} />
      </div>
      <div className="field">
        <label htmlFor="recovery-received_on">Received on</label>
        <input
          {...describedField('recovery-received_on', errors.received_on)}
          type="date"
          value={receivedOn}
          onChange={(e) => setReceivedOn(e.target.value)}
        />
        <FieldError id="recovery-received_on" message={errors.received_on} />
      </div>
      <div className="field">
        <label htmlFor="recovery-note">Note (optional)</label>
        <input
          {...describedField('recovery-note', errors.note, { hintId: 'recovery-note-hint' })}
          type="text"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <p className="hint" id="recovery-note-hint">
          For example the insurer&apos;s claim number. At most 500 characters.
        </p>
        <FieldError id="recovery-note" message={errors.note} />
      </div>
    </Dialog>
  )
}
