import { fail } from './errors'

/** Keyset cursor: the sort values and id of the last row. Clients treat it as opaque. */
export function encodeCursor(values: readonly unknown[]): string {
  return encodeURIComponent(JSON.stringify(values))
}

export function decodeCursor(cursor: string | undefined): unknown[] | null {
  if (!cursor) return null
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(cursor))
    if (Array.isArray(parsed)) return parsed as unknown[]
  } catch {
    // fall through to the typed error
  }
  return fail.field('cursor', 'The page cursor is not valid. Reload the list.')
}
