import { z } from 'zod'
import { defineCommand, defineQuery } from '../catalogue/define'
import { fail } from '../core/errors'
import { hasRole } from '../users/actor'
import { EDITABLE_FIELDS, MEASURE_STATUSES, PARTIES, TERMINAL_STATUSES } from './measure.constants'
import { SetEditableFieldsInput } from './measure.schema'

const rowId = (r: { status: string; party: string; field: string }) => `${r.status}:${r.party}:${r.field}`

/**
 * measures.md §6: the admin replaces the editable fields of one (status, party). Only the rows that change
 * are written, each with its own audit entry; COMPLETED and CANCELLED stay fixed (the schema refuses them).
 */
export const setEditableFields = defineCommand({
  name: 'measureConfig.setEditableFields',
  summary: 'Replace the fields one party may edit in one measure state.',
  input: SetEditableFieldsInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['measure_editable_field'],
  async handler(ctx, input) {
    if (!hasRole(ctx.actor, 'admin')) fail.forbidden('Only administrators can change the measure configuration.')
    const current = await ctx.db
      .selectFrom('measure_editable_field')
      .select('field')
      .where('status', '=', input.status)
      .where('party', '=', input.party)
      .execute()
    const have = new Set(current.map((r) => r.field))
    const want = new Set(input.fields)
    const removed = EDITABLE_FIELDS.filter((f) => have.has(f) && !want.has(f))
    const added = EDITABLE_FIELDS.filter((f) => want.has(f) && !have.has(f))
    for (const field of removed) {
      const row = { status: input.status, party: input.party, field }
      await ctx.db
        .deleteFrom('measure_editable_field')
        .where('status', '=', row.status)
        .where('party', '=', row.party)
        .where('field', '=', field)
        .execute()
      ctx.audit.record({
        entityType: 'measure_editable_field',
        entityId: rowId(row),
        changes: Object.entries(row).map(([k, v]) => ({ field: k, before: v, after: null })),
      })
    }
    for (const field of added) {
      const row = { status: input.status, party: input.party, field }
      await ctx.db.insertInto('measure_editable_field').values(row).execute()
      ctx.audit.record({
        entityType: 'measure_editable_field',
        entityId: rowId(row),
        changes: Object.entries(row).map(([k, v]) => ({ field: k, before: null, after: v })),
      })
    }
    return {
      status: input.status,
      party: input.party,
      fields: EDITABLE_FIELDS.filter((f) => want.has(f)),
      added,
      removed,
    }
  },
})

/** The edit-rights matrix (state × party × field) for the admin screen; terminal states are fixed. */
export const getMeasureConfig = defineQuery({
  name: 'measureConfig.get',
  summary: 'The measure edit-rights matrix.',
  input: z.strictObject({}),
  async handler(ctx) {
    const rows = await ctx.db
      .selectFrom('measure_editable_field')
      .select(['status', 'party', 'field'])
      .orderBy('status')
      .orderBy('party')
      .orderBy('field')
      .execute()
    return {
      statuses: MEASURE_STATUSES.map((code) => ({ code, configurable: !TERMINAL_STATUSES.includes(code) })),
      parties: PARTIES,
      fields: EDITABLE_FIELDS,
      rows,
    }
  },
})
