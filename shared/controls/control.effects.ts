import type { CommandCtx, PublicCtx } from '../catalogue/context'
import type { Db } from '../db/schema'
import { enqueueNotification } from '../notifications/queue'
import { controlEvidenceStatusOn, type RecordFacts, type RevisionFacts } from './evidence.rules'

// Derived values kept on the control row (controls.md §2.1, §12) and the notices they raise (§9).

type Ctx = Pick<PublicCtx, 'db' | 'meta' | 'now' | 'audit'>

/** Every evidence record of the given controls with its revisions, for the §6.4 rules. */
export async function evidenceFacts(db: Db, controlIds: readonly string[]) {
  if (controlIds.length === 0) return new Map<string, (RecordFacts & { id: string; title: string })[]>()
  const records = await db
    .selectFrom('evidence')
    .select(['id', 'control_id', 'title', 'created_at', 'archived_at'])
    .where('control_id', 'in', controlIds)
    .execute()
  const revisions = records.length
    ? await db
        .selectFrom('evidence_revision')
        .select(['id', 'evidence_id', 'version_no', 'status', 'uploaded_at', 'reviewed_at', 'valid_until'])
        .where(
          'evidence_id',
          'in',
          records.map((r) => r.id),
        )
        .execute()
    : []
  const byRecord = new Map<string, RevisionFacts[]>()
  for (const r of revisions) {
    const list = byRecord.get(r.evidence_id) ?? []
    list.push({ ...r, version_no: Number(r.version_no) })
    byRecord.set(r.evidence_id, list)
  }
  const out = new Map<string, (RecordFacts & { id: string; title: string })[]>()
  for (const rec of records) {
    const list = out.get(rec.control_id) ?? []
    list.push({ ...rec, revisions: byRecord.get(rec.id) ?? [] })
    out.set(rec.control_id, list)
  }
  return out
}

/**
 * Recomputes `control.evidence_status` for today (§6.5) and writes it when it changed, with an audit entry
 * for the control. The derived columns do not move the control's `version` (they are not user-editable).
 */
export async function recomputeEvidenceStatus(ctx: Ctx, controlIds: readonly string[]) {
  const ids = [...new Set(controlIds)]
  if (ids.length === 0) return
  const today = ctx.now.slice(0, 10)
  const facts = await evidenceFacts(ctx.db, ids)
  const controls = await ctx.db
    .selectFrom('control')
    .select(['id', 'ref', 'evidence_status'])
    .where('id', 'in', ids)
    .execute()
  for (const c of controls) {
    const next = controlEvidenceStatusOn(facts.get(c.id) ?? [], today)
    if (next === c.evidence_status) continue
    await ctx.db.updateTable('control').set({ evidence_status: next }).where('id', '=', c.id).execute()
    ctx.audit.record({
      entityType: 'control',
      entityId: c.id,
      entityRef: c.ref,
      changes: [{ field: 'evidence_status', before: c.evidence_status, after: next }],
    })
  }
}

/** §7: the non-void test with the greatest test_date, ties broken by the later recorded_at (then id). */
export async function latestTest(db: Db, controlId: string) {
  return db
    .selectFrom('control_test')
    .selectAll()
    .where('control_id', '=', controlId)
    .where('voided_at', 'is', null)
    .orderBy('test_date', 'desc')
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/**
 * Recomputes `last_test_date` / `last_test_result` from the latest test; when that test is INEFFECTIVE, raises
 * CONTROL_TEST_FAILED (§9) to the control owner and the owners of linked ACTIVE risks, once per test and
 * recipient (the dedupe key), leaving out the actor.
 */
export async function recomputeLatestTest(ctx: CommandCtx, controlId: string) {
  const control = await ctx.db
    .selectFrom('control')
    .select(['id', 'ref', 'title', 'owner_id', 'last_test_date', 'last_test_result'])
    .where('id', '=', controlId)
    .executeTakeFirstOrThrow()
  const latest = await latestTest(ctx.db, controlId)
  const date = latest?.test_date ?? null
  const result = latest?.result ?? null
  if (date !== control.last_test_date || result !== control.last_test_result) {
    await ctx.db
      .updateTable('control')
      .set({ last_test_date: date, last_test_result: result })
      .where('id', '=', controlId)
      .execute()
    ctx.audit.record({
      entityType: 'control',
      entityId: controlId,
      entityRef: control.ref,
      changes: [
        ...(date !== control.last_test_date
          ? [{ field: 'last_test_date', before: control.last_test_date, after: date }]
          : []),
        ...(result !== control.last_test_result
          ? [{ field: 'last_test_result', before: control.last_test_result, after: result }]
          : []),
      ],
    })
  }
  if (latest?.result !== 'INEFFECTIVE') return latest ?? null
  const riskOwners = await ctx.db
    .selectFrom('risk_control')
    .innerJoin('risk', 'risk.id', 'risk_control.risk_id')
    .select('risk.owner_id')
    .where('risk_control.control_id', '=', controlId)
    .where('risk.status', '=', 'ACTIVE')
    .where('risk.deleted_at', 'is', null)
    .execute()
  const recipients = [...new Set([control.owner_id, ...riskOwners.map((r) => r.owner_id)])]
  for (const userId of recipients)
    await enqueueNotification(ctx, {
      entityType: 'CONTROL',
      entityId: controlId,
      eventType: 'CONTROL_TEST_FAILED',
      dedupeKey: `CONTROL:${controlId}:CONTROL_TEST_FAILED:${latest.id}:${userId}`,
      priority: 'HIGH',
      requiresAction: true,
      actionRoute: `/controls/${controlId}`,
      recipientUserId: userId,
      payload: {
        title: `Control test failed: ${control.ref}`,
        message: `Control ${control.ref} '${control.title}' was tested Ineffective on ${latest.test_date}.`,
        entity_ref: control.ref,
      },
    })
  return latest
}

/**
 * The active controls linked to a risk whose latest test is INEFFECTIVE (§7): the risk detail shows
 * "A linked control failed its last test. Consider reassessment." when the list is not empty (risk.get).
 */
export async function failedLinkedControls(db: Db, riskId: string) {
  return db
    .selectFrom('risk_control')
    .innerJoin('control', 'control.id', 'risk_control.control_id')
    .select(['control.id', 'control.ref', 'control.code', 'control.title', 'control.last_test_date'])
    .where('risk_control.risk_id', '=', riskId)
    .where('control.is_active', '=', 1)
    .where('control.last_test_result', '=', 'INEFFECTIVE')
    .orderBy('control.title')
    .orderBy('control.id')
    .execute()
}
