import { z } from 'zod'
import type { Db } from '../db/schema'
import { fail } from '../core/errors'
import { definePublicCommand, defineCommand, defineQuery } from '../catalogue/define'
import { persistingError } from '../catalogue/dispatcher'
import { homeScreen } from '../users/actor'
import { profileOf, type Profile } from './profile'
import { blockSecondsLeft, nextBlock } from './throttle'

const INCORRECT = 'Email or password is incorrect.'

export const signIn = definePublicCommand({
  name: 'auth.signIn',
  summary: 'Sign in with email and password (standalone database).',
  input: z.strictObject({ email: z.string().trim().max(254), password: z.string().max(1024) }),
  touches: ['users'],
  session: 'establish',
  async handler(ctx, input): Promise<Profile> {
    const emailLc = input.email.toLowerCase()
    const user = await ctx.db
      .selectFrom('users')
      .selectAll()
      .where('tenant_id', '=', ctx.meta.tenantId)
      .where('email_lc', '=', emailLc)
      .executeTakeFirst()
    if (!user || !user.password_hash) {
      await ctx.services.passwords.dummyVerify(input.password)
      ctx.audit.record({
        action: 'auth.signInFailed',
        entityType: 'user',
        entityId: 'unknown',
        changes: [],
        actor: { id: null, label: emailLc.slice(0, 254) || 'unknown' },
      })
      throw persistingError({ code: 'FORBIDDEN', message: INCORRECT })
    }
    const left = blockSecondsLeft(user.sign_in_blocked_until, ctx.now)
    if (left > 0) fail.forbidden(`Too many failed attempts. Try again in ${left} seconds.`)

    const ok = await ctx.services.passwords.verify(user.password_hash, input.password)
    const actor = { id: user.id, label: user.email }
    if (!ok) {
      const failed = user.failed_sign_ins + 1
      const blockedUntil = nextBlock(failed, ctx.now)
      await ctx.db
        .updateTable('users')
        .set({ failed_sign_ins: failed, sign_in_blocked_until: blockedUntil })
        .where('id', '=', user.id)
        .execute()
      ctx.audit.record({
        action: 'auth.signInFailed',
        entityType: 'user',
        entityId: user.id,
        changes: [
          { field: 'failed_sign_ins', before: user.failed_sign_ins, after: failed },
          ...(blockedUntil !== user.sign_in_blocked_until
            ? [{ field: 'sign_in_blocked_until', before: user.sign_in_blocked_until, after: blockedUntil }]
            : []),
        ],
        actor,
      })
      throw persistingError({ code: 'FORBIDDEN', message: INCORRECT })
    }
    if (user.is_active !== 1) fail.forbidden('This account is inactive. Contact your administrator.')
    await ctx.db
      .updateTable('users')
      .set({ failed_sign_ins: 0, sign_in_blocked_until: null, last_sign_in_at: ctx.now })
      .where('id', '=', user.id)
      .execute()
    ctx.audit.record({ action: 'auth.signIn', entityType: 'user', entityId: user.id, changes: [], actor })
    return profileOf(user, await buName(ctx.db, user.business_unit_id))
  },
})

export const signOut = defineCommand({
  name: 'auth.signOut',
  summary: 'End the session.',
  input: z.strictObject({}),
  sync: 'local',
  concurrency: 'none',
  touches: [],
  whileLocked: true,
  session: 'end',
  async handler(ctx) {
    ctx.audit.record({ action: 'auth.signOut', entityType: 'user', entityId: ctx.actor.id, changes: [] })
    return { signedOut: true }
  },
})

export const sessionStatus = defineQuery({
  name: 'session.status',
  summary: 'Who is signed in, and whether the database still needs its first administrator.',
  input: z.strictObject({}),
  auth: 'optional',
  whileLocked: true,
  async handler(ctx) {
    const any = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst()
    const tenant = await ctx.db.selectFrom('db_meta').select(['tenant_name', 'demo_mode']).executeTakeFirst()
    let user: Profile | null = null
    if (ctx.actor) {
      const row = await ctx.db.selectFrom('users').selectAll().where('id', '=', ctx.actor.id).executeTakeFirstOrThrow()
      user = profileOf(row, await buName(ctx.db, row.business_unit_id))
    }
    return {
      first_run: !any,
      organisation: tenant?.tenant_name ?? null,
      demo_mode: tenant?.demo_mode === 1,
      user,
      home: user ? homeScreen(user.roles) : null,
    }
  },
})

export async function buName(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null
  const bu = await db.selectFrom('business_unit').select('name').where('id', '=', id).executeTakeFirst()
  return bu?.name ?? null
}
