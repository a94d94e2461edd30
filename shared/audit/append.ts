import type { Trx } from '../db/schema'
import { entryHash, ZERO_HASH, type HashedEntry, type Sha256Hex } from './hash'

export type NewAuditEntry = Omit<HashedEntry, 'seq' | 'prev_hash' | 'chain_id' | 'tenant_id'>
export type Chain = { chainId: string; tenantId: string; sha256Hex: Sha256Hex }

/** Values are stored as in the row; `changes` is sorted by field so the hash does not depend on write order. */
export function sortChanges<T extends { field: string }>(changes: T[]): T[] {
  return [...changes].sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0))
}

/**
 * The one writer of audit_entry (audit-security §2.3): reads the head, links and hashes each entry and
 * advances the head, all inside the caller's transaction.
 */
export async function appendAudit(trx: Trx, chain: Chain, entries: NewAuditEntry[]): Promise<HashedEntry[]> {
  if (entries.length === 0) return []
  const head = await trx
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('chain_id', '=', chain.chainId)
    .executeTakeFirst()
  let seq = Number(head?.seq ?? 0)
  let prev = head?.hash ?? ZERO_HASH
  const written: HashedEntry[] = []
  for (const e of entries) {
    seq += 1
    const entry: HashedEntry = {
      ...e,
      changes: sortChanges(e.changes),
      seq,
      prev_hash: prev,
      chain_id: chain.chainId,
      tenant_id: chain.tenantId,
    }
    const hash = entryHash(entry, chain.sha256Hex)
    await trx
      .insertInto('audit_entry')
      .values({ ...entry, changes: JSON.stringify(entry.changes), hash })
      .execute()
    written.push(entry)
    prev = hash
  }
  if (head) {
    await trx.updateTable('audit_head').set({ seq, hash: prev }).where('chain_id', '=', chain.chainId).execute()
  } else {
    await trx.insertInto('audit_head').values({ chain_id: chain.chainId, seq, hash: prev }).execute()
  }
  return written
}
