import { z } from 'zod'
import { fail } from '../core/errors'
import { Id, Ts } from '../core/primitives'
import { defineCommand, defineQuery } from '../catalogue/define'
import type { Actor } from '../catalogue/context'
import { hasRole } from '../users/actor'
import { findVisibleIncident } from '../incidents/incident.queries'
import { incidentVisible } from '../incidents/incident.visibility'
import { measureVisible } from '../measures/measure.visibility'
import { controlVisible } from '../controls/control.visibility'
import { riskVisible } from '../risks/risk.visibility'
import { findVisibleKri } from '../kris/kri.store'
import { verifyChain, verifyMessage } from './verify'
import type { Selectable } from 'kysely'
import type { AuditEntryTable, Db } from '../db/schema'

/** Entity types an admin may read in the trail: configuration, users, devices, settings (audit-security §2.8). */
const CONFIG_ENTITIES = [
  'user',
  'settings',
  'business_unit',
  'device',
  'database',
  'incident_config',
  'routing_rule',
  'simplified_event_type',
  'fx_rate',
  'app_setting',
  'risk_matrix_version',
  'risk_category',
  'risk_category_event_type',
  'risk_allowed_transition',
  'risk_editable_field',
  'risk_required_field',
  'framework',
]

function toOutput(r: Selectable<AuditEntryTable>) {
  return {
    ...r,
    seq: Number(r.seq),
    changes: JSON.parse(r.changes) as { field: string; before: unknown; after: unknown }[],
  }
}

export const listAudit = defineQuery({
  name: 'audit.list',
  summary: 'Audit entries, newest first, keyset on seq.',
  input: z.strictObject({
    actorId: Id.optional(),
    actions: z.array(z.string().max(100)).max(50).optional(),
    entityType: z.string().max(64).optional(),
    entityId: z.string().max(80).optional(),
    entityRef: z.string().max(40).optional(),
    from: Ts.optional(),
    to: Ts.optional(),
    correlationId: Id.optional(),
    reasonContains: z.string().max(200).optional(),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.number().int().min(1).max(500).default(100),
    cursor: z.number().int().min(0).optional(),
  }),
  async handler(ctx, input) {
    const auditor = hasRole(ctx.actor, 'auditor')
    if (!auditor && !hasRole(ctx.actor, 'admin'))
      fail.forbidden('Only auditors and administrators can read the audit trail.')
    let q = ctx.db.selectFrom('audit_entry').selectAll().where('chain_id', '=', ctx.meta.databaseId)
    if (!auditor) q = q.where('entity_type', 'in', CONFIG_ENTITIES)
    if (input.actorId) q = q.where('actor_id', '=', input.actorId)
    if (input.actions?.length) q = q.where('action', 'in', input.actions)
    if (input.entityType) q = q.where('entity_type', '=', input.entityType)
    if (input.entityId) q = q.where('entity_id', '=', input.entityId)
    if (input.entityRef) q = q.where('entity_ref', '=', input.entityRef)
    if (input.from) q = q.where('at', '>=', input.from)
    if (input.to) q = q.where('at', '<=', input.to)
    if (input.correlationId) q = q.where('correlation_id', '=', input.correlationId)
    if (input.reasonContains) q = q.where('reason', 'like', `%${input.reasonContains}%`)
    if (input.cursor !== undefined) q = q.where('seq', input.order === 'desc' ? '<' : '>', input.cursor)
    const rows = await q
      .orderBy('seq', input.order)
      .limit(input.limit + 1)
      .execute()
    const page = rows.slice(0, input.limit).map(toOutput)
    const last = page[page.length - 1]
    return { items: page, next_cursor: rows.length > input.limit && last ? last.seq : null }
  },
})

export const auditForEntity = defineQuery({
  name: 'audit.forEntity',
  summary: "A record's history tab, oldest first.",
  input: z.strictObject({
    entityType: z.enum(['incident', 'user', 'measure', 'control', 'kri', 'risk']),
    entityId: Id,
    cursor: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  async handler(ctx, input) {
    await assertCanSeeHistory(ctx.db, ctx.actor, ctx.meta.tenantId, input.entityType, input.entityId)
    let q = ctx.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('chain_id', '=', ctx.meta.databaseId)
      .where((eb) =>
        eb.or([
          eb.and([eb('entity_type', '=', input.entityType), eb('entity_id', '=', input.entityId)]),
          // A record's history also lists its dependent rows: recoveries, and links named `<id>:<other id>`.
          ...(input.entityType === 'incident'
            ? [
                eb.and([
                  eb('entity_type', '=', 'incident_recovery'),
                  // Recovery entries carry the incident's ref, which outlives a removed recovery row.
                  eb('entity_ref', '=', eb.selectFrom('incident').select('ref').where('id', '=', input.entityId)),
                ]),
                eb.and([eb('entity_type', '=', 'incident_measure'), eb('entity_id', 'like', `${input.entityId}:%`)]),
              ]
            : []),
          // A control's history also lists its references, evidence, tests (all carry the control's ref) and links.
          ...(input.entityType === 'control'
            ? [
                eb.and([
                  eb('entity_type', 'in', ['control_framework_ref', 'evidence', 'evidence_revision', 'control_test']),
                  eb('entity_ref', '=', eb.selectFrom('control').select('ref').where('id', '=', input.entityId)),
                ]),
                eb.and([eb('entity_type', '=', 'risk_control'), eb('entity_id', 'like', `%:${input.entityId}`)]),
              ]
            : []),
          // A KRI's history also lists its value versions and threshold sets (they carry its ref) and risk links.
          ...(input.entityType === 'kri'
            ? [
                eb.and([
                  eb('entity_type', 'in', ['kri_value', 'kri_threshold_set']),
                  eb('entity_ref', '=', eb.selectFrom('kri').select('ref').where('id', '=', input.entityId)),
                ]),
                eb.and([eb('entity_type', '=', 'kri_risk'), eb('entity_id', 'like', `${input.entityId}:%`)]),
              ]
            : []),
          // A risk's history also lists its notes, snapshots and acceptances (by the risk's id or ref) and its links.
          ...(input.entityType === 'risk'
            ? [
                eb.and([
                  eb('entity_type', 'in', ['risk_note', 'risk_snapshot']),
                  eb('entity_ref', '=', eb.selectFrom('risk').select('ref').where('id', '=', input.entityId)),
                ]),
                eb.and([
                  eb('entity_type', '=', 'risk_acceptance'),
                  eb(
                    'entity_id',
                    'in',
                    eb.selectFrom('risk_acceptance').select('id').where('risk_id', '=', input.entityId),
                  ),
                ]),
                eb.and([
                  eb('entity_type', 'in', ['risk_control', 'risk_measure']),
                  eb('entity_id', 'like', `${input.entityId}:%`),
                ]),
                eb.and([
                  eb('entity_type', 'in', ['incident_risk', 'kri_risk']),
                  eb('entity_id', 'like', `%:${input.entityId}`),
                ]),
              ]
            : []),
          ...(input.entityType === 'measure'
            ? [
                eb.and([
                  eb('entity_type', 'in', ['incident_measure', 'risk_measure']),
                  eb('entity_id', 'like', `%:${input.entityId}`),
                ]),
              ]
            : []),
        ]),
      )
    if (input.cursor !== undefined) q = q.where('seq', '>', input.cursor)
    const rows = await q
      .orderBy('seq', 'asc')
      .limit(input.limit + 1)
      .execute()
    const page = rows.slice(0, input.limit).map(toOutput)
    const last = page[page.length - 1]
    return { items: page, next_cursor: rows.length > input.limit && last ? last.seq : null }
  },
})

async function assertCanSeeHistory(
  db: Db,
  actor: Actor,
  tenantId: string,
  type: 'incident' | 'user' | 'measure' | 'control' | 'kri' | 'risk',
  id: string,
) {
  if (type === 'risk') {
    // risks.md §4: a risk's history follows the risk's visibility (a deleted risk is not visible).
    const visible = await db
      .selectFrom('risk')
      .select('id')
      .where('id', '=', id)
      .where('tenant_id', '=', tenantId)
      .where(riskVisible(actor))
      .executeTakeFirst()
    if (visible) return
    fail.notFound('Risk')
  }
  if (type === 'kri') {
    // kris.md §8: a KRI's history follows the KRI's visibility.
    if (await findVisibleKri(db, actor, tenantId, id)) return
    fail.notFound('KRI')
  }
  if (type === 'control') {
    // controls.md §4: a control's history follows the control's visibility.
    const visible = await db
      .selectFrom('control')
      .select('id')
      .where('id', '=', id)
      .where('tenant_id', '=', tenantId)
      .where(controlVisible(actor))
      .executeTakeFirst()
    if (visible) return
    fail.notFound('Control')
  }
  if (type === 'measure') {
    // A deleted measure keeps its history for auditors (measures §7: the audit entry holds the before-image).
    const live = await db
      .selectFrom('measure')
      .select('id')
      .where('id', '=', id)
      .where(measureVisible(actor))
      .executeTakeFirst()
    if (live || (hasRole(actor, 'auditor') && actor.groupScope)) return
    fail.notFound('Measure')
  }
  if (type === 'incident') {
    if (await findVisibleIncident(db, actor, tenantId, id)) return
    // Auditors keep the history of soft-deleted incidents (incidents §6.8).
    if (hasRole(actor, 'auditor')) {
      const deleted = await db
        .selectFrom('incident')
        .select('id')
        .where('id', '=', id)
        .where('deleted_at', 'is not', null)
        .where(incidentVisible({ ...actor, roles: ['auditor'] }))
        .executeTakeFirst()
      if (deleted) return
    }
    fail.notFound('Incident')
  }
  if (!hasRole(actor, 'admin', 'auditor') && actor.id !== id) fail.notFound('User')
}

export const verifyAudit = defineCommand({
  name: 'audit.verify',
  summary: 'Verify the hash chain of this database and record the result.',
  input: z.strictObject({
    checkpoint: z.strictObject({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
  }),
  sync: 'local',
  concurrency: 'none',
  touches: [],
  async handler(ctx, input) {
    if (!hasRole(ctx.actor, 'auditor', 'admin'))
      fail.forbidden('Only auditors and administrators can verify the audit trail.')
    const result = await verifyChain(ctx.db, {
      chainId: ctx.meta.databaseId,
      sha256Hex: ctx.services.sha256Hex,
      now: ctx.now,
      checkpoint: input.checkpoint,
    })
    // A chain whose head no longer matches its last entry cannot take another link: the result is still
    // returned to the auditor, and recording it waits until the chain is repaired or restored.
    const headBroken = result.firstFailure?.kind === 'TRUNCATED' || result.firstFailure?.kind === 'HEAD_MISMATCH'
    if (!headBroken)
      ctx.audit.record({
        entityType: 'database',
        entityId: ctx.meta.databaseId,
        changes: [
          { field: 'checked', before: null, after: result.checked },
          { field: 'ok', before: null, after: result.ok },
          { field: 'first_failure', before: null, after: result.firstFailure },
        ],
      })
    return { ...result, message: verifyMessage(result) }
  },
})
