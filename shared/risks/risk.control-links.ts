import type { CommandCtx } from '../catalogue/context'
import { defineCommand } from '../catalogue/define'
import { fail } from '../core/errors'
import { loadControl } from '../controls/control.store'
import { onControlUnlinked } from '../risk-acceptance/acceptance.effects'
import { MSG } from './risk.constants'
import { ControlNotesInput, LinkControlInput, UnlinkControlInput } from './risk.schema'
import { activeControlsOf } from './risk.snapshot'
import { loadRisk, requireWriter, rowChanges, type RiskRow } from './risk.store'

// risks.md §8 control links: no base version; visibility of the risk, then of the control (NOT_FOUND), the
// gate (FORBIDDEN), then the rules left to right (WORKFLOW). Every change of a control link (link, notes, unlink) adds 1 to
// risk.version (§1 "Versions").

async function load(ctx: CommandCtx, riskId: string, controlId: string) {
  const risk = await loadRisk(ctx, riskId)
  const control = await loadControl(ctx, controlId)
  requireWriter(ctx.actor, MSG.linkGate)
  const link = await ctx.db
    .selectFrom('risk_control')
    .selectAll()
    .where('risk_id', '=', risk.id)
    .where('control_id', '=', control.id)
    .executeTakeFirst()
  return { risk, control, link }
}

/** A manager (without the risk officer role) changes a risk's controls only in DRAFT. */
function managerRule(ctx: CommandCtx, risk: RiskRow) {
  if (!ctx.actor.roles.includes('risk_officer') && risk.status !== 'DRAFT') fail.workflow(MSG.managerDraftOnly)
}

/** `risk.version` + 1 for a change of its control links, audited on the risk. */
async function bumpVersion(ctx: CommandCtx, risk: RiskRow): Promise<number> {
  const version = risk.version + 1
  await ctx.db
    .updateTable('risk')
    .set({ version, updated_at: ctx.now, updated_by: ctx.actor.id })
    .where('id', '=', risk.id)
    .execute()
  ctx.audit.record({
    entityType: 'risk',
    entityId: risk.id,
    entityRef: risk.ref,
    changes: [{ field: 'version', before: risk.version, after: version }],
  })
  return version
}

const linkId = (riskId: string, controlId: string) => `${riskId}:${controlId}`

export const linkControl = defineCommand({
  name: 'risk.linkControl',
  summary: 'Link an active control to a risk, with optional notes.',
  input: LinkControlInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['risk', 'risk_control'],
  async handler(ctx, input) {
    const { risk, control, link } = await load(ctx, input.risk_id, input.control_id)
    if (risk.status === 'RETIRED') fail.workflow(MSG.linkRetired)
    managerRule(ctx, risk)
    if (control.is_active !== 1) fail.workflow(MSG.inactiveControl)
    if (link) fail.workflow(MSG.controlLinked)
    const row = {
      risk_id: risk.id,
      control_id: control.id,
      tenant_id: ctx.meta.tenantId,
      notes: input.notes || null,
      created_by_user_id: ctx.actor.id,
      created_at: ctx.now,
      updated_at: ctx.now,
    }
    await ctx.db.insertInto('risk_control').values(row).execute()
    ctx.audit.record({
      entityType: 'risk_control',
      entityId: linkId(risk.id, control.id),
      entityRef: `${risk.ref} / ${control.ref}`,
      changes: rowChanges(row),
    })
    const version = await bumpVersion(ctx, risk)
    return { risk_id: risk.id, control_id: control.id, version, warnings: [] as string[] }
  },
})

export const updateControlLinkNotes = defineCommand({
  name: 'risk.updateControlLinkNotes',
  summary: 'Replace the notes of a risk–control link.',
  input: ControlNotesInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['risk', 'risk_control'],
  async handler(ctx, input) {
    const { risk, control, link } = await load(ctx, input.risk_id, input.control_id)
    if (risk.status === 'RETIRED') fail.workflow(MSG.retired)
    managerRule(ctx, risk)
    if (!link) return fail.workflow(MSG.controlNotLinked)
    const notes = input.notes || null
    await ctx.db
      .updateTable('risk_control')
      .set({ notes, updated_at: ctx.now })
      .where('risk_id', '=', risk.id)
      .where('control_id', '=', control.id)
      .execute()
    ctx.audit.record({
      entityType: 'risk_control',
      entityId: linkId(risk.id, control.id),
      entityRef: `${risk.ref} / ${control.ref}`,
      changes: link.notes === notes ? [] : [{ field: 'notes', before: link.notes, after: notes }],
    })
    const version = await bumpVersion(ctx, risk)
    return { risk_id: risk.id, control_id: control.id, notes, version }
  },
})

export const unlinkControl = defineCommand({
  name: 'risk.unlinkControl',
  summary: 'Remove a control from a risk; an ACTIVE risk keeps at least one active control.',
  input: UnlinkControlInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['risk', 'risk_control', 'risk_acceptance'],
  async handler(ctx, input) {
    const { risk, control, link } = await load(ctx, input.risk_id, input.control_id)
    if (risk.status === 'RETIRED') fail.workflow(MSG.retired)
    managerRule(ctx, risk)
    if (!link) return fail.workflow(MSG.controlNotLinked)
    const active = risk.status === 'ACTIVE'
    if (active && !(await activeControlsOf(ctx.db, risk.id)).some((c) => c.id !== control.id))
      fail.workflow(MSG.lastControl)
    await ctx.db
      .deleteFrom('risk_control')
      .where('risk_id', '=', risk.id)
      .where('control_id', '=', control.id)
      .execute()
    ctx.audit.record({
      entityType: 'risk_control',
      entityId: linkId(risk.id, control.id),
      entityRef: `${risk.ref} / ${control.ref}`,
      changes: rowChanges(link, true),
    })
    const version = await bumpVersion(ctx, risk)
    if (active) await onControlUnlinked(ctx, risk.id, control.id)
    return { risk_id: risk.id, control_id: control.id, version, warnings: active ? [MSG.unlinkWarning] : [] }
  },
})

export const RISK_CONTROL_LINKS = [linkControl, updateControlLinkNotes, unlinkControl] as const
