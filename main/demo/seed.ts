import { seedRoutingRules } from './seed-routing'
import { seedMeasures } from './seed-measures'
import { seedKris } from './seed-kris'
import { seedRcsa, type EvidenceSink } from './seed-rcsa'
import type { Kysely } from 'kysely'
import { demoAudit } from './demo-audit'
import { mintReference } from '#shared/catalogue/references'
import type { DB, Trx } from '#shared/db/schema'
import { addDays, currentDueAt, netLoss, severityOf } from '#shared/incidents/incident.rules'
import org from '../../data/demo-org.json' with { type: 'json' }
import { newId } from '../ids'

type Rel = { daysAgo?: number; hoursAgo?: number; daysAhead?: number }
const HOUR = 3_600_000

export type SeedResult = { loaded: boolean; users: number; incidents: number }

/**
 * Loads the demo organisation (`mode: 'demo'`) or the acceptance-test fixture (`mode: 'test'`) into an empty
 * database, in one transaction with a `demo.load` audit entry per record. A database that already has users
 * is left alone, so running the start command twice never duplicates anything.
 */
export async function seedOrganisation(
  db: Kysely<DB>,
  opts: { mode: 'demo' | 'test'; now: string; passwordHash: string; evidence?: EvidenceSink | undefined },
): Promise<SeedResult> {
  return db.transaction().execute(async (trx) => {
    const any = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()
    if (any) return { loaded: false, users: 0, incidents: 0 }
    const meta = await trx.selectFrom('db_meta').selectAll().executeTakeFirstOrThrow()
    const { record, flush } = demoAudit(meta, opts.now)
    const base = { tenant_id: meta.tenant_id, created_at: opts.now, updated_at: opts.now }

    const units = new Map<string, string>()
    for (const u of org.businessUnits) {
      const row = {
        id: newId(),
        ...base,
        code: u.code,
        name: u.name,
        parent_id: null,
        default_business_line_id: u.defaultBusinessLine,
      }
      units.set(u.code, row.id)
      await trx.insertInto('business_unit').values(row).execute()
      record('business_unit', row.id, row)
    }
    const processes = new Map<string, string>()
    for (const p of org.businessProcesses) {
      const row = {
        id: newId(),
        ...base,
        code: p.code,
        name: p.name,
        business_unit_id: units.get(p.businessUnit) ?? null,
      }
      processes.set(p.code, row.id)
      await trx.insertInto('business_process').values(row).execute()
      record('business_process', row.id, row)
    }
    const products = new Map<string, string>()
    for (const p of org.products) {
      const row = {
        id: newId(),
        ...base,
        code: p.code,
        name: p.name,
        business_unit_id: p.businessUnit ? (units.get(p.businessUnit) ?? null) : null,
      }
      products.set(p.code, row.id)
      await trx.insertInto('product').values(row).execute()
      record('product', row.id, row)
    }

    const people = opts.mode === 'demo' ? org.users : org.testUsers
    const users = new Map<string, string>()
    for (const u of people) users.set(u.username, newId())
    for (const u of people) {
      const email = opts.mode === 'demo' ? (u as { email: string }).email : `${u.username}@riskdesk.test`
      const row = {
        id: users.get(u.username)!,
        ...base,
        username: u.username,
        email,
        email_lc: email.toLowerCase(),
        full_name: u.fullName,
        roles: JSON.stringify(u.roles),
        group_scope: u.groupScope ? 1 : 0,
        business_unit_id: u.businessUnit ? (units.get(u.businessUnit) ?? null) : null,
        manager_id: u.manager ? (users.get(u.manager) ?? null) : null,
        password_hash: opts.passwordHash,
        must_change_password: 0,
      }
      // Managers may come later in the file: link them once every user exists.
      await trx
        .insertInto('users')
        .values({ ...row, manager_id: null })
        .execute()
      record('user', row.id, { ...row, roles: u.roles, group_scope: u.groupScope })
    }
    for (const u of people) {
      if (!u.manager) continue
      await trx
        .updateTable('users')
        .set({ manager_id: users.get(u.manager) ?? null })
        .where('id', '=', users.get(u.username)!)
        .execute()
    }
    await trx
      .updateTable('db_meta')
      .set({
        tenant_name: org.organisation.name,
        demo_mode: opts.mode === 'demo' ? 1 : 0,
        reporting_currency: org.organisation.reportingCurrency,
      })
      .where('id', '=', 1)
      .execute()

    let incidents = 0
    if (opts.mode === 'demo') {
      const types = await trx.selectFrom('simplified_event_type').select(['id', 'name']).execute()
      const typeId = new Map(types.map((t) => [t.name, t.id]))
      for (const i of org.incidents) {
        await loadIncident(trx, i, { now: opts.now, meta, units, users, processes, products, typeId, record })
        incidents++
      }
      await seedMeasures(trx, { mode: opts.mode, now: opts.now, tenantId: meta.tenant_id })
      const rcsa = await seedRcsa(trx, { now: opts.now, tenantId: meta.tenant_id, evidence: opts.evidence })
      await seedKris(trx, { now: opts.now, tenantId: meta.tenant_id, ...rcsa })
    }
    await seedRoutingRules(trx, { mode: opts.mode, now: opts.now, tenantId: meta.tenant_id, newId, record })
    await flush(trx)
    return { loaded: true, users: people.length, incidents }
  })
}

type DemoIncident = {
  title: string
  description: string
  businessUnit: string
  createdBy: string
  createdAt: Rel
  status: string
  simplifiedEventType: string
  nearMiss: boolean
  grossLossAmount?: { currency: string; minor: number }
  occurredAt?: Rel
  discoveredAt?: Rel
  resolvedAt?: Rel
  firstAccountingDate?: Rel
  businessProcess?: string
  product?: string
  baselEventType?: string
  baselBusinessLine?: string
  causes?: string[]
  reviewedBy?: string
  validatedBy?: string
  closedBy?: string
  assignedTo?: string
}

function at(now: string, r: Rel | undefined): string | null {
  if (!r) return null
  const ms = Date.parse(now) - (r.hoursAgo ?? 0) * HOUR - (r.daysAgo ?? 0) * 24 * HOUR + (r.daysAhead ?? 0) * 24 * HOUR
  return new Date(ms).toISOString()
}
const dateOf = (now: string, r: Rel | undefined) => at(now.slice(0, 10) + 'T00:00:00.000Z', r)?.slice(0, 10) ?? null

async function loadIncident(
  trx: Trx,
  i: DemoIncident,
  c: {
    now: string
    meta: { tenant_id: string; device_code: string; reporting_currency: string }
    units: Map<string, string>
    users: Map<string, string>
    processes: Map<string, string>
    products: Map<string, string>
    typeId: Map<string, string>
    record: (t: string, id: string, row: Record<string, unknown>, ref?: string | null) => void
  },
) {
  const created = at(c.now, i.createdAt)!
  const step = (h: number) => new Date(Date.parse(created) + h * HOUR).toISOString()
  const past = (s: string) =>
    ['PENDING_REVIEW', 'PENDING_VALIDATION', 'VALIDATED', 'CLOSED'].indexOf(i.status) >=
    ['PENDING_REVIEW', 'PENDING_VALIDATION', 'VALIDATED', 'CLOSED'].indexOf(s)
  const submitted = past('PENDING_REVIEW') ? step(1) : null
  const reviewed = past('PENDING_VALIDATION') ? step(2) : null
  const validated = past('VALIDATED') ? step(3) : null
  const closed = i.status === 'CLOSED' ? step(4) : null
  const due = {
    draft_due_at: i.status === 'DRAFT' ? addDays(created, 7) : null,
    review_due_at: i.status === 'PENDING_REVIEW' ? addDays(submitted!, 5) : null,
    validation_due_at: i.status === 'PENDING_VALIDATION' ? addDays(reviewed!, 10) : null,
  }
  const gross = i.grossLossAmount?.minor ?? null
  const currency = i.grossLossAmount?.currency ?? null
  // Amounts in another currency wait for the fx_rate table of the Reports module (incidents §4).
  const reporting = gross !== null && currency === c.meta.reporting_currency ? gross : null
  const user = (k: string | undefined) => (k ? (c.users.get(k) ?? null) : null)
  const ref = await mintReference(trx, 'INC', created, c.meta.device_code)
  const row = {
    id: newId(),
    tenant_id: c.meta.tenant_id,
    created_at: created,
    updated_at: closed ?? validated ?? reviewed ?? submitted ?? created,
    ref,
    title: i.title,
    description: i.description,
    status: i.status,
    business_unit_id: c.units.get(i.businessUnit)!,
    business_process_id: i.businessProcess ? (c.processes.get(i.businessProcess) ?? null) : null,
    product_id: i.product ? (c.products.get(i.product) ?? null) : null,
    basel_business_line_id: i.baselBusinessLine ?? null,
    simplified_event_type_id: c.typeId.get(i.simplifiedEventType) ?? null,
    basel_event_type_id: i.baselEventType ?? null,
    near_miss: i.nearMiss ? 1 : 0,
    gross_loss_amount: gross,
    currency_code: currency,
    net_loss_amount: netLoss(gross, 0, null),
    gross_loss_reporting: reporting,
    severity: severityOf(reporting, 2),
    occurred_at: at(c.now, i.occurredAt),
    discovered_at: at(c.now, i.discoveredAt),
    resolved_at: at(c.now, i.resolvedAt) ?? closed,
    first_accounting_date: dateOf(c.now, i.firstAccountingDate),
    assigned_to_user_id: user(i.assignedTo),
    submitted_at: submitted,
    reviewed_by_user_id: user(i.reviewedBy),
    reviewed_at: reviewed,
    validated_by_user_id: user(i.validatedBy),
    validated_at: validated,
    closed_by_user_id: user(i.closedBy),
    closed_at: closed,
    ...due,
    current_due_at: currentDueAt(i.status, due),
    created_by_user_id: c.users.get(i.createdBy)!,
  }
  await trx.insertInto('incident').values(row).execute()
  for (const cause of i.causes ?? [])
    await trx.insertInto('incident_cause').values({ incident_id: row.id, loss_cause_id: cause }).execute()
  c.record('incident', row.id, { ...row, near_miss: i.nearMiss, cause_ids: i.causes ?? [] }, ref)
}
