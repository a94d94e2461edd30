import { defineCommand } from '../catalogue/define'
import { fail } from '../core/errors'
import { publishedMatrix } from '../risk-matrix/matrix.bands'
import { MSG, RISK_FIELDS, type RiskField, type RiskValues } from './risk.constants'
import { lockedFields, lockMessage, scoresOf, scoreWarnings } from './risk.rules'
import { CreateRiskInput } from './risk.schema'
import { editableRows, requireWriter, riskScopeKeys, rowChanges, valueIssues } from './risk.store'

/**
 * risks.md §6.1 in the §1 order: schema; read-only caller and the manager/risk-officer gate (FORBIDDEN); every
 * supplied field editable in DRAFT for the caller (WORKFLOW); value rules (VALIDATION). The risk pins the
 * published matrix version and stores its computed scores and bands.
 */
export const createRisk = defineCommand({
  name: 'risk.create',
  summary: 'Draft a risk for a business unit with its owner, category and optional scores.',
  input: CreateRiskInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['risk'],
  creates: { prefix: 'RSK' },
  async handler(ctx, input) {
    requireWriter(ctx.actor, MSG.createGate)
    const values = Object.fromEntries(
      RISK_FIELDS.map((f) => [f, input[f] === '' ? null : (input[f] ?? null)]),
    ) as RiskValues
    const supplied = RISK_FIELDS.filter((f) => values[f] !== null)
    const locked = lockedFields(supplied, await editableRows(ctx.db, 'DRAFT'), ctx.actor.roles)
    if (locked.length > 0) fail.workflow(lockMessage(locked, 'DRAFT', ctx.actor.roles), { fields: locked })

    const issues = await valueIssues(ctx, values, new Set<RiskField>(RISK_FIELDS), (f) => [f])
    if (issues.length > 0) fail.validation(issues)

    const matrix = await publishedMatrix(ctx.db)
    const lis = {
      inherent_likelihood: input.inherent_likelihood ?? null,
      inherent_impact: input.inherent_impact ?? null,
      residual_likelihood: input.residual_likelihood ?? null,
      residual_impact: input.residual_impact ?? null,
    }
    const risk = {
      id: ctx.minted.id,
      tenant_id: ctx.meta.tenantId,
      version: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
      scope_keys: riskScopeKeys(input.business_unit_id, input.owner_id),
      ref: ctx.minted.ref!,
      title: input.title,
      description: input.description,
      risk_category_id: input.risk_category_id,
      basel_event_type_id: input.basel_event_type_id ?? null,
      business_unit_id: input.business_unit_id,
      business_process_id: input.business_process_id ?? null,
      product_id: input.product_id ?? null,
      owner_id: input.owner_id,
      matrix_version_id: matrix.id,
      ...lis,
      ...scoresOf(matrix, lis),
      inherent_justification: input.inherent_justification || null,
      residual_justification: input.residual_justification || null,
      status: 'DRAFT',
      next_review_date: input.next_review_date ?? null,
      submitted_for_review_at: null,
      submitted_by: null,
      validated_at: null,
      validated_by: null,
      retired_at: null,
      retired_by: null,
      retirement_reason: null,
      created_by: ctx.actor.id,
      updated_by: ctx.actor.id,
      deleted_at: null,
      deleted_by: null,
    }
    await ctx.db.insertInto('risk').values(risk).execute()
    ctx.audit.record({ entityType: 'risk', entityId: risk.id, entityRef: risk.ref, changes: rowChanges(risk) })
    return {
      id: risk.id,
      ref: risk.ref,
      status: risk.status,
      version: risk.version,
      matrix_version_id: matrix.id,
      inherent_score: risk.inherent_score,
      inherent_band: risk.inherent_band,
      residual_score: risk.residual_score,
      residual_band: risk.residual_band,
      warnings: scoreWarnings(lis),
    }
  },
})
