import type { Actor, CommandCtx } from '../catalogue/context'
import { fail, type Issue } from '../core/errors'
import type { Db } from '../db/schema'
import { hasRole } from '../users/actor'
import { ADMIN_ONLY } from './config.constants'

/** incidents §13: every configuration command and query is the administrator's. */
export function requireAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin')) fail.forbidden(ADMIN_ONLY)
}

export function refuse(issues: Issue[]): void {
  if (issues.length > 0) fail.validation(issues)
}

/** One audit entry for a configuration record (audit-security §2.7); `changes: []` when nothing changed. */
export function recordConfig(ctx: CommandCtx, entityId: string, before: unknown, after: unknown, field: string) {
  const same = JSON.stringify(before) === JSON.stringify(after)
  ctx.audit.record({
    entityType: 'incident_config',
    entityId,
    changes: same ? [] : [{ field, before, after }],
  })
}

export async function rolesOfEdge(db: Db, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('incident_allowed_transition')
    .select('role')
    .where('from_status', '=', from)
    .where('to_status', '=', to)
    .orderBy('role')
    .execute()
  return rows.map((r) => r.role)
}
