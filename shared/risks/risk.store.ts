import type { Selectable } from 'kysely'
import type { Actor, AuditChange, QueryCtx } from '../catalogue/context'
import { fail, type Issue } from '../core/errors'
import type { Db } from '../db/schema'
import type { RiskTable } from '../db/schema.rcsa'
import { MSG, RISK_FIELDS, type RiskField, type RiskValues } from './risk.constants'
import { canWriteRisks, isBaselAllowed, isReadOnlyForRisks, type BaselType } from './risk.rules'
import { inScope, riskVisible } from './risk.visibility'

// Loading, gates and stored-data value rules shared by the risk commands (risks.md §1 check order, §6.1).

export type RiskRow = Selectable<RiskTable>
type Ctx = Pick<QueryCtx, 'db' | 'actor' | 'meta'>

/** Numbers come back from PostgreSQL as numbers too, but `version` may be a bigint string: normalise. */
export function normalise(r: RiskRow): RiskRow {
  return { ...r, version: Number(r.version) }
}

export async function findVisibleRisk(db: Db, actor: Actor, tenantId: string, id: string) {
  const r = await db
    .selectFrom('risk')
    .selectAll('risk')
    .where('risk.tenant_id', '=', tenantId)
    .where('risk.id', '=', id)
    .where(riskVisible(actor))
    .executeTakeFirst()
  return r ? normalise(r) : undefined
}

/** §1 step 2: the risk is visible to the caller (deleted risks never are), else NOT_FOUND "Risk not found." */
export async function loadRisk(ctx: Ctx, id: string): Promise<RiskRow> {
  return (await findVisibleRisk(ctx.db, ctx.actor, ctx.meta.tenantId, id)) ?? fail.notFound('Risk')
}

/** §1 step 3: auditors, admins and specialist-only users never change risks. */
export function refuseReadOnly(actor: Actor): void {
  if (isReadOnlyForRisks(actor.roles)) fail.forbidden(MSG.readOnly)
}

/** §1 steps 3–4 together: read-only callers first, then the manager / risk-officer gate with its message. */
export function requireWriter(actor: Actor, gateMessage: string): void {
  refuseReadOnly(actor)
  if (!canWriteRisks(actor.roles)) fail.forbidden(gateMessage)
}

/** `version` commands: the base the caller saw must be the stored version (§5.2 step 6). */
export function expectVersion(risk: RiskRow, expected: number): void {
  if (risk.version !== expected)
    fail.conflict({
      message: MSG.conflict,
      entity: 'Risk',
      id: risk.id,
      expectedVersion: expected,
      actualVersion: risk.version,
    })
}

export const valuesOf = (r: RiskRow): RiskValues =>
  Object.fromEntries(RISK_FIELDS.map((f) => [f, r[f] ?? null])) as RiskValues

const NOT_AUDITED = new Set(['tenant_id', 'version', 'created_at', 'updated_at', 'scope_keys'])

/** A created row lists its set fields with before null; a removed one the reverse (audit-security §2.1.1). */
export function rowChanges(row: Record<string, unknown>, removed = false): AuditChange[] {
  return Object.entries(row)
    .filter(([k, v]) => !NOT_AUDITED.has(k) && v !== null && v !== undefined)
    .map(([field, v]) => (removed ? { field, before: v, after: null } : { field, before: null, after: v }))
}

/** Before/after items for the fields a write changed. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): AuditChange[] {
  return Object.keys(after)
    .filter((k) => k !== 'updated_at' && k !== 'updated_by' && (before[k] ?? null) !== (after[k] ?? null))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }))
}

export async function baselTypes(db: Db): Promise<BaselType[]> {
  const rows = await db.selectFrom('basel_event_type').select(['id', 'level', 'parent_id', 'is_active']).execute()
  return rows
    .filter((r) => r.is_active === 1)
    .map((r) => ({ id: r.id, level: Number(r.level), parent_id: r.parent_id }))
}

export async function mappedTypes(db: Db, categoryId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('risk_category_event_type')
    .select('basel_event_type_id')
    .where('category_id', '=', categoryId)
    .execute()
  return rows.map((r) => r.basel_event_type_id)
}

/** §3.4 on stored data: the type is an active Basel type allowed by the category's current mapping. */
export async function baselAllowedFor(db: Db, categoryId: string, typeId: string): Promise<boolean> {
  return isBaselAllowed(typeId, await mappedTypes(db, categoryId), await baselTypes(db))
}

/** The risk_editable_field rows of one status. */
export async function editableRows(db: Db, status: string) {
  return db.selectFrom('risk_editable_field').select(['role', 'field']).where('status', '=', status).execute()
}

/**
 * §6.1 step 7 value rules on the record as it would be saved. `checks` names the fields whose rules run
 * (create: all; update: the changed ones, see riskUpdate); `path` turns a field into the issue path.
 */
export async function valueIssues(
  ctx: Ctx,
  next: RiskValues,
  checks: ReadonlySet<RiskField>,
  path: (f: RiskField) => (string | number)[],
): Promise<Issue[]> {
  const issues: Issue[] = []
  const add = (f: RiskField, message: string) => issues.push({ path: path(f), message })
  const bu = String(next.business_unit_id)
  if (checks.has('business_unit_id')) {
    const unit = await ctx.db
      .selectFrom('business_unit')
      .select(['id', 'is_active'])
      .where('id', '=', bu)
      .executeTakeFirst()
    if (!unit || unit.is_active !== 1 || !inScope(ctx.actor, bu)) add('business_unit_id', MSG.outOfScope)
  }
  if (checks.has('owner_id') || checks.has('business_unit_id')) {
    const owner = await ctx.db
      .selectFrom('users')
      .select(['business_unit_id', 'is_active'])
      .where('id', '=', String(next.owner_id))
      .where('tenant_id', '=', ctx.meta.tenantId)
      .executeTakeFirst()
    if (!owner || owner.is_active !== 1) add('owner_id', MSG.ownerMissing)
    else if (owner.business_unit_id !== bu) add('owner_id', MSG.ownerBu)
  }
  if (next.business_process_id !== null && (checks.has('business_process_id') || checks.has('business_unit_id'))) {
    const p = await ctx.db
      .selectFrom('business_process')
      .select(['business_unit_id', 'is_active'])
      .where('id', '=', String(next.business_process_id))
      .executeTakeFirst()
    if (!p || p.is_active !== 1) add('business_process_id', MSG.processMissing)
    else if (p.business_unit_id !== null && p.business_unit_id !== bu) add('business_process_id', MSG.processBu)
  }
  if (next.product_id !== null && (checks.has('product_id') || checks.has('business_unit_id'))) {
    const p = await ctx.db
      .selectFrom('product')
      .select(['business_unit_id', 'is_active'])
      .where('id', '=', String(next.product_id))
      .executeTakeFirst()
    if (!p || p.is_active !== 1) add('product_id', MSG.productMissing)
    else if (p.business_unit_id !== null && p.business_unit_id !== bu) add('product_id', MSG.productBu)
  }
  const category = String(next.risk_category_id)
  let categoryOk = true
  if (checks.has('risk_category_id')) {
    const c = await ctx.db.selectFrom('risk_category').select('is_active').where('id', '=', category).executeTakeFirst()
    categoryOk = c !== undefined && c.is_active === 1
    if (!categoryOk) add('risk_category_id', MSG.category)
  }
  if (
    categoryOk &&
    next.basel_event_type_id !== null &&
    (checks.has('basel_event_type_id') || checks.has('risk_category_id')) &&
    !(await baselAllowedFor(ctx.db, category, String(next.basel_event_type_id)))
  )
    add('basel_event_type_id', MSG.basel)
  return issues
}

/** Sync scope keys of a risk (sync.md §8.2): `bu:<business_unit_id>`, `u:<owner>`, `grp`. */
export function riskScopeKeys(businessUnitId: string, ownerId: string): string {
  return JSON.stringify([`bu:${businessUnitId}`, `u:${ownerId}`, 'grp'])
}
