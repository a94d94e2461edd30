import type { ApiError } from '#renderer/api'

/** A banner's words: a VALIDATION error lists its issues' messages (they name the field), anything else its message. */
export function bannerText(error: ApiError): string {
  const messages = [...new Set(error.issues.map((i) => i.message))]
  return messages.length > 0 ? messages.join(' ') : error.message
}
