import { z } from 'zod'
import { fail } from '../core/errors'
import { Id } from '../core/primitives'
import { decodeCursor, encodeCursor } from '../core/cursor'
import { defineCommand, defineQuery } from '../catalogue/define'
import type { CommandCtx } from '../catalogue/context'
import type { Db } from '../db/schema'

export const listInbox = defineQuery({
  name: 'notification.inbox',
  summary: "The signed-in user's inbox, newest first, keyset paged (incidents §10).",
  input: z.strictObject({
    unread_only: z.boolean().optional(),
    event_type: z.string().max(60).optional(),
    limit: z.number().int().min(1).max(100).default(50),
    cursor: z.string().max(1000).optional(),
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
        'n.requires_action',
        'n.action_route',
        'n.active',
        'n.sla_stage',
        'n.due_at',
      ])
      .where('un.user_id', '=', ctx.actor.id)
    if (input.unread_only) q = q.where('un.is_read', '=', 0)
    if (input.event_type) q = q.where('n.event_type', '=', input.event_type)
    const after = decodeCursor(input.cursor) as [string, string] | null
    if (after)
      q = q.where((eb) =>
        eb.or([
          eb('un.created_at', '<', after[0]),
          eb.and([eb('un.created_at', '=', after[0]), eb('un.id', '<', after[1])]),
        ]),
      )
    const rows = await q
      .orderBy('un.created_at', 'desc')
      .orderBy('un.id', 'desc')
      .limit(input.limit + 1)
      .execute()
    const page = rows.slice(0, input.limit)
    const last = page[page.length - 1]
    return {
      items: page.map((r) => {
        const payload = JSON.parse(r.payload) as { title: string; message: string; entity_ref: string | null }
        return {
          ...r,
          is_read: r.is_read === 1,
          active: r.active === 1,
          requires_action: r.requires_action === 1,
          payload,
          entity_ref: payload.entity_ref,
        }
      }),
      next_cursor: rows.length > input.limit && last ? encodeCursor([last.created_at, last.id]) : null,
      unread_count: await unreadCount(ctx.db, ctx.actor.id),
    }
  },
})

async function unreadCount(db: Db, userId: string) {
  const unread = await db
    .selectFrom('user_notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('is_read', '=', 0)
    .executeTakeFirstOrThrow()
  return Number(unread.n)
}

export const unreadCountQuery = defineQuery({
  name: 'notification.unreadCount',
  summary: 'How many inbox items the signed-in user has not read (the bell badge).',
  input: z.strictObject({}),
  async handler(ctx) {
    return { unread_count: await unreadCount(ctx.db, ctx.actor.id) }
  },
})

async function ownItem(ctx: CommandCtx, id: string) {
  const item = await ctx.db
    .selectFrom('user_notification')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', ctx.actor.id)
    .executeTakeFirst()
  return item ?? fail.notFound('Notification')
}

export const markRead = defineCommand({
  name: 'notification.markRead',
  summary: 'Mark one inbox item read; a second call keeps the first read time.',
  input: z.strictObject({ id: Id }),
  sync: 'push',
  concurrency: 'none',
  touches: ['user_notification'],
  async handler(ctx, input) {
    const item = await ownItem(ctx, input.id)
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

export const markUnread = defineCommand({
  name: 'notification.markUnread',
  summary: 'Mark one inbox item unread again.',
  input: z.strictObject({ id: Id }),
  sync: 'push',
  concurrency: 'none',
  touches: ['user_notification'],
  async handler(ctx, input) {
    const item = await ownItem(ctx, input.id)
    if (item.is_read === 0) return { id: item.id }
    await ctx.db.updateTable('user_notification').set({ is_read: 0, read_at: null }).where('id', '=', item.id).execute()
    ctx.audit.record({
      entityType: 'user_notification',
      entityId: item.id,
      changes: [
        { field: 'is_read', before: true, after: false },
        { field: 'read_at', before: item.read_at, after: null },
      ],
    })
    return { id: item.id }
  },
})

export const markAllRead = defineCommand({
  name: 'notification.markAllRead',
  summary: 'Mark every unread inbox item of the signed-in user read.',
  input: z.strictObject({}),
  sync: 'push',
  concurrency: 'none',
  touches: ['user_notification'],
  async handler(ctx) {
    const unread = await ctx.db
      .selectFrom('user_notification')
      .select('id')
      .where('user_id', '=', ctx.actor.id)
      .where('is_read', '=', 0)
      .orderBy('id')
      .execute()
    if (unread.length === 0) return { marked: 0 }
    await ctx.db
      .updateTable('user_notification')
      .set({ is_read: 1, read_at: ctx.now })
      .where('user_id', '=', ctx.actor.id)
      .where('is_read', '=', 0)
      .execute()
    for (const u of unread)
      ctx.audit.record({
        entityType: 'user_notification',
        entityId: u.id,
        changes: [
          { field: 'is_read', before: false, after: true },
          { field: 'read_at', before: null, after: ctx.now },
        ],
      })
    return { marked: unread.length }
  },
})
