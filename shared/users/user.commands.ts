import { z } from 'zod'
import { fail } from '../core/errors'
import { text } from '../core/primitives'
import { definePublicCommand } from '../catalogue/define'
import { profileOf } from '../auth/profile'
import { Email, Password } from './user.schema'

export const createFirstAdmin = definePublicCommand({
  name: 'user.createFirstAdmin',
  summary: 'First run: name the organisation and create the administrator.',
  input: z
    .strictObject({
      organisation_name: text('Organisation name', 1, 200).refine(
        (s) => s.length > 0,
        'Organisation name is required.',
      ),
      full_name: text('Full name', 1, 200),
      email: Email,
      password: Password,
      confirm_password: z.string().max(1024),
    })
    .check((ctx) => {
      if (ctx.value.password !== ctx.value.confirm_password)
        ctx.issues.push({
          code: 'custom',
          path: ['confirm_password'],
          message: 'Passwords do not match.',
          input: ctx.value,
        })
    }),
  touches: ['users'],
  session: 'establish',
  async handler(ctx, input) {
    const any = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst()
    if (any) fail.forbidden('RiskDesk already has an administrator. Sign in instead.')
    const id = ctx.newId()
    const hash = await ctx.services.passwords.hash(input.password)
    const row = {
      id,
      tenant_id: ctx.meta.tenantId,
      created_at: ctx.now,
      updated_at: ctx.now,
      username: null,
      email: input.email,
      email_lc: input.email.toLowerCase(),
      full_name: input.full_name,
      roles: JSON.stringify(['admin']),
      group_scope: 0,
      business_unit_id: null,
      manager_id: null,
      is_active: 1,
      password_hash: hash,
      must_change_password: 0,
      last_sign_in_at: ctx.now,
    }
    await ctx.db.insertInto('users').values(row).execute()
    await ctx.db.updateTable('db_meta').set({ tenant_name: input.organisation_name }).where('id', '=', 1).execute()
    const actor = { id, label: input.email }
    ctx.audit.record({
      entityType: 'settings',
      entityId: 'organisation',
      changes: [{ field: 'tenant_name', before: null, after: input.organisation_name }],
      actor,
    })
    ctx.audit.record({
      entityType: 'user',
      entityId: id,
      changes: [
        { field: 'email', before: null, after: row.email },
        { field: 'full_name', before: null, after: row.full_name },
        { field: 'roles', before: null, after: ['admin'] },
        { field: 'group_scope', before: null, after: false },
        { field: 'is_active', before: null, after: true },
        { field: 'must_change_password', before: null, after: false },
      ],
      actor,
    })
    const created = await ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    return profileOf(created, null)
  },
})
