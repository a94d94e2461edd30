import { appendAudit, type NewAuditEntry } from '#shared/audit/append'
import type { Trx } from '#shared/db/schema'
import { newId, sha256Hex } from '../ids'

const NOT_AUDITED = ['tenant_id', 'version', 'created_at', 'updated_at', 'scope_keys', 'password_hash']

type Meta = { database_id: string; tenant_id: string; device_code: string }

/**
 * The `demo.load` audit entries of one part of the demo load (actor `system:demo.load`, one correlation id):
 * `record` collects an entry per written row (its non-null fields as after-values), `flush` appends them.
 */
export function demoAudit(meta: Meta, now: string) {
  const entries: NewAuditEntry[] = []
  const correlation = newId()
  const record = (entityType: string, entityId: string, row: Record<string, unknown>, ref: string | null = null) => {
    entries.push({
      id: newId(),
      at: now,
      recorded_at: now,
      actor_id: null,
      actor_label: 'system:demo.load',
      action: 'demo.load',
      entity_type: entityType,
      entity_id: entityId,
      entity_ref: ref,
      changes: Object.entries(row)
        .filter(([k, v]) => v !== null && !NOT_AUDITED.includes(k))
        .map(([field, after]) => ({ field, before: null, after })),
      reason: null,
      correlation_id: correlation,
      command_id: null,
      origin_device: meta.device_code,
    })
  }
  const flush = (trx: Trx) =>
    appendAudit(trx, { chainId: meta.database_id, tenantId: meta.tenant_id, sha256Hex }, entries)
  return { record, flush }
}
