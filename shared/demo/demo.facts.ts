import type { Db } from '../db/schema'

export type DemoCreator = {
  id: string
  managerId: string
  /** §5.5 review rule for this creator's incidents (reviewer = the manager); null when nobody qualifies. */
  assigneeRiskOfficerId: string | null
  /** Who validates and closes: the §5.5 choice, else the first other active risk officer. */
  validatorId: string | null
}

export type DemoUnit = {
  id: string
  name: string
  processId: string
  productId: string
  businessLineId: string
  /** Active employees with an active manager, ordered by username so a run does not depend on ids. */
  creators: DemoCreator[]
}

export type DemoFacts = {
  reportingCurrency: string
  reportingDigits: number
  /** Retail first, then Wholesale (incidents §12 step 5). */
  units: readonly [DemoUnit, DemoUnit]
  types: { id: string; name: string; defaultBaselId: string | null }[]
  causeIds: string[]
  baselLevel1Ids: string[]
  sla: { draft: number; review: number; validation: number }
}

// The demo organisation's rows, resolved by name at run time (data/demo-org.json, incidents §12 step 5).
const DEMO_UNITS = [
  { name: 'Retail', process: 'Credit Cards', product: 'Credit Card', line: 'Retail banking' },
  { name: 'Wholesale', process: 'Trade Finance', product: 'Corporate Loan', line: 'Commercial banking' },
] as const

type UserRow = {
  id: string
  username: string | null
  roles: string
  group_scope: number
  business_unit_id: string | null
  manager_id: string | null
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

/** Everything the generator draws from, or null when the demo units, users or rows are not loaded. */
export async function loadDemoFacts(db: Db, reportingCurrency: string): Promise<DemoFacts | null> {
  const [bus, processes, products, lines, users] = await Promise.all([
    db.selectFrom('business_unit').select(['id', 'name']).where('is_active', '=', 1).execute(),
    db.selectFrom('business_process').select(['id', 'name']).where('is_active', '=', 1).orderBy('id').execute(),
    db.selectFrom('product').select(['id', 'name']).where('is_active', '=', 1).orderBy('id').execute(),
    db.selectFrom('basel_business_line').select(['id', 'name']).where('level', '=', 1).execute(),
    db
      .selectFrom('users')
      .select(['id', 'username', 'roles', 'group_scope', 'business_unit_id', 'manager_id'])
      .where('is_active', '=', 1)
      .orderBy('id')
      .execute(),
  ])
  const active = new Map(users.map((u) => [u.id, u]))
  const officers = users.filter((u) => hasRole(u, 'risk_officer'))
  if (officers.length === 0) return null

  const units: DemoUnit[] = []
  for (const d of DEMO_UNITS) {
    const bu = bus.find((b) => same(b.name, d.name))
    const processId = processes.find((p) => same(p.name, d.process))?.id
    const productId = products.find((p) => same(p.name, d.product))?.id
    const businessLineId = lines.find((l) => same(l.name, d.line))?.id
    if (!bu || !processId || !productId || !businessLineId) return null
    const creators = users
      .filter((u) => u.business_unit_id === bu.id && hasRole(u, 'employee') && u.manager_id && active.has(u.manager_id))
      .sort((a, b) => (a.username ?? a.id).localeCompare(b.username ?? b.id))
      .map((u) => creatorOf(u, u.manager_id!, bu.id, officers))
    if (creators.length === 0) return null
    units.push({ id: bu.id, name: bu.name, processId, productId, businessLineId, creators })
  }

  const [types, maps, causes, level1, sla, currency] = await Promise.all([
    db
      .selectFrom('simplified_event_type')
      .select(['id', 'name'])
      .where('is_active', '=', 1)
      .orderBy('sort_order')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('simplified_to_basel_map')
      .select(['simplified_event_type_id', 'basel_event_type_id'])
      .where('is_default', '=', 1)
      .execute(),
    db.selectFrom('loss_cause').select('id').where('is_active', '=', 1).orderBy('id').execute(),
    db
      .selectFrom('basel_event_type')
      .select('id')
      .where('level', '=', 1)
      .where('is_active', '=', 1)
      .orderBy('sort_order')
      .orderBy('id')
      .execute(),
    db.selectFrom('sla_config').select(['key', 'value_days']).execute(),
    db.selectFrom('currency').select('minor_unit_digits').where('code', '=', reportingCurrency).executeTakeFirst(),
  ])
  if (types.length === 0 || causes.length === 0 || level1.length === 0) return null
  const days = (key: string, fallback: number) => sla.find((s) => s.key === key)?.value_days ?? fallback
  return {
    reportingCurrency,
    reportingDigits: currency?.minor_unit_digits ?? 2,
    units: [units[0]!, units[1]!],
    types: types.map((t) => ({
      id: t.id,
      name: t.name,
      defaultBaselId: maps.find((m) => m.simplified_event_type_id === t.id)?.basel_event_type_id ?? null,
    })),
    causeIds: causes.map((c) => c.id),
    baselLevel1Ids: level1.map((l) => l.id),
    sla: { draft: days('draft_days', 7), review: days('review_days', 5), validation: days('validation_days', 10) },
  }
}

function hasRole(u: UserRow, role: string): boolean {
  try {
    return (JSON.parse(u.roles) as unknown[]).includes(role)
  } catch {
    return false
  }
}

/** incidents §5.5 "review": same unit, lowest id; else group scope, lowest id; creator and reviewer never. */
function creatorOf(u: UserRow, managerId: string, unitId: string, officers: UserRow[]): DemoCreator {
  const eligible = officers.filter((o) => o.id !== u.id && o.id !== managerId)
  const assignee =
    eligible.find((o) => o.business_unit_id === unitId) ?? eligible.find((o) => o.group_scope === 1) ?? null
  return {
    id: u.id,
    managerId,
    assigneeRiskOfficerId: assignee?.id ?? null,
    validatorId: assignee?.id ?? eligible[0]?.id ?? null,
  }
}
