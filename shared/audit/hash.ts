import canonicalize from 'canonicalize'
import type { AuditEntryTable } from '../db/schema'

export type Sha256Hex = (text: string) => string

export const ZERO_HASH = '0'.repeat(64)

/** The fields of audit-security §2.1 as they are hashed: every field but `hash`, nulls kept. */
export type HashedEntry = Omit<AuditEntryTable, 'hash' | 'changes'> & {
  changes: { field: string; before: unknown; after: unknown }[]
}

/** RFC 8785 canonical JSON of the entry without its hash (audit-security §2.2). */
export function canonicalEntry(e: HashedEntry): string {
  const hashed: HashedEntry = {
    id: e.id,
    tenant_id: e.tenant_id,
    chain_id: e.chain_id,
    seq: e.seq,
    at: e.at,
    recorded_at: e.recorded_at,
    actor_id: e.actor_id,
    actor_label: e.actor_label,
    action: e.action,
    entity_type: e.entity_type,
    entity_id: e.entity_id,
    entity_ref: e.entity_ref,
    changes: e.changes,
    reason: e.reason,
    correlation_id: e.correlation_id,
    command_id: e.command_id,
    origin_device: e.origin_device,
    prev_hash: e.prev_hash,
  }
  const text = canonicalize(hashed)
  if (text === undefined) throw new Error('audit entry cannot be canonicalised')
  return text
}

export function entryHash(e: HashedEntry, sha256Hex: Sha256Hex): string {
  return sha256Hex(canonicalEntry(e))
}
