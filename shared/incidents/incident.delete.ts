import { z } from 'zod'
import { defineCommand } from '../catalogue/define'
import { fail } from '../core/errors'
import { Id, Version } from '../core/primitives'
import { deactivateNotifications, loadForWrite, staleVersion } from './incident.store'

/** Soft delete of a draft by its creator (incidents §6.8); the row, recoveries and links are kept. */
export const deleteIncident = defineCommand({
  name: 'incident.delete',
  summary: 'Delete one of your drafts; it disappears from every list but stays in the audit trail.',
  input: z.strictObject({ id: Id, expected_version: Version }),
  sync: 'push',
  concurrency: 'version',
  touches: ['incident'],
  async handler(ctx, input) {
    const { incident } = await loadForWrite(ctx, input.id)
    if (incident.created_by_user_id !== ctx.actor.id)
      fail.forbidden('Only the incident creator can delete an incident.')
    ctx.touch('incident', incident.id, incident.version)
    if (incident.status !== 'DRAFT')
      fail.workflow('Only DRAFT incidents can be deleted.', {
        transition: { action: 'incident.delete', from: incident.status, to: null },
      })
    staleVersion(incident, input.expected_version)
    const after = { deleted_at: ctx.now, deleted_by_user_id: ctx.actor.id }
    await ctx.db
      .updateTable('incident')
      .set({ ...after, version: incident.version + 1, updated_at: ctx.now })
      .where('id', '=', incident.id)
      .execute()
    await deactivateNotifications(ctx, incident.id)
    ctx.audit.record({
      entityType: 'incident',
      entityId: incident.id,
      entityRef: incident.ref,
      changes: [
        { field: 'deleted_at', before: null, after: after.deleted_at },
        { field: 'deleted_by_user_id', before: null, after: after.deleted_by_user_id },
      ],
    })
    return { id: incident.id, version: incident.version + 1 }
  },
})
