import { z } from 'zod'
import { defineCommand } from '../catalogue/define'
import { fail } from '../core/errors'
import { Id, Version } from '../core/primitives'
import { publishedMatrix } from '../risk-matrix/matrix.bands'
import { MSG } from './risk.constants'
import { isReadOnlyForRisks, scoresOf } from './risk.rules'
import { riskVisible } from './risk.visibility'

export const ADOPT_MESSAGES = {
  gate: "Only Risk Officers can change a risk's matrix version.",
  status: 'The matrix version can only be changed in DRAFT or ASSESSED.',
  current: 'The risk already uses the current matrix version.',
} as const

/**
 * risks.md §3.2 "Adopt current matrix" (a `version` command): a risk officer re-pins a DRAFT or ASSESSED risk
 * to the published matrix version; likelihood and impact stay, both bands are recomputed in the new version.
 */
export const adoptMatrixVersion = defineCommand({
  name: 'risk.adoptMatrixVersion',
  summary: 'Re-pin a draft or assessed risk to the published matrix version.',
  input: z.strictObject({ id: Id, expected_version: Version }),
  sync: 'push',
  concurrency: 'version',
  touches: ['risk'],
  async handler(ctx, input) {
    const risk = await ctx.db
      .selectFrom('risk')
      .selectAll()
      .where('risk.tenant_id', '=', ctx.meta.tenantId)
      .where('risk.id', '=', input.id)
      .where(riskVisible(ctx.actor))
      .executeTakeFirst()
    if (!risk) return fail.notFound('Risk')
    if (isReadOnlyForRisks(ctx.actor.roles)) fail.forbidden(MSG.readOnly)
    if (!ctx.actor.roles.includes('risk_officer')) fail.forbidden(ADOPT_MESSAGES.gate)
    ctx.touch('risk', risk.id, Number(risk.version))
    if (risk.status !== 'DRAFT' && risk.status !== 'ASSESSED') fail.workflow(ADOPT_MESSAGES.status)
    const matrix = await publishedMatrix(ctx.db)
    if (risk.matrix_version_id === matrix.id) fail.workflow(ADOPT_MESSAGES.current)
    if (Number(risk.version) !== input.expected_version)
      fail.conflict({
        message: MSG.conflict,
        entity: 'Risk',
        id: risk.id,
        expectedVersion: input.expected_version,
        actualVersion: Number(risk.version),
      })

    const scores = scoresOf(matrix, risk)
    const after = {
      matrix_version_id: matrix.id,
      inherent_band: scores.inherent_band,
      residual_band: scores.residual_band,
    }
    const version = Number(risk.version) + 1
    await ctx.db
      .updateTable('risk')
      .set({ ...after, version, updated_at: ctx.now, updated_by: ctx.actor.id })
      .where('id', '=', risk.id)
      .execute()
    ctx.audit.record({
      entityType: 'risk',
      entityId: risk.id,
      entityRef: risk.ref,
      changes: (Object.keys(after) as (keyof typeof after)[])
        .filter((k) => risk[k] !== after[k])
        .map((field) => ({ field, before: risk[field], after: after[field] })),
    })
    return {
      id: risk.id,
      ref: risk.ref,
      version,
      matrix_version_id: matrix.id,
      matrix_version: matrix.version,
      inherent_score: scores.inherent_score,
      inherent_band: scores.inherent_band,
      residual_score: scores.residual_score,
      residual_band: scores.residual_band,
    }
  },
})
