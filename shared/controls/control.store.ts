import type { Selectable } from 'kysely'
import type { Actor, AuditChange, QueryCtx } from '../catalogue/context'
import { fail, type Issue } from '../core/errors'
import type { Role } from '../core/primitives'
import type { Db } from '../db/schema'
import type { ControlTable } from '../db/schema.rcsa'
import { inScope } from '../risks/risk.visibility'
import { hasRole } from '../users/actor'
import { CONTROL_CONFLICT } from './control.constants'
import { controlVisible } from './control.visibility'

export type ControlRow = Selectable<ControlTable>
type Ctx = Pick<QueryCtx, 'db' | 'actor' | 'meta'>

/** A visible control of the tenant, or undefined. */
export async function findVisibleControl(ctx: Ctx, id: string): Promise<ControlRow | undefined> {
  return ctx.db
    .selectFrom('control')
    .selectAll('control')
    .where('control.tenant_id', '=', ctx.meta.tenantId)
    .where('control.id', '=', id)
    .where(controlVisible(ctx.actor))
    .executeTakeFirst()
}

/** Check order step 3: the control is visible to the caller, else NOT_FOUND "Control not found.". */
export async function loadControl(ctx: Ctx, id: string): Promise<ControlRow> {
  return (await findVisibleControl(ctx, id)) ?? fail.notFound('Control')
}

const WRITER_ROLES: readonly Role[] = ['employee', 'manager', 'risk_officer']

/** Auditors, admins and the specialist roles never change controls (risks.md §1 step 3). */
export function isControlReadOnly(actor: Actor): boolean {
  return !actor.roles.some((r) => WRITER_ROLES.includes(r))
}

export function refuseReadOnly(actor: Actor): void {
  if (isControlReadOnly(actor)) fail.forbidden('Your role cannot change controls.')
}

/** A risk officer whose scope holds the control's BU: the writer of §3.1, §3.2, §6.2 and §7. */
export function isControlOfficer(actor: Actor, control: Pick<ControlRow, 'business_unit_id'>): boolean {
  return hasRole(actor, 'risk_officer') && inScope(officerActor(actor), control.business_unit_id)
}

/** `inScope` for the risk-officer role only (an auditor's group scope gives no write right). */
function officerActor(actor: Actor): Actor {
  return actor.groupScope && !actor.roles.includes('risk_officer') ? { ...actor, groupScope: false } : actor
}

/** The `control.update` gate, shared by every command "as control.update". */
export function requireControlOfficer(actor: Actor, control: ControlRow): void {
  refuseReadOnly(actor)
  if (!hasRole(actor, 'risk_officer')) fail.forbidden('Only Risk Officers can edit controls.')
  if (!isControlOfficer(actor, control))
    fail.forbidden("Only Risk Officers of the control's Business Unit can edit it.")
}

export function expectControlVersion(control: ControlRow, expected: number): void {
  if (control.version !== expected)
    fail.conflict({
      message: CONTROL_CONFLICT,
      entity: 'Control',
      id: control.id,
      expectedVersion: expected,
      actualVersion: control.version,
    })
}

/** §2.1 owner rule: an active user of the tenant who is not an auditor or admin. */
export async function ownerIssue(db: Db, tenantId: string, userId: string): Promise<string | null> {
  const user = await db
    .selectFrom('users')
    .select(['roles', 'is_active'])
    .where('id', '=', userId)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst()
  if (!user || user.is_active !== 1) return 'Owner not found or inactive.'
  const roles = JSON.parse(user.roles) as Role[]
  if (roles.includes('auditor') || roles.includes('admin')) return 'The owner cannot be an auditor or administrator.'
  return null
}

/** Value rules of §3.1 that need stored data, in the table's order; `prefix` is the issue path prefix. */
export async function controlValueIssues(
  ctx: Ctx,
  v: {
    business_unit_id?: string | undefined
    owner_id?: string | undefined
    business_process_id?: string | null | undefined
    code?: string | null | undefined
    /** The control being edited (its own code is not a clash). */
    selfId?: string | undefined
  },
  prefix: (field: string) => (string | number)[] = (f) => [f],
): Promise<Issue[]> {
  const issues: Issue[] = []
  if (v.business_unit_id !== undefined) {
    const bu = await ctx.db
      .selectFrom('business_unit')
      .select('id')
      .where('id', '=', v.business_unit_id)
      .where('tenant_id', '=', ctx.meta.tenantId)
      .executeTakeFirst()
    if (!bu) issues.push({ path: prefix('business_unit_id'), message: 'Business unit not found.' })
    else if (!inScope(officerActor(ctx.actor), v.business_unit_id))
      issues.push({ path: prefix('business_unit_id'), message: 'Business unit is outside your scope.' })
  }
  if (v.owner_id !== undefined) {
    const who = await ownerIssue(ctx.db, ctx.meta.tenantId, v.owner_id)
    if (who) issues.push({ path: prefix('owner_id'), message: who })
  }
  if (v.business_process_id) {
    const p = await ctx.db
      .selectFrom('business_process')
      .select(['business_unit_id'])
      .where('id', '=', v.business_process_id)
      .where('tenant_id', '=', ctx.meta.tenantId)
      .executeTakeFirst()
    if (!p) issues.push({ path: prefix('business_process_id'), message: 'Business process not found.' })
    else if (
      p.business_unit_id !== null &&
      v.business_unit_id !== undefined &&
      p.business_unit_id !== v.business_unit_id
    )
      issues.push({
        path: prefix('business_process_id'),
        message: 'Business process does not belong to the selected Business Unit.',
      })
  }
  if (v.code) {
    if (await codeInUse(ctx.db, ctx.meta.tenantId, v.code, v.selfId))
      issues.push({ path: prefix('code'), message: 'Control code already in use.' })
  }
  return issues
}

/** Codes are unique case-insensitively across all controls of the tenant (§2.1). */
export async function codeInUse(db: Db, tenantId: string, code: string, selfId?: string): Promise<boolean> {
  let q = db
    .selectFrom('control')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()))
  if (selfId) q = q.where('id', '!=', selfId)
  return (await q.executeTakeFirst()) !== undefined
}

/** Sync scope keys of a control: its BU, its owner, and the whole group when group-wide. */
export function controlScopeKeys(c: { business_unit_id: string; owner_id: string; group_wide: number }): string {
  const keys = [`bu2:${c.business_unit_id}`, `u:${c.owner_id}`]
  if (c.group_wide === 1) keys.push('grp')
  return JSON.stringify(keys)
}

const NOT_AUDITED = new Set(['tenant_id', 'version', 'created_at', 'updated_at', 'scope_keys'])

/** A created row lists its set fields with before null (audit-security §2.1.1); a removed one the reverse. */
export function rowChanges(row: Record<string, unknown>, removed = false): AuditChange[] {
  return Object.entries(row)
    .filter(([k, v]) => !NOT_AUDITED.has(k) && v !== null && v !== undefined)
    .map(([field, v]) => (removed ? { field, before: v, after: null } : { field, before: null, after: v }))
}

/** ACTIVE risks linked to the control, visible or not (the `active_risks_count` of §2.1). */
export async function activeRiskCount(db: Db, controlId: string): Promise<number> {
  const r = await db
    .selectFrom('risk_control')
    .innerJoin('risk', 'risk.id', 'risk_control.risk_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('risk_control.control_id', '=', controlId)
    .where('risk.status', '=', 'ACTIVE')
    .where('risk.deleted_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

export const todayOf = (now: string) => now.slice(0, 10)
