import { sql } from 'kysely'
import { z } from 'zod'
import type { QueryCtx } from '../catalogue/context'
import { decodeCursor, encodeCursor } from '../core/cursor'
import type { Role } from '../core/primitives'

export const PersonOptionsInput = z.strictObject({
  q: z.string().trim().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
})

/** Active users holding any of `roles`, searched by name or email, by name, keyset paged: the people pickers. */
export async function personOptions(ctx: QueryCtx, input: z.output<typeof PersonOptionsInput>, roles: readonly Role[]) {
  let q = ctx.db
    .selectFrom('users')
    .select(['id', 'full_name', 'email'])
    .where('tenant_id', '=', ctx.meta.tenantId)
    .where('is_active', '=', 1)
    .where((eb) => eb.or(roles.map((r) => eb('roles', 'like', `%"${r}"%`))))
  if (input.q) {
    const like = `%${input.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(full_name)`, 'like', sql`${like} escape '\\'`),
        eb('email_lc', 'like', sql<string>`${like} escape '\\'`),
      ]),
    )
  }
  const after = decodeCursor(input.cursor) as [string, string] | null
  if (after)
    q = q.where((eb) =>
      eb.or([eb('full_name', '>', after[0]), eb.and([eb('full_name', '=', after[0]), eb('id', '>', after[1])])]),
    )
  const rows = await q
    .orderBy('full_name')
    .orderBy('id')
    .limit(input.limit + 1)
    .execute()
  const page = rows.slice(0, input.limit)
  const last = page[page.length - 1]
  return {
    items: page,
    next_cursor: rows.length > input.limit && last ? encodeCursor([last.full_name, last.id]) : null,
  }
}
