import type { Kysely } from 'kysely'
import type { DB } from '#shared/db/schema'
import org from '../../data/demo-org.json' with { type: 'json' }

type Db = Kysely<DB>
export type SeedRecord = (entityType: string, entityId: string, row: Record<string, unknown>) => void
export type RoutingSeedResult = { rules: number; fxRates: number }

/**
 * The routing rules A–D of incidents §9.3 (demo and test databases) and, in a demo database, the FX rates of
 * demo-org.json. Predicates in the data name the simplified type by name and the unit by code: both are resolved
 * to the ids routing compares (simplified type ids are the data codes, units the ids the loader gave them). Runs
 * once: a tenant that already has rules (or rates) keeps them. Pass `record` to audit each row as `demo.load`.
 */
export async function seedRoutingRules(
  db: Db,
  opts: { mode: 'demo' | 'test'; now: string; tenantId: string; newId: () => string; record?: SeedRecord },
): Promise<RoutingSeedResult> {
  return { rules: await seedRules(db, opts), fxRates: opts.mode === 'demo' ? await seedFxRates(db, opts) : 0 }
}

async function seedRules(db: Db, opts: { now: string; tenantId: string; newId: () => string; record?: SeedRecord }) {
  const any = await db.selectFrom('routing_rule').select('id').where('tenant_id', '=', opts.tenantId).executeTakeFirst()
  if (any) return 0
  const units = new Map(
    (await db.selectFrom('business_unit').select(['id', 'code']).where('tenant_id', '=', opts.tenantId).execute()).map(
      (u) => [u.code, u.id],
    ),
  )
  const types = new Map(
    (await db.selectFrom('simplified_event_type').select(['id', 'name']).execute()).map((t) => [t.name, t.id]),
  )
  const unit = (code: string) => units.get(code) ?? missing(`business unit ${code}`)
  let n = 0
  for (const r of org.routingRules) {
    const p = r.predicate as { min_amount?: number; simplified_event_type_id?: string; business_unit_id?: string }
    const predicate: Record<string, unknown> = {}
    if (p.min_amount !== undefined) predicate.min_amount = p.min_amount
    if (p.simplified_event_type_id)
      predicate.simplified_event_type_id =
        types.get(p.simplified_event_type_id) ?? missing(`simplified type ${p.simplified_event_type_id}`)
    if (p.business_unit_id) predicate.business_unit_id = unit(p.business_unit_id)
    const row = {
      id: opts.newId(),
      tenant_id: opts.tenantId,
      priority: r.priority,
      predicate: JSON.stringify(predicate),
      route_to_role: r.routeToRole,
      route_to_bu_id: r.routeToBusinessUnit ? unit(r.routeToBusinessUnit) : null,
      description: r.description,
      scope_keys: JSON.stringify(['adm']),
      created_at: opts.now,
      updated_at: opts.now,
    }
    await db.insertInto('routing_rule').values(row).execute()
    opts.record?.('routing_rule', row.id, { ...row, predicate, active: true })
    n++
  }
  return n
}

async function seedFxRates(db: Db, opts: { now: string; tenantId: string; newId: () => string; record?: SeedRecord }) {
  const any = await db.selectFrom('fx_rate').select('id').where('tenant_id', '=', opts.tenantId).executeTakeFirst()
  if (any) return 0
  let n = 0
  for (const r of org.fxRates) {
    // {daysAgo: n} = the UTC date n days before today (demo-org.json notes).
    const today = Date.parse(`${opts.now.slice(0, 10)}T00:00:00.000Z`)
    const row = {
      id: opts.newId(),
      tenant_id: opts.tenantId,
      currency_code: r.currency,
      rate_date: new Date(today - r.rateDate.daysAgo * 86_400_000).toISOString().slice(0, 10),
      rate: r.rate,
      source: r.source,
      scope_keys: JSON.stringify(['t']),
      created_by_user_id: null,
      updated_by_user_id: null,
      created_at: opts.now,
      updated_at: opts.now,
    }
    await db.insertInto('fx_rate').values(row).execute()
    opts.record?.('fx_rate', row.id, row)
    n++
  }
  return n
}

function missing(what: string): never {
  throw new Error(`The demo routing rules name ${what}, which is not loaded.`)
}
