import { defineCommand, defineQuery } from '../catalogue/define'
import type { QueryCtx } from '../catalogue/context'
import { decodeCursor, encodeCursor } from '../core/cursor'
import { fail } from '../core/errors'
import { MSG } from './risk.constants'
import { isCommentParticipant, NOTE_PREFIXES, type ParticipantFacts } from './risk.read-rules'
import { AddCommentInput, RiskNotesInput } from './risk.read-schema'
import { loadRisk, rowChanges, type RiskRow } from './risk.store'

// risks.md §2.3 and §9: the notes of a risk (comments and workflow reasons), newest first, and comments.

/** The people facts of §9 with each user's current manager. */
export async function participantFacts(ctx: Pick<QueryCtx, 'db'>, risk: RiskRow): Promise<ParticipantFacts> {
  const users = await ctx.db
    .selectFrom('users')
    .select(['id', 'manager_id'])
    .where('id', 'in', [risk.owner_id, risk.created_by])
    .execute()
  const managerOf = (id: string) => users.find((u) => u.id === id)?.manager_id ?? null
  return {
    ownerId: risk.owner_id,
    creatorId: risk.created_by,
    ownerManagerId: managerOf(risk.owner_id),
    creatorManagerId: managerOf(risk.created_by),
  }
}

/** `risk.notes {risk_id}`: every note of a visible risk, `created_at desc` (id breaks ties), keyset paged. */
export const listRiskNotes = defineQuery({
  name: 'risk.notes',
  summary: 'The notes of a visible risk (comments and workflow reasons), newest first.',
  input: RiskNotesInput,
  async handler(ctx, input) {
    const risk = await loadRisk(ctx, input.risk_id)
    const base = ctx.db.selectFrom('risk_note').where('risk_note.risk_id', '=', risk.id)
    const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    const after = decodeCursor(input.cursor) as [string, string] | null
    let q = base
    if (after) {
      const [at, id] = after
      q = q.where((eb) =>
        eb.or([
          eb('risk_note.created_at', '<', at),
          eb.and([eb('risk_note.created_at', '=', at), eb('risk_note.id', '<', id)]),
        ]),
      )
    }
    const rows = await q
      .innerJoin('users as author', 'author.id', 'risk_note.author_id')
      .select([
        'risk_note.id',
        'risk_note.kind',
        'risk_note.body',
        'risk_note.created_at',
        'risk_note.author_id',
        'author.email as author_email',
        'author.full_name as author_name',
      ])
      .orderBy('risk_note.created_at', 'desc')
      .orderBy('risk_note.id', 'desc')
      .limit(input.limit + 1)
      .execute()
    const page = rows.slice(0, input.limit)
    const last = page[page.length - 1]
    return {
      items: page.map((n) => ({ ...n, prefix: NOTE_PREFIXES[n.kind] ?? n.kind })),
      next_cursor: rows.length > input.limit && last ? encodeCursor([last.created_at, last.id]) : null,
      total,
    }
  },
})

/**
 * `risk.addComment {risk_id, comment}` (§9): schema (comment 1–2 000); risk visible (NOT_FOUND); participants
 * only (FORBIDDEN — auditors are never participants); RETIRED risk (WORKFLOW). Writes one COMMENT note;
 * the risk's version does not change.
 */
export const addRiskComment = defineCommand({
  name: 'risk.addComment',
  summary: 'Comment on a risk (participants: risk officers, owner, creator and their managers).',
  input: AddCommentInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['risk_note'],
  creates: { prefix: null },
  async handler(ctx, input) {
    const risk = await loadRisk(ctx, input.risk_id)
    if (!isCommentParticipant(ctx.actor, await participantFacts(ctx, risk)))
      fail.forbidden('You do not have permission to comment on this risk.')
    if (risk.status === 'RETIRED') fail.workflow(MSG.retired)
    const note = {
      id: ctx.minted.id,
      tenant_id: ctx.meta.tenantId,
      risk_id: risk.id,
      kind: 'COMMENT',
      body: input.comment,
      author_id: ctx.actor.id,
      created_at: ctx.now,
    }
    await ctx.db.insertInto('risk_note').values(note).execute()
    ctx.audit.record({ entityType: 'risk_note', entityId: note.id, entityRef: risk.ref, changes: rowChanges(note) })
    return { id: note.id, risk_id: risk.id, kind: note.kind, created_at: note.created_at }
  },
})
