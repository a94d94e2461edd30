import type { Actor } from '../catalogue/context'
import { defineCommand } from '../catalogue/define'
import type { CommandCtx } from '../catalogue/context'
import { fail } from '../core/errors'
import { hasRole } from '../users/actor'
import { CreateControlInput } from './control.schema'
import { controlScopeKeys, controlValueIssues, refuseReadOnly, rowChanges } from './control.store'

export type NewControl = {
  code: string | null
  title: string
  description: string
  control_type: string
  control_nature: string
  control_frequency: string
  implementation_status: string
  effectiveness: number | null
  business_unit_id: string
  business_process_id: string | null
  owner_id: string
  reference_doc: string | null
  group_wide: boolean
}

/** Inserts an active control minted by the dispatcher, with its audit entry (shared with createFromTemplate). */
export async function insertControl(ctx: CommandCtx, v: NewControl) {
  const control = {
    id: ctx.minted.id,
    tenant_id: ctx.meta.tenantId,
    version: 1,
    created_at: ctx.now,
    updated_at: ctx.now,
    scope_keys: controlScopeKeys({ ...v, group_wide: v.group_wide ? 1 : 0 }),
    ref: ctx.minted.ref!,
    code: v.code,
    title: v.title,
    description: v.description,
    control_type: v.control_type,
    control_nature: v.control_nature,
    control_frequency: v.control_frequency,
    implementation_status: v.implementation_status,
    effectiveness: v.effectiveness,
    business_unit_id: v.business_unit_id,
    business_process_id: v.business_process_id,
    owner_id: v.owner_id,
    reference_doc: v.reference_doc,
    group_wide: v.group_wide ? 1 : 0,
    is_active: 1,
    deactivated_at: null,
    deactivated_by: null,
    deactivation_reason: null,
    evidence_status: 'NONE',
    last_test_date: null,
    last_test_result: null,
    created_by: ctx.actor.id,
    updated_by: ctx.actor.id,
  }
  await ctx.db.insertInto('control').values(control).execute()
  ctx.audit.record({
    entityType: 'control',
    entityId: control.id,
    entityRef: control.ref,
    changes: rowChanges({ ...control, group_wide: v.group_wide, is_active: true }),
  })
  return control
}

/**
 * controls.md §3.1 `control.create`: schema (required fields, enums, effectiveness) → read-only role →
 * risk-officer gate → stored-data rules (BU in scope, owner, process BU, code unique); defaults PREVENTIVE,
 * MANUAL, IMPLEMENTED, not group-wide.
 */
export const createControl = defineCommand({
  name: 'control.create',
  summary: 'Create an active control in the library (risk officers, BU in scope).',
  input: CreateControlInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['control'],
  creates: { prefix: 'CTL' },
  async handler(ctx, input) {
    refuseReadOnly(ctx.actor)
    if (!mayCreateControls(ctx.actor)) fail.forbidden('Only Risk Officers can create controls.')
    const issues = await controlValueIssues(ctx, {
      business_unit_id: input.business_unit_id,
      owner_id: input.owner_id,
      business_process_id: input.business_process_id ?? null,
      code: input.code ?? null,
    })
    if (issues.length > 0) fail.validation(issues)
    const control = await insertControl(ctx, {
      code: input.code ?? null,
      title: input.title,
      description: input.description,
      control_type: input.control_type ?? 'PREVENTIVE',
      control_nature: input.control_nature ?? 'MANUAL',
      control_frequency: input.control_frequency,
      implementation_status: input.implementation_status ?? 'IMPLEMENTED',
      effectiveness: input.effectiveness ?? null,
      business_unit_id: input.business_unit_id,
      business_process_id: input.business_process_id ?? null,
      owner_id: input.owner_id,
      reference_doc: input.reference_doc ?? null,
      group_wide: input.group_wide ?? false,
    })
    return { id: control.id, ref: control.ref, version: control.version, is_active: true }
  },
})

/** controls.md §3.1: only risk officers create controls (the library's "New control" follows it). */
export const mayCreateControls = (actor: Actor) => hasRole(actor, 'risk_officer')
