import type { Db } from '../db/schema'
import { INCIDENT_STATUSES, SEVERITIES, STATUS_NAMES } from '../incidents/incident.constants'
import type { MetricsGroup } from './metrics.schema'

export const UNCLASSIFIED = 'Unclassified'

/** The incident column each grouping reads; Basel types are grouped as stored and rolled up afterwards. */
export const GROUP_COLUMN = {
  status: 'incident.status',
  severity: 'incident.severity',
  simplified_event_type: 'incident.simplified_event_type_id',
  basel_event_type_l1: 'incident.basel_event_type_id',
  business_unit: 'incident.business_unit_id',
} as const

export type Keyed<T> = { key: string | null; values: T }
export type Grouped<T> = { group_key: string | null; group_label: string; values: T }
type Label = { label: string; order: number }

/**
 * Turns per-column aggregates into the groups of `groupBy`: level-2 Basel types roll up into their level-1
 * parent by adding sums and counts (exact), every group gets its label, and groups come in display order
 * (workflow or severity order, else reference order; Unclassified last).
 */
export async function toGroups<T extends Record<string, number>>(
  db: Db,
  groupBy: Exclude<MetricsGroup, 'none'>,
  rows: Keyed<T>[],
): Promise<Grouped<T>[]> {
  const parentOf = groupBy === 'basel_event_type_l1' ? await baselParents(db) : null
  const merged = new Map<string | null, T>()
  for (const { key: raw, values } of rows) {
    const key = raw === null ? null : (parentOf?.get(raw) ?? raw)
    const into = merged.get(key)
    if (!into) merged.set(key, { ...values })
    else {
      const sums: Record<string, number> = into
      for (const [k, v] of Object.entries(values)) sums[k] = (sums[k] ?? 0) + v
    }
  }
  const labels = await labelsFor(
    db,
    groupBy,
    [...merged.keys()].filter((k): k is string => k !== null),
  )
  return [...merged.entries()]
    .map(([key, values]) => ({ key, values, label: key === null ? undefined : labels.get(key) }))
    .sort((a, b) => (a.label?.order ?? Infinity) - (b.label?.order ?? Infinity))
    .map(({ key, values, label }) => ({ group_key: key, group_label: label?.label ?? key ?? UNCLASSIFIED, values }))
}

async function baselParents(db: Db): Promise<Map<string, string>> {
  const types = await db.selectFrom('basel_event_type').select(['id', 'parent_id']).execute()
  return new Map(types.map((t) => [t.id, t.parent_id ?? t.id]))
}

const SEVERITY_LABEL: Record<string, string> = {
  unrated: 'Unrated',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
}

async function labelsFor(db: Db, groupBy: Exclude<MetricsGroup, 'none'>, keys: string[]): Promise<Map<string, Label>> {
  const indexed = (names: { id: string; name: string }[]) =>
    new Map(names.map((n, order) => [n.id, { label: n.name, order }]))
  switch (groupBy) {
    case 'status':
      return indexed(INCIDENT_STATUSES.map((s) => ({ id: s, name: STATUS_NAMES[s] })))
    case 'severity':
      return indexed(SEVERITIES.map((s) => ({ id: s, name: SEVERITY_LABEL[s] ?? s })))
    case 'simplified_event_type':
      if (keys.length === 0) return new Map()
      return indexed(
        await db
          .selectFrom('simplified_event_type')
          .select(['id', 'name'])
          .where('id', 'in', keys)
          .orderBy('sort_order')
          .orderBy('id')
          .execute(),
      )
    case 'basel_event_type_l1': {
      if (keys.length === 0) return new Map()
      const types = await db
        .selectFrom('basel_event_type')
        .select(['id', 'name'])
        .where('id', 'in', keys)
        .orderBy('sort_order')
        .orderBy('id')
        .execute()
      // Shown as in the Basel picker: "EL2 External fraud".
      return indexed(types.map((t) => ({ id: t.id, name: `${t.id} ${t.name}` })))
    }
    case 'business_unit':
      if (keys.length === 0) return new Map()
      return indexed(
        await db.selectFrom('business_unit').select(['id', 'name']).where('id', 'in', keys).orderBy('name').execute(),
      )
  }
}
