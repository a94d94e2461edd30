import { useState, type FormEvent, type ReactNode } from 'react'
import { toApiError, type ApiError } from '#renderer/api'
import { ErrorBanner, FieldError } from '#renderer/components/index'
import { describedField, splitError, type FieldErrors } from '#renderer/lib/form-errors'
import { useSession } from '#renderer/stores/session'
import { ADMIN_FIELDS, checkAdminForm, type AdminField, type AdminValues } from './first-run-form'

const FIELDS: { name: AdminField; label: string; type: string; autoComplete: string }[] = [
  { name: 'organisation_name', label: 'Organisation name', type: 'text', autoComplete: 'organization' },
  { name: 'full_name', label: 'Full name', type: 'text', autoComplete: 'name' },
  { name: 'email', label: 'Email', type: 'email', autoComplete: 'username' },
  { name: 'password', label: 'Password', type: 'password', autoComplete: 'new-password' },
  { name: 'confirm_password', label: 'Confirm password', type: 'password', autoComplete: 'new-password' },
]

const EMPTY: AdminValues = { organisation_name: '', full_name: '', email: '', password: '', confirm_password: '' }

export function CreateAdminForm({ secondary }: { secondary: ReactNode }) {
  const createFirstAdmin = useSession((s) => s.createFirstAdmin)
  const [values, setValues] = useState(EMPTY)
  const [errors, setErrors] = useState<FieldErrors<AdminField>>({})
  const [banner, setBanner] = useState<{ error: ApiError; message: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const checked = checkAdminForm(values)
    setErrors(checked.errors)
    setBanner(null)
    if (!checked.input) return
    setBusy(true)
    try {
      await createFirstAdmin(checked.input)
    } catch (err) {
      const split = splitError(toApiError(err), ADMIN_FIELDS)
      setErrors(split.fieldErrors)
      setBanner(split.banner)
      setBusy(false)
    }
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorBanner error={banner?.error ?? null} message={banner?.message} />
      {FIELDS.map((f) => (
        <div className="field" key={f.name}>
          <label htmlFor={f.name}>{f.label}</label>
          <input
            {...describedField(f.name, errors[f.name], f.name === 'password' ? { hintId: 'password-hint' } : {})}
            type={f.type}
            autoComplete={f.autoComplete}
            value={values[f.name]}
            onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
          />
          {f.name === 'password' && (
            <p className="hint" id="password-hint">
              12 to 128 characters.
            </p>
          )}
          <FieldError id={f.name} message={errors[f.name]} />
        </div>
      ))}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          Create
        </button>
        {secondary}
      </div>
    </form>
  )
}
