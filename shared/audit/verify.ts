import type { Db } from '../db/schema'
import { entryHash, ZERO_HASH, type HashedEntry, type Sha256Hex } from './hash'

export type FailureKind =
  'SEQ_GAP' | 'LINK_BROKEN' | 'HASH_MISMATCH' | 'HEAD_MISMATCH' | 'TRUNCATED' | 'CHECKPOINT_MISMATCH'

export const FAILURE_WORDS: Record<FailureKind, string> = {
  SEQ_GAP: 'an entry is missing before this one',
  LINK_BROKEN: 'this entry or the one before was altered or re-hashed',
  HASH_MISMATCH: "this entry's content was altered",
  HEAD_MISMATCH: 'the chain head does not match the last entry',
  TRUNCATED: 'entries were removed from the end',
  CHECKPOINT_MISMATCH: 'the chain was rebuilt after the checkpoint',
}

export type Failure = { seq: number; id: string | null; kind: FailureKind; expected: string; found: string }
export type VerifyResult = {
  ok: boolean
  checked: number
  head: { seq: number; hash: string }
  firstFailure: Failure | null
  failureCount: number
  verifiedAt: string
}

const PAGE = 10_000

/**
 * Walks the chain in seq order, a page at a time so memory does not grow with the chain (audit-security §2.5).
 * Each entry counts at most one failure; linking continues on the stored hashes after a failure.
 */
export async function verifyChain(
  db: Db,
  opts: {
    chainId: string
    sha256Hex: Sha256Hex
    now: string
    checkpoint?: { seq: number; hash: string } | undefined
    onProgress?: (checked: number) => void
  },
): Promise<VerifyResult> {
  const failures: Failure[] = []
  let expectedSeq = 1
  let prevHash = ZERO_HASH
  let checked = 0
  let lastSeq = 0
  let after = 0
  let checkpointSeen = false
  for (;;) {
    const rows = await db
      .selectFrom('audit_entry')
      .selectAll()
      .where('chain_id', '=', opts.chainId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute()
    for (const r of rows) {
      const seq = Number(r.seq)
      const entry: HashedEntry = { ...r, seq, changes: JSON.parse(r.changes) as HashedEntry['changes'] }
      let failure: Failure | null = null
      if (seq !== expectedSeq) {
        failure = { seq, id: r.id, kind: 'SEQ_GAP', expected: String(expectedSeq), found: String(seq) }
      } else if (r.prev_hash !== prevHash) {
        failure = { seq, id: r.id, kind: 'LINK_BROKEN', expected: prevHash, found: r.prev_hash }
      } else {
        const recomputed = entryHash(entry, opts.sha256Hex)
        if (recomputed !== r.hash)
          failure = { seq, id: r.id, kind: 'HASH_MISMATCH', expected: recomputed, found: r.hash }
      }
      if (failure) failures.push(failure)
      if (opts.checkpoint && seq === opts.checkpoint.seq) {
        checkpointSeen = true
        if (r.hash !== opts.checkpoint.hash && !failure)
          failures.push({ seq, id: r.id, kind: 'CHECKPOINT_MISMATCH', expected: opts.checkpoint.hash, found: r.hash })
      }
      expectedSeq = seq + 1
      prevHash = r.hash
      lastSeq = seq
      checked++
    }
    opts.onProgress?.(checked)
    if (rows.length < PAGE) break
    after = lastSeq
  }
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('chain_id', '=', opts.chainId)
    .executeTakeFirst()
  const headSeq = Number(head?.seq ?? 0)
  const headHash = head?.hash ?? ZERO_HASH
  if (headSeq > lastSeq) {
    failures.push({ seq: lastSeq + 1, id: null, kind: 'TRUNCATED', expected: String(headSeq), found: String(lastSeq) })
  } else if (headSeq !== lastSeq || headHash !== prevHash) {
    failures.push({
      seq: lastSeq,
      id: null,
      kind: 'HEAD_MISMATCH',
      expected: `${lastSeq}:${prevHash}`,
      found: `${headSeq}:${headHash}`,
    })
  }
  if (opts.checkpoint && !checkpointSeen)
    failures.push({
      seq: opts.checkpoint.seq,
      id: null,
      kind: 'CHECKPOINT_MISMATCH',
      expected: opts.checkpoint.hash,
      found: 'missing',
    })
  failures.sort((a, b) => a.seq - b.seq)
  return {
    ok: failures.length === 0,
    checked,
    head: { seq: lastSeq, hash: prevHash },
    firstFailure: failures[0] ?? null,
    failureCount: failures.length,
    verifiedAt: opts.now,
  }
}

export function verifyMessage(r: VerifyResult): string {
  if (r.ok || !r.firstFailure)
    return `Audit trail intact: ${r.checked} entries verified. Last entry #${r.head.seq}, ${r.head.hash.slice(0, 8)}…${r.head.hash.slice(-4)}.`
  const f = r.firstFailure
  return `Audit trail broken at entry #${f.seq} (${FAILURE_WORDS[f.kind]}). Entries before #${f.seq} are intact.`
}
