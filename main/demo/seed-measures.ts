import { mintReference } from '#shared/catalogue/references'
import type { Db, Trx } from '#shared/db/schema'
import { scopeKeys } from '#shared/measures/measure.store'
import org from '../../data/demo-org.json' with { type: 'json' }
import { newId } from '../ids'
import { demoAudit } from './demo-audit'

const HOUR = 3_600_000

type DemoMeasure = {
  key: string
  description: string
  createdBy: string
  responsible: string
  deadline?: { daysAhead: number }
  status: string
  startedAt?: { hoursAgo: number }
  linkedIncidents?: string[]
}

/**
 * The demo organisation's measures (data/demo-org.json `measures`), linked to the incidents they name, each row
 * with a `demo.load` audit entry. Runs after the users and incidents are loaded, inside the caller's transaction
 * when given one. Risk links wait for the risk register. Test databases and a second run load nothing.
 */
export async function seedMeasures(
  db: Db,
  opts: { mode: 'demo' | 'test'; now: string; tenantId: string },
): Promise<{ measures: number }> {
  if (opts.mode !== 'demo') return { measures: 0 }
  const run = (trx: Trx) => load(trx, opts.now, opts.tenantId)
  return db.isTransaction ? run(db as Trx) : db.transaction().execute(run)
}

async function load(trx: Trx, now: string, tenantId: string): Promise<{ measures: number }> {
  const any = await trx.selectFrom('measure').select('id').where('tenant_id', '=', tenantId).limit(1).executeTakeFirst()
  if (any) return { measures: 0 }
  const meta = await trx.selectFrom('db_meta').selectAll().executeTakeFirstOrThrow()
  const users = new Map(
    (await trx.selectFrom('users').select(['id', 'username']).where('tenant_id', '=', tenantId).execute()).map((u) => [
      u.username,
      u.id,
    ]),
  )
  const incidentTitle = new Map(org.incidents.map((i) => [i.key, i.title]))
  const { record, flush } = demoAudit(meta, now)

  const today = `${now.slice(0, 10)}T00:00:00.000Z`
  let count = 0
  for (const m of org.measures as DemoMeasure[]) {
    const creator = users.get(m.createdBy)
    const responsible = users.get(m.responsible)
    if (!creator || !responsible) continue
    const startedAt = m.startedAt ? new Date(Date.parse(now) - m.startedAt.hoursAgo * HOUR).toISOString() : null
    // The file gives no creation time: a started measure was created a day before work began.
    const createdAt = startedAt ? new Date(Date.parse(startedAt) - 24 * HOUR).toISOString() : now
    const deadline = m.deadline
      ? new Date(Date.parse(today) + m.deadline.daysAhead * 24 * HOUR).toISOString().slice(0, 10)
      : null
    const ref = await mintReference(trx, 'MSR', createdAt, meta.device_code)
    const row = {
      id: newId(),
      tenant_id: tenantId,
      version: 1,
      created_at: createdAt,
      updated_at: startedAt ?? createdAt,
      scope_keys: await scopeKeys(trx, responsible, creator),
      ref,
      description: m.description,
      status: m.status,
      responsible_user_id: responsible,
      deadline,
      notes: null,
      closure_comment: null,
      started_at: startedAt,
      submitted_at: null,
      closed_at: null,
      created_by_user_id: creator,
    }
    await trx.insertInto('measure').values(row).execute()
    record('measure', row.id, row, ref)
    count++
    for (const key of m.linkedIncidents ?? []) {
      const incident = await trx
        .selectFrom('incident')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('title', '=', incidentTitle.get(key) ?? '')
        .executeTakeFirst()
      if (!incident) continue
      const link = {
        incident_id: incident.id,
        measure_id: row.id,
        tenant_id: tenantId,
        created_by_user_id: creator,
        created_at: createdAt,
      }
      await trx.insertInto('incident_measure').values(link).execute()
      record('incident_measure', `${incident.id}:${row.id}`, link, ref)
    }
  }
  await flush(trx)
  return { measures: count }
}
