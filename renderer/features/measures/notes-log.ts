/** One entry of the measure notes log (measures §8). */
export type NoteEntry = { at: string; email: string; prefix: string; content: string }

const SEPARATOR = `\n${'-'.repeat(20)}\n`
const HEADER =
  /\[(\d{4}-\d{2}-\d{2} \d{2}:\d{2}) - (\S+) - (COMMENT|EVIDENCE|REASON FOR RETURN|REASON FOR CANCELLATION)\]:\n/g

/**
 * Splits the log `[<YYYY-MM-DD HH:mm> - <email> - <PREFIX>]:\n<content>\n` + 20 dashes + `\n`, newest first.
 * A header counts only at the start or right after a separator, so content that quotes a header stays content.
 * Text that does not follow the format comes back as one entry without a prefix, never dropped.
 */
export function parseNotes(notes: string | null | undefined): NoteEntry[] {
  if (!notes) return []
  const heads = [...notes.matchAll(HEADER)].filter((m) => m.index === 0 || notes.slice(0, m.index).endsWith(SEPARATOR))
  if (heads.length === 0 || heads[0]?.index !== 0) return [{ at: '', email: '', prefix: '', content: notes.trim() }]
  return heads.map((m, n) => {
    const start = m.index + m[0].length
    const end = heads[n + 1]?.index ?? notes.length
    let content = notes.slice(start, end)
    if (content.endsWith(SEPARATOR)) content = content.slice(0, -SEPARATOR.length)
    else if (content.endsWith(SEPARATOR.slice(1))) content = content.slice(0, -SEPARATOR.length + 1)
    return { at: m[1] ?? '', email: m[2] ?? '', prefix: m[3] ?? '', content }
  })
}

/** The notes log writes UTC to the minute: `2026-11-23 14:05` → an ISO timestamp for LocalTime. */
export const noteIso = (at: string) => (at ? `${at.replace(' ', 'T')}:00.000Z` : null)
