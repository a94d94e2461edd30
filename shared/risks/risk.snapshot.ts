import type { CommandCtx } from '../catalogue/context'
import type { Db } from '../db/schema'
import { averageEffectiveness, worstKriStatus } from './risk.rules'
import { rowChanges, type RiskRow } from './risk.store'

export type SnapshotTrigger = 'APPROVAL' | 'WORKSHOP_APPROVAL' | 'RETIREMENT'

/** The linked active controls of a risk, sorted by id, with their design effectiveness. */
export async function activeControlsOf(db: Db, riskId: string) {
  return db
    .selectFrom('risk_control')
    .innerJoin('control', 'control.id', 'risk_control.control_id')
    .select(['control.id', 'control.effectiveness'])
    .where('risk_control.risk_id', '=', riskId)
    .where('control.is_active', '=', 1)
    .orderBy('control.id')
    .execute()
}

/** The §2.4 link figures of a risk as they stand now. */
export async function linkFigures(db: Db, riskId: string) {
  const controls = await activeControlsOf(db, riskId)
  const measures = await db
    .selectFrom('risk_measure')
    .innerJoin('measure', 'measure.id', 'risk_measure.measure_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('risk_measure.risk_id', '=', riskId)
    .where('measure.status', 'not in', ['COMPLETED', 'CANCELLED'])
    .executeTakeFirstOrThrow()
  const incidents = await db
    .selectFrom('incident_risk')
    .innerJoin('incident', 'incident.id', 'incident_risk.incident_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('incident_risk.risk_id', '=', riskId)
    .where('incident.deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  const kris = await db
    .selectFrom('kri_risk')
    .innerJoin('kri', 'kri.id', 'kri_risk.kri_id')
    .select('kri.current_status')
    .where('kri_risk.risk_id', '=', riskId)
    .where('kri.is_active', '=', 1)
    .where('kri.deleted_at', 'is', null)
    .where('kri.current_value_e4', 'is not', null)
    .execute()
  const ids = controls.map((c) => c.id).sort()
  return {
    control_ids: JSON.stringify(ids),
    control_count: ids.length,
    avg_control_design_effectiveness: averageEffectiveness(
      controls.map((c) => (c.effectiveness === null ? null : Number(c.effectiveness))),
    ),
    open_measure_count: Number(measures.n),
    incident_count: Number(incidents.n),
    worst_kri_status: worstKriStatus(kris.map((k) => k.current_status)),
  }
}

/**
 * risks.md §2.4, §10: the immutable snapshot written in the transaction of an approval or of the retirement of
 * an ACTIVE risk. `risk` is the row as it stands after the transition (its new version and status).
 */
export async function writeSnapshot(ctx: CommandCtx, risk: RiskRow, trigger: SnapshotTrigger): Promise<string> {
  const snapshot = {
    id: ctx.newId(),
    tenant_id: ctx.meta.tenantId,
    risk_id: risk.id,
    taken_at: ctx.now,
    trigger,
    risk_version: risk.version,
    status: risk.status,
    title: risk.title,
    risk_category_id: risk.risk_category_id,
    basel_event_type_id: risk.basel_event_type_id,
    business_unit_id: risk.business_unit_id,
    owner_id: risk.owner_id,
    matrix_version_id: risk.matrix_version_id,
    inherent_likelihood: risk.inherent_likelihood,
    inherent_impact: risk.inherent_impact,
    inherent_score: risk.inherent_score,
    inherent_band: risk.inherent_band,
    residual_likelihood: risk.residual_likelihood,
    residual_impact: risk.residual_impact,
    residual_score: risk.residual_score,
    residual_band: risk.residual_band,
    ...(await linkFigures(ctx.db, risk.id)),
    actor_id: ctx.actor.id,
  }
  await ctx.db.insertInto('risk_snapshot').values(snapshot).execute()
  ctx.audit.record({
    entityType: 'risk_snapshot',
    entityId: snapshot.id,
    entityRef: risk.ref,
    changes: rowChanges(snapshot),
  })
  return snapshot.id
}
