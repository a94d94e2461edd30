import type { z } from 'zod'
import type { Issue } from '../core/errors'

/** zod issues → the VALIDATION issues of audit-security §6, one per field path, unknown keys named. */
export function toIssues(error: z.ZodError): Issue[] {
  const out: Issue[] = []
  for (const i of error.issues) {
    const path = i.path.filter((p): p is string | number => typeof p !== 'symbol')
    if (i.code === 'unrecognized_keys') {
      for (const key of i.keys) out.push({ path: [...path, key], message: `Unknown field '${key}'.` })
    } else if (i.code === 'invalid_type' && i.input === undefined) {
      out.push({ path, message: i.message.startsWith('Invalid input') ? 'This field is required.' : i.message })
    } else {
      out.push({ path, message: i.message })
    }
  }
  return out
}
