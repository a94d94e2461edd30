import { defineCommand } from '../catalogue/define'
import { assertFreshBase, changedKeys } from '../catalogue/update-shape'
import { fail } from '../core/errors'
import { matrixById } from '../risk-matrix/matrix.bands'
import { MSG, RISK_FIELDS, type RiskField, type RiskValues } from './risk.constants'
import { lockedFields, lockMessage, scoresOf, scoreWarnings } from './risk.rules'
import { UpdateRiskInput } from './risk.schema'
import { editableRows, loadRisk, requireWriter, riskScopeKeys, valueIssues, valuesOf } from './risk.store'

/** The value rules a changed field brings into play (§6.2 step 7; the others were checked when they were saved). */
const RULES_OF: Partial<Record<RiskField, RiskField[]>> = {
  business_unit_id: ['business_unit_id'],
  owner_id: ['owner_id'],
  business_process_id: ['business_process_id'],
  product_id: ['product_id'],
  risk_category_id: ['risk_category_id'],
  basel_event_type_id: ['basel_event_type_id'],
}

/**
 * risks.md §6.2, a `fields` command: keys whose `after` equals the stored value are not changes; any changed
 * field outside the caller's lock row fails the whole command (WORKFLOW), then a stale base (CONFLICT), then
 * the value rules on the record as it would be (VALIDATION). Scores and bands are recomputed on the pinned
 * matrix; `version` + 1 always.
 */
export const updateRisk = defineCommand({
  name: 'risk.update',
  summary: 'Change the fields of a risk the caller may edit in its status; each key carries its base value.',
  input: UpdateRiskInput,
  sync: 'push',
  concurrency: 'fields',
  touches: ['risk'],
  async handler(ctx, input) {
    const risk = await loadRisk(ctx, input.id)
    requireWriter(ctx.actor, MSG.editGate)
    ctx.touch('risk', risk.id, risk.version)
    const stored = valuesOf(risk)
    const sent = input.changes
    const keys = changedKeys(RISK_FIELDS, sent, stored)

    const locked = lockedFields(keys, await editableRows(ctx.db, risk.status), ctx.actor.roles)
    if (locked.length > 0) fail.workflow(lockMessage(locked, risk.status, ctx.actor.roles), { fields: locked })

    assertFreshBase({ entity: 'Risk', id: risk.id, message: MSG.fieldConflict }, keys, sent, stored)

    const next: RiskValues = { ...stored }
    for (const k of keys) {
      const after = sent[k]!.after as string | number | null
      next[k] = after === '' ? null : after
    }
    const checks = new Set(keys.flatMap((k) => RULES_OF[k] ?? []))
    const issues = await valueIssues(ctx, next, checks, (f) => ['changes', f, 'after'])
    if (issues.length > 0) fail.validation(issues)

    const lis = {
      inherent_likelihood: next.inherent_likelihood as number | null,
      inherent_impact: next.inherent_impact as number | null,
      residual_likelihood: next.residual_likelihood as number | null,
      residual_impact: next.residual_impact as number | null,
    }
    const computed = scoresOf(await matrixById(ctx.db, risk.matrix_version_id), lis)
    const columns: Record<string, unknown> = {}
    for (const k of keys) columns[k] = next[k]
    for (const [k, v] of Object.entries(computed)) if ((risk as Record<string, unknown>)[k] !== v) columns[k] = v
    if (keys.includes('owner_id') || keys.includes('business_unit_id'))
      columns.scope_keys = riskScopeKeys(String(next.business_unit_id), String(next.owner_id))
    const version = risk.version + 1
    await ctx.db
      .updateTable('risk')
      .set({ ...columns, version, updated_at: ctx.now, updated_by: ctx.actor.id })
      .where('id', '=', risk.id)
      .execute()
    const before = risk as Record<string, unknown>
    ctx.audit.record({
      entityType: 'risk',
      entityId: risk.id,
      entityRef: risk.ref,
      changes: Object.keys(columns)
        .filter((k) => k !== 'scope_keys')
        .map((field) => ({ field, before: before[field] ?? null, after: columns[field] ?? null })),
    })
    return {
      id: risk.id,
      version,
      status: risk.status,
      changed: keys,
      ...computed,
      warnings: scoreWarnings(lis),
    }
  },
})
