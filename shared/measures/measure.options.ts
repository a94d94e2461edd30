import { sql } from 'kysely'
import { z } from 'zod'
import { defineQuery } from '../catalogue/define'
import { decodeCursor, encodeCursor } from '../core/cursor'
import { ROLE_CODES } from '../core/primitives'

// A user who holds any role besides auditor and admin can do the work (measures.md §3.1, §14).
const WORKING_ROLES = ROLE_CODES.filter((r) => r !== 'auditor' && r !== 'admin')

/** The create dialog's responsible picker: active users who can be responsible, by name, keyset paged. */
export const responsibleOptions = defineQuery({
  name: 'measure.responsibleOptions',
  summary: 'Users who can be named responsible for a measure.',
  input: z.strictObject({
    q: z.string().trim().max(200).optional(),
    limit: z.number().int().min(1).max(100).default(50),
    cursor: z.string().max(500).optional(),
  }),
  async handler(ctx, input) {
    let q = ctx.db
      .selectFrom('users')
      .select(['id', 'full_name', 'email'])
      .where('tenant_id', '=', ctx.meta.tenantId)
      .where('is_active', '=', 1)
      .where((eb) => eb.or(WORKING_ROLES.map((r) => eb('roles', 'like', `%"${r}"%`))))
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
  },
})
