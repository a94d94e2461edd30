import type { InputOf } from '#shared/catalogue/types'
import type { FieldErrors } from '#renderer/lib/form-errors'

export type AdminField = 'organisation_name' | 'full_name' | 'email' | 'password' | 'confirm_password'
export const ADMIN_FIELDS: readonly AdminField[] = [
  'organisation_name',
  'full_name',
  'email',
  'password',
  'confirm_password',
]
export type AdminValues = Record<AdminField, string>

const codePoints = (s: string) => [...s].length

/** Early feedback with the messages of audit-security §10; the server's schema still decides. */
export function checkAdminForm(v: AdminValues): {
  input: InputOf<'user.createFirstAdmin'> | null
  errors: FieldErrors<AdminField>
} {
  const errors: FieldErrors<AdminField> = {}
  if (v.organisation_name.trim() === '') errors.organisation_name = 'Organisation name is required.'
  if (v.full_name.trim() === '') errors.full_name = 'Full name is required.'
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) errors.email = 'Enter a valid email address.'
  const n = codePoints(v.password)
  if (n < 12 || n > 128) errors.password = 'Password must be 12 to 128 characters.'
  if (v.confirm_password !== v.password) errors.confirm_password = 'Passwords do not match.'
  return { input: Object.keys(errors).length === 0 ? { ...v } : null, errors }
}
