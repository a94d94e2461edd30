import { fail } from '../core/errors'
import type { CommandCtx } from '../catalogue/context'
import { defineCommand } from '../catalogue/define'
import { mintReference } from '../catalogue/references'
import { hasRole } from '../users/actor'
import { loadDemoFacts } from './demo.facts'
import { buildDemoIncident, type DemoIncident } from './demo.rows'
import { GenerateDemoIncidentsInput } from './demo.schema'
import { mulberry32 } from './mulberry32'

const BATCH = 500
export const NOT_ADMIN = 'Only administrators can generate demo data.'
export const NOT_DEMO = 'Demo data can only be generated in a demo database.'
export const NO_DEMO_ORG = 'The demo generator needs the demo business units and users to be loaded first.'

type Generated = DemoIncident & { id: string; ref: string }

export const generateDemoIncidents = defineCommand({
  name: 'demo.generateIncidents',
  summary: 'Administrators, demo databases only: generate demo incidents from a seeded PRNG (incidents §12).',
  input: GenerateDemoIncidentsInput,
  sync: 'local',
  concurrency: 'none',
  touches: ['incident', 'incident_cause', 'incident_recovery'],
  async handler(ctx, input) {
    if (!hasRole(ctx.actor, 'admin')) fail.forbidden(NOT_ADMIN)
    const meta = await ctx.db
      .selectFrom('db_meta')
      .select(['demo_mode', 'reporting_currency'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow()
    if (meta.demo_mode !== 1) fail.workflow(NOT_DEMO)
    const facts = (await loadDemoFacts(ctx.db, meta.reporting_currency)) ?? fail.workflow(NO_DEMO_ORG)

    const now = input.now ?? ctx.now
    const batchId = ctx.newId()
    const rng = mulberry32(input.rng_state)
    let pending: Generated[] = []
    for (let i = 0; i < input.count; i++) {
      const d = buildDemoIncident(rng, facts, now)
      // The dispatcher mints one reference per command; every generated incident takes its own from the allocator.
      const ref = await mintReference(ctx.db, 'INC', d.incident.created_at, ctx.meta.deviceCode)
      pending.push({ ...d, id: ctx.newId(), ref })
      if (pending.length === BATCH) {
        await insertBatch(ctx, pending, batchId)
        pending = []
      }
    }
    await insertBatch(ctx, pending, batchId)
    return { count: input.count, demo_batch_id: batchId }
  },
})

/** One multi-row insert per table for up to 500 incidents, and one audit entry per incident. */
async function insertBatch(ctx: CommandCtx, batch: Generated[], batchId: string) {
  if (batch.length === 0) return
  const rows = batch.map((g) => ({
    ...g.incident,
    id: g.id,
    ref: g.ref,
    tenant_id: ctx.meta.tenantId,
    version: 1,
    scope_keys: JSON.stringify([`bu:${g.incident.business_unit_id}`, `user:${g.incident.created_by_user_id}`]),
    demo_batch_id: batchId,
  }))
  await ctx.db.insertInto('incident').values(rows).execute()
  await ctx.db
    .insertInto('incident_cause')
    .values(batch.map((g) => ({ incident_id: g.id, loss_cause_id: g.cause_id })))
    .execute()
  const recoveries = batch.flatMap((g) =>
    g.recovery
      ? [
          {
            id: ctx.newId(),
            tenant_id: ctx.meta.tenantId,
            incident_id: g.id,
            ...g.recovery,
            note: null,
            created_by_user_id: g.incident.closed_by_user_id ?? g.incident.created_by_user_id,
            created_at: g.incident.updated_at,
            updated_at: g.incident.updated_at,
          },
        ]
      : [],
  )
  if (recoveries.length > 0) await ctx.db.insertInto('incident_recovery').values(recoveries).execute()
  for (const [i, row] of rows.entries()) {
    const g = batch[i]!
    ctx.audit.record({
      entityType: 'incident',
      entityId: row.id,
      entityRef: row.ref,
      changes: createdChanges({
        ...row,
        near_miss: false,
        cause_ids: [g.cause_id],
        recoveries: g.recovery ? [g.recovery] : [],
      }),
    })
  }
}

const NOT_AUDITED = new Set(['tenant_id', 'version', 'created_at', 'updated_at', 'scope_keys'])

/** audit-security §2.1.1: one item per field the row was created with, before null. */
function createdChanges(row: Record<string, unknown>) {
  return Object.entries(row)
    .filter(([k, v]) => !NOT_AUDITED.has(k) && v !== null && !(Array.isArray(v) && v.length === 0))
    .map(([field, after]) => ({ field, before: null, after }))
}
