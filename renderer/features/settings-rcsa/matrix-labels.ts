// Words the matrix settings screen shows for stored codes.

export const STATUS_WORDS: Record<string, string> = {
  DRAFT: 'Draft',
  PUBLISHED: 'Published',
  SUPERSEDED: 'Superseded',
}

export const STATUS_CHIP: Record<string, string> = {
  DRAFT: 'chip-draft',
  PUBLISHED: 'chip-validated',
  SUPERSEDED: 'chip-closed',
}

/** Version 1 ships with the migration: no publisher and the epoch as its publication time. */
export const isInstalled = (v: { published_by: string | null; published_at: string | null }) =>
  v.published_at !== null && v.published_by === null && v.published_at.startsWith('1970-')

/** The newest DRAFT, else the PUBLISHED version: what the screen opens on. */
export function defaultVersionId(items: readonly { id: string; status: string }[]): string | null {
  return (
    (items.find((v) => v.status === 'DRAFT') ?? items.find((v) => v.status === 'PUBLISHED') ?? items[0])?.id ?? null
  )
}
