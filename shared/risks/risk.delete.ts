import type { CommandCtx } from '../catalogue/context'
import { defineCommand } from '../catalogue/define'
import { fail } from '../core/errors'
import { MSG } from './risk.constants'
import { VersionedInput } from './risk.schema'
import { expectVersion, loadRisk, refuseReadOnly, rowChanges, type RiskRow } from './risk.store'

const LINK_TABLES = [
  { table: 'risk_control', other: 'control_id' },
  { table: 'incident_risk', other: 'incident_id' },
  { table: 'risk_measure', other: 'measure_id' },
  { table: 'kri_risk', other: 'kri_id' },
] as const

/** Removes every link row of the risk, each with its audit entry (§6.4). */
async function removeLinks(ctx: CommandCtx, risk: RiskRow) {
  for (const { table, other } of LINK_TABLES) {
    const rows = (await ctx.db.selectFrom(table).selectAll().where('risk_id', '=', risk.id).execute()) as Record<
      string,
      unknown
    >[]
    rows.sort((a, b) => String(a[other]).localeCompare(String(b[other])))
    for (const r of rows) {
      const otherId = String(r[other])
      await ctx.db.deleteFrom(table).where('risk_id', '=', risk.id).where(other, '=', otherId).execute()
      ctx.audit.record({
        entityType: table,
        entityId:
          table === 'risk_control' || table === 'risk_measure' ? `${risk.id}:${otherId}` : `${otherId}:${risk.id}`,
        entityRef: risk.ref,
        changes: rowChanges(r, true),
      })
    }
  }
}

/**
 * risks.md §6.4, a `version` command: visible (NOT_FOUND); read-only caller, then creator or risk officer
 * (FORBIDDEN); DRAFT and never approved (WORKFLOW); stale base (CONFLICT). A soft delete: the risk keeps its
 * notes and disappears from every query; its link rows are removed.
 */
export const deleteRisk = defineCommand({
  name: 'risk.delete',
  summary: 'Delete a draft risk that was never approved.',
  input: VersionedInput,
  sync: 'push',
  concurrency: 'version',
  touches: ['risk', 'risk_control', 'incident_risk', 'risk_measure', 'kri_risk'],
  async handler(ctx, input) {
    const risk = await loadRisk(ctx, input.id)
    refuseReadOnly(ctx.actor)
    if (risk.created_by !== ctx.actor.id && !ctx.actor.roles.includes('risk_officer')) fail.forbidden(MSG.deleteGate)
    ctx.touch('risk', risk.id, risk.version)
    if (risk.status !== 'DRAFT') fail.workflow(MSG.onlyDraftDelete)
    if (risk.validated_at !== null) fail.workflow(MSG.approvedDelete)
    expectVersion(risk, input.expected_version)

    const version = risk.version + 1
    const after = { deleted_at: ctx.now, deleted_by: ctx.actor.id }
    await ctx.db
      .updateTable('risk')
      .set({ ...after, version, updated_at: ctx.now, updated_by: ctx.actor.id })
      .where('id', '=', risk.id)
      .execute()
    ctx.audit.record({
      entityType: 'risk',
      entityId: risk.id,
      entityRef: risk.ref,
      changes: [
        { field: 'deleted_at', before: null, after: ctx.now },
        { field: 'deleted_by', before: null, after: ctx.actor.id },
      ],
    })
    await removeLinks(ctx, risk)
    return { id: risk.id, ref: risk.ref, deleted: true, version }
  },
})
