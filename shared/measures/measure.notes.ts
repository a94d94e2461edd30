import { z } from 'zod'
import { defineCommand } from '../catalogue/define'
import { fail } from '../core/errors'
import { Id } from '../core/primitives'
import { Comment } from './measure.schema'
import { loadMeasure } from './measure.store'
import { isParticipant, isReadOnly, prependNote } from './measure.workflow'

export const COMMENT_FORBIDDEN = 'You do not have permission to comment on this measure.'

/**
 * measures.md §9: a participant prepends a COMMENT entry in any state, terminal ones included. Anyone else who
 * sees the measure, an auditor included (§9, MEA-20), gets the comment refusal rather than the generic
 * read-only one.
 */
export const addMeasureComment = defineCommand({
  name: 'measure.addComment',
  summary: 'Add a comment to the measure’s notes log.',
  input: z.strictObject({ id: Id, comment: Comment }),
  sync: 'push',
  concurrency: 'none',
  touches: ['measure'],
  async handler(ctx, input) {
    const { measure, facts, caller } = await loadMeasure(ctx, input.id)
    if (isReadOnly(ctx.actor.roles) || !isParticipant(caller, facts)) fail.forbidden(COMMENT_FORBIDDEN)
    const notes = prependNote(measure.notes, ctx.now, ctx.actor.email, 'COMMENT', input.comment)
    const version = measure.version + 1
    await ctx.db
      .updateTable('measure')
      .set({ notes, version, updated_at: ctx.now })
      .where('id', '=', measure.id)
      .execute()
    ctx.audit.record({
      entityType: 'measure',
      entityId: measure.id,
      entityRef: measure.ref,
      changes: [{ field: 'notes', before: measure.notes, after: notes }],
    })
    return { id: measure.id, version }
  },
})
