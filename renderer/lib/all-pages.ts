// The exports list every row the screen's filters give, not only the pages loaded so far: one loop for all lists.

/** Rows per request while paging to the end: the list queries' own maximum page. */
export const PAGE_SIZE = 100

/** A list query's input for one page: the filters, PAGE_SIZE rows, and the cursor from the second page on. */
export function pageInput<I extends object>(input: I, cursor: string | undefined) {
  return { ...input, limit: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) }
}

/** Every page of a keyset-paged query, in order, following `next_cursor`; `progress` hears the rows so far. */
export async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; next_cursor: string | null }>,
  progress: (n: number) => void = () => undefined,
): Promise<T[]> {
  const out: T[] = []
  let cursor: string | undefined
  do {
    const p = await page(cursor)
    out.push(...p.items)
    progress(out.length)
    cursor = p.next_cursor ?? undefined
  } while (cursor !== undefined)
  return out
}
