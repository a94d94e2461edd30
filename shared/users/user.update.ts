import { z } from 'zod'
import { defineCommand } from '../catalogue/define'
import { fail, type Issue } from '../core/errors'
import { Id, Role, text } from '../core/primitives'
import { assertFreshBase, changedKeys, changesSchema } from '../catalogue/update-shape'
import { reassignOnDeactivation, reassignOnManagerChange } from '../incidents/incident.reassign'
import { hasRole } from './actor'

const USER_FIELDS = ['full_name', 'roles', 'business_unit_id', 'manager_id', 'group_scope', 'is_active'] as const
type UserField = (typeof USER_FIELDS)[number]
const USER_VALUE = {
  full_name: text('Full name', 1, 200),
  roles: z.array(Role).min(1, 'Choose at least one role.').max(8),
  business_unit_id: Id.nullable(),
  manager_id: Id.nullable(),
  group_scope: z.boolean(),
  is_active: z.boolean(),
}

/** The administrator's user editor; a manager change or a deactivation moves incident queues (incidents §5.5). */
export const updateUser = defineCommand({
  name: 'user.update',
  summary: 'Change a user’s name, roles, unit, manager, scope or active flag.',
  input: z.strictObject({ id: Id, changes: changesSchema(USER_FIELDS, USER_VALUE) }),
  sync: 'push',
  concurrency: 'fields',
  touches: ['users', 'incident'],
  async handler(ctx, input) {
    if (!hasRole(ctx.actor, 'admin')) fail.forbidden('Only administrators can manage users.')
    const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', input.id).executeTakeFirst()
    if (!user) return fail.notFound('User')
    const stored: Record<UserField, unknown> = {
      full_name: user.full_name,
      roles: JSON.parse(user.roles) as string[],
      business_unit_id: user.business_unit_id,
      manager_id: user.manager_id,
      group_scope: user.group_scope === 1,
      is_active: user.is_active === 1,
    }
    const sent = input.changes
    const keys = changedKeys(USER_FIELDS, sent, stored)
    assertFreshBase(
      { entity: 'User', id: user.id, message: 'This user was changed by someone else. Reload and try again.' },
      keys,
      sent,
      stored,
    )
    const next = { ...stored }
    for (const k of keys) next[k] = sent[k]!.after
    const issues: Issue[] = []
    if (keys.includes('manager_id') && next.manager_id !== null) {
      if (next.manager_id === user.id)
        issues.push({ path: ['manager_id'], message: 'A user cannot manage themselves.' })
      const m = await ctx.db
        .selectFrom('users')
        .select('is_active')
        .where('id', '=', next.manager_id as string)
        .executeTakeFirst()
      if (!m || m.is_active !== 1) issues.push({ path: ['manager_id'], message: 'Manager not found or inactive.' })
    }
    if (keys.includes('business_unit_id') && next.business_unit_id !== null) {
      const bu = await ctx.db
        .selectFrom('business_unit')
        .select('is_active')
        .where('id', '=', next.business_unit_id as string)
        .executeTakeFirst()
      if (!bu || bu.is_active !== 1)
        issues.push({ path: ['business_unit_id'], message: 'Business unit not found or inactive.' })
    }
    if (keys.includes('is_active') && next.is_active === false && user.id === ctx.actor.id)
      issues.push({ path: ['is_active'], message: 'You cannot deactivate your own account.' })
    if (issues.length > 0) fail.validation(issues)

    const columns: Record<string, unknown> = {}
    for (const k of keys)
      columns[k] =
        k === 'roles' ? JSON.stringify(next.roles) : typeof next[k] === 'boolean' ? (next[k] ? 1 : 0) : next[k]
    await ctx.db
      .updateTable('users')
      .set({ ...columns, version: user.version + 1, updated_at: ctx.now })
      .where('id', '=', user.id)
      .execute()
    ctx.audit.record({
      entityType: 'user',
      entityId: user.id,
      changes: keys.map((f) => ({ field: f, before: stored[f], after: next[f] })),
    })
    if (keys.includes('manager_id')) await reassignOnManagerChange(ctx, user.id, next.manager_id as string | null)
    if (keys.includes('is_active') && next.is_active === false) await reassignOnDeactivation(ctx, user.id)
    return { id: user.id, version: user.version + 1 }
  },
})
