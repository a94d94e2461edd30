import { PostgresAdapter, sql, type RawBuilder } from 'kysely'
import type { QueryCtx } from '../catalogue/context'
import type { Db } from '../db/schema'
import { incidentVisible } from '../incidents/incident.visibility'
import { nextDate } from './metrics.math'
import type { MetricsFilters } from './metrics.schema'

type TsColumn = 'occurred_at' | 'discovered_at' | 'resolved_at'

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter

/**
 * `later − earlier` in whole milliseconds, for ISO-8601 UTC text columns, computed by the engine so sums over a
 * million rows never leave the database. Both forms are exact integers.
 */
export function msBetween(db: Db, later: TsColumn, earlier: TsColumn): RawBuilder<number> {
  const a = sql.ref(`incident.${later}`)
  const b = sql.ref(`incident.${earlier}`)
  if (isPostgres(db))
    return sql<number>`round((extract(epoch from cast(${a} as timestamptz)) - extract(epoch from cast(${b} as timestamptz))) * 1000)`
  return sql<number>`((strftime('%s', ${a}) - strftime('%s', ${b})) * 1000 + (cast(substr(${a}, 21, 3) as integer) - cast(substr(${b}, 21, 3) as integer)))`
}

/** Visible, non-deleted incidents of the caller's tenant that match the filters (incidents §8, §11). */
export function metricsBase(ctx: QueryCtx, f: MetricsFilters) {
  let q = ctx.db
    .selectFrom('incident')
    .where('incident.tenant_id', '=', ctx.meta.tenantId)
    .where('incident.deleted_at', 'is', null)
    .where(incidentVisible(ctx.actor))
  if (f.business_unit_id) q = q.where('incident.business_unit_id', '=', f.business_unit_id)
  if (f.simplified_event_type_id) q = q.where('incident.simplified_event_type_id', '=', f.simplified_event_type_id)
  if (f.near_miss !== undefined) q = q.where('incident.near_miss', '=', f.near_miss ? 1 : 0)
  // Dates are inclusive UTC days; timestamps are fixed-width text, so text order is time order.
  if (f.discovered_from) q = q.where('incident.discovered_at', '>=', f.discovered_from)
  if (f.discovered_to) q = q.where('incident.discovered_at', '<', nextDate(f.discovered_to))
  const l1 = f.basel_event_type_l1
  // One IN over the type and its children (not an OR), so the incident_basel index serves it.
  if (l1)
    q = q.where(
      'incident.basel_event_type_id',
      'in',
      ctx.db
        .selectFrom('basel_event_type')
        .select('basel_event_type.id')
        .where((eb) => eb.or([eb('basel_event_type.id', '=', l1), eb('basel_event_type.parent_id', '=', l1)])),
    )
  return q
}
