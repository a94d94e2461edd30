import { z } from 'zod'
import { fail } from '../core/errors'
import { Id, Role } from '../core/primitives'
import { defineQuery } from '../catalogue/define'
import { decodeCursor, encodeCursor } from '../core/cursor'
import { hasRole } from './actor'

export const listUsers = defineQuery({
  name: 'user.list',
  summary: 'Users for the admin screen, by name, keyset paged.',
  input: z.strictObject({
    role: Role.optional(),
    businessUnitId: Id.optional(),
    active: z.boolean().optional(),
    q: z.string().trim().max(200).optional(),
    limit: z.number().int().min(1).max(100).default(50),
    cursor: z.string().max(500).optional(),
  }),
  async handler(ctx, input) {
    if (!hasRole(ctx.actor, 'admin')) fail.forbidden('Only administrators can manage users.')
    let q = ctx.db
      .selectFrom('users as u')
      .leftJoin('business_unit as bu', 'bu.id', 'u.business_unit_id')
      .leftJoin('users as m', 'm.id', 'u.manager_id')
      .select([
        'u.id',
        'u.email',
        'u.full_name',
        'u.roles',
        'u.group_scope',
        'u.business_unit_id',
        'bu.name as business_unit_name',
        'u.manager_id',
        'm.full_name as manager_name',
        'u.is_active',
        'u.last_sign_in_at',
      ])
      .where('u.tenant_id', '=', ctx.meta.tenantId)
    if (input.role) q = q.where('u.roles', 'like', `%"${input.role}"%`)
    if (input.businessUnitId) q = q.where('u.business_unit_id', '=', input.businessUnitId)
    if (input.active !== undefined) q = q.where('u.is_active', '=', input.active ? 1 : 0)
    if (input.q && input.q.length > 0) {
      const like = `%${input.q.toLowerCase()}%`
      q = q.where((eb) => eb.or([eb(eb.fn('lower', ['u.full_name']), 'like', like), eb('u.email_lc', 'like', like)]))
    }
    const after = decodeCursor(input.cursor)
    if (after) {
      const [name, id] = after as [string, string]
      q = q.where((eb) =>
        eb.or([eb('u.full_name', '>', name), eb.and([eb('u.full_name', '=', name), eb('u.id', '>', id)])]),
      )
    }
    const rows = await q
      .orderBy('u.full_name')
      .orderBy('u.id')
      .limit(input.limit + 1)
      .execute()
    const page = rows.slice(0, input.limit)
    const last = page[page.length - 1]
    return {
      items: page.map((r) => ({
        ...r,
        roles: JSON.parse(r.roles) as string[],
        group_scope: r.group_scope === 1,
        is_active: r.is_active === 1,
      })),
      next_cursor: rows.length > input.limit && last ? encodeCursor([last.full_name, last.id]) : null,
    }
  },
})
