import { useState, type FormEvent } from 'react'
import { toApiError, type ApiError } from '#renderer/api'
import { AuthLayout, ErrorBanner, FieldError } from '#renderer/components/index'
import { describedField, splitError, type FieldErrors } from '#renderer/lib/form-errors'
import { useSession } from '#renderer/stores/session'

type Field = 'email' | 'password'
const FIELDS: readonly Field[] = ['email', 'password']

export function SignIn() {
  const organisation = useSession((s) => s.organisation)
  const demoMode = useSession((s) => s.demoMode)
  const notice = useSession((s) => s.notice)
  const signIn = useSession((s) => s.signIn)
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FieldErrors<Field>>({})
  const [banner, setBanner] = useState<{ error: ApiError; message: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const local: FieldErrors<Field> = {}
    if (email.trim() === '') local.email = 'Enter your email address.'
    if (password === '') local.password = 'Enter your password.'
    setErrors(local)
    setBanner(null)
    if (Object.keys(local).length > 0) return
    setBusy(true)
    try {
      await signIn(email, password)
    } catch (err) {
      const split = splitError(toApiError(err), FIELDS)
      setErrors(split.fieldErrors)
      setBanner(split.banner)
      setBusy(false)
    }
  }

  return (
    <AuthLayout title="Sign in" organisation={organisation}>
      {notice && !banner && (
        <div className="banner banner-info" role="status">
          <p>{notice}</p>
        </div>
      )}
      <ErrorBanner error={banner?.error ?? null} message={banner?.message} />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input
            {...describedField('email', errors.email)}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <FieldError id="email" message={errors.email} />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            {...describedField('password', errors.password)}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <FieldError id="password" message={errors.password} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            Sign in
          </button>
        </div>
      </form>
      {demoMode && <p className="hint">Demo users: see README</p>}
    </AuthLayout>
  )
}
