import { z } from 'zod'
import { fail } from '../core/errors'
import { Id } from '../core/primitives'
import { defineCommand, defineQuery } from '../catalogue/define'

export const listInbox = defineQuery({
  name: 'notification.list',
  summary: "The signed-in user's inbox, newest first.",
  input: z.strictObject({
    unread_only: z.boolean().optional(),
    limit: z.number().int().min(1).max(100).default(50),
  }),
  async handler(ctx, input) {
    let q = ctx.db
      .selectFrom('user_notification as un')
      .innerJoin('notification as n', 'n.id', 'un.notification_id')
      .select([
        'un.id',
        'un.is_read',
        'un.read_at',
        'un.created_at',
        'n.entity_type',
        'n.entity_id',
        'n.event_type',
        'n.payload',
        'n.priority',
        'n.action_route',
      ])
      .where('un.user_id', '=', ctx.actor.id)
    if (input.unread_only) q = q.where('un.is_read', '=', 0)
    const rows = await q.orderBy('un.created_at', 'desc').orderBy('un.id', 'desc').limit(input.limit).execute()
    const unread = await ctx.db
      .selectFrom('user_notification')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', ctx.actor.id)
      .where('is_read', '=', 0)
      .executeTakeFirstOrThrow()
    return {
      items: rows.map((r) => ({
        ...r,
        is_read: r.is_read === 1,
        payload: JSON.parse(r.payload) as Record<string, string>,
      })),
      unread_count: Number(unread.n),
    }
  },
})

export const markRead = defineCommand({
  name: 'notification.markRead',
  summary: 'Mark one inbox item read; a second call keeps the first read time.',
  input: z.strictObject({ id: Id }),
  sync: 'push',
  concurrency: 'none',
  touches: ['user_notification'],
  async handler(ctx, input) {
    const item = await ctx.db
      .selectFrom('user_notification')
      .selectAll()
      .where('id', '=', input.id)
      .where('user_id', '=', ctx.actor.id)
      .executeTakeFirst()
    if (!item) return fail.notFound('Notification')
    if (item.is_read === 1) return { id: item.id, read_at: item.read_at }
    await ctx.db
      .updateTable('user_notification')
      .set({ is_read: 1, read_at: ctx.now })
      .where('id', '=', item.id)
      .execute()
    ctx.audit.record({
      entityType: 'user_notification',
      entityId: item.id,
      changes: [
        { field: 'is_read', before: false, after: true },
        { field: 'read_at', before: null, after: ctx.now },
      ],
    })
    return { id: item.id, read_at: ctx.now }
  },
})
