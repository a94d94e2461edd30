import { defineCommand } from '../catalogue/define'
import type { Db } from '../db/schema'
import { EDITABLE_FIELDS, inCatalogueOrder, REQUIRABLE_FIELDS } from './config.constants'
import { editableFieldIssues, requiredFieldIssues } from './config.rules'
import { EditableFieldsInput, RequiredFieldsInput } from './config.schema'
import { recordConfig, refuse, requireAdmin } from './config.store'

async function requiredOf(db: Db, status: string): Promise<string[]> {
  const rows = await db
    .selectFrom('incident_required_field')
    .select('field')
    .where('target_status', '=', status)
    .execute()
  return inCatalogueOrder(
    rows.map((r) => r.field),
    REQUIRABLE_FIELDS,
  )
}

async function editableOf(db: Db, status: string, role: string): Promise<string[]> {
  const rows = await db
    .selectFrom('incident_editable_field')
    .select('field')
    .where('status', '=', status)
    .where('role', '=', role)
    .execute()
  return inCatalogueOrder(
    rows.map((r) => r.field),
    EDITABLE_FIELDS,
  )
}

/** Replaces the fields required to enter a state (incidents §6.3, §13); applies to forward edges run after it. */
export const setRequiredFields = defineCommand({
  name: 'incidentConfig.setRequiredFields',
  summary: 'Replace the fields an incident needs to enter a state.',
  input: RequiredFieldsInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['incident_required_field'],
  async handler(ctx, input) {
    requireAdmin(ctx.actor)
    refuse(requiredFieldIssues(input))
    const before = await requiredOf(ctx.db, input.status)
    const after = inCatalogueOrder(input.fields, REQUIRABLE_FIELDS)
    await ctx.db.deleteFrom('incident_required_field').where('target_status', '=', input.status).execute()
    if (after.length > 0)
      await ctx.db
        .insertInto('incident_required_field')
        .values(after.map((field) => ({ target_status: input.status, field })))
        .execute()
    recordConfig(ctx, `required_fields:${input.status}`, before, after, 'fields')
    return { status: input.status, fields: after }
  },
})

/** Replaces the allow-list of one (state, role) cell of the field locks (incidents §6.4, §13). */
export const setEditableFields = defineCommand({
  name: 'incidentConfig.setEditableFields',
  summary: 'Replace the fields a role may edit in a state.',
  input: EditableFieldsInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['incident_editable_field'],
  async handler(ctx, input) {
    requireAdmin(ctx.actor)
    refuse(editableFieldIssues(input))
    const before = await editableOf(ctx.db, input.status, input.role)
    const after = inCatalogueOrder(input.fields, EDITABLE_FIELDS)
    await ctx.db
      .deleteFrom('incident_editable_field')
      .where('status', '=', input.status)
      .where('role', '=', input.role)
      .execute()
    if (after.length > 0)
      await ctx.db
        .insertInto('incident_editable_field')
        .values(after.map((field) => ({ status: input.status, role: input.role, field })))
        .execute()
    recordConfig(ctx, `editable_fields:${input.status}:${input.role}`, before, after, 'fields')
    return { status: input.status, role: input.role, fields: after }
  },
})
