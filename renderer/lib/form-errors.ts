import type { ApiError } from '#renderer/api'

export type FieldErrors<F extends string> = Partial<Record<F, string>>

export type SplitError<F extends string> = {
  fieldErrors: FieldErrors<F>
  /** Fields a WORKFLOW or CONFLICT error names: highlighted, the message itself goes to the banner. */
  highlighted: F[]
  /** What cannot sit under a field of this form; null when every issue found its field. */
  banner: { error: ApiError; message: string } | null
}

/** Spreads an API error over a form (audit-security §6): VALIDATION under each field, the rest in a banner. */
export function splitError<F extends string>(error: ApiError, fields: readonly F[]): SplitError<F> {
  const isField = (name: unknown): name is F => typeof name === 'string' && (fields as readonly string[]).includes(name)
  if (error.code !== 'VALIDATION') {
    return { fieldErrors: {}, highlighted: error.fields.filter(isField), banner: { error, message: error.message } }
  }
  const fieldErrors: FieldErrors<F> = {}
  const elsewhere: string[] = []
  for (const issue of error.issues) {
    const field = issue.path[0]
    if (isField(field)) fieldErrors[field] ??= issue.message
    else elsewhere.push(issue.message)
  }
  return {
    fieldErrors,
    highlighted: [],
    banner: elsewhere.length > 0 ? { error, message: [...new Set(elsewhere)].join(' ') } : null,
  }
}

/**
 * The STYLE §6 wiring: aria-invalid always; aria-describedby names the error while there is one (the message the
 * user must act on), otherwise the field's hint.
 */
export function describedField(
  id: string,
  error: string | undefined,
  opts: { highlighted?: boolean; hintId?: string } = {},
) {
  return {
    id,
    'aria-invalid': Boolean(error) || Boolean(opts.highlighted),
    'aria-describedby': error ? `${id}-error` : opts.hintId,
  }
}
