import { z } from 'zod'
import { defineQuery, defineSystemCommand } from '../catalogue/define'
import { fail } from '../core/errors'
import { Id } from '../core/primitives'
import { buRiskOfficers } from '../users/bu-risk-officers'
import { enqueueNotification } from '../notifications/queue'
import { evidenceFacts, recomputeEvidenceStatus } from './control.effects'
import { CalendarDate } from './control.schema'
import { loadControl } from './control.store'
import { loadEvidence, loadRevision, type RevisionRow } from './evidence.store'
import {
  controlEvidenceStatusOn,
  effectiveRevision,
  endOf,
  existsOn,
  heldRevision,
  recordStateOn,
  statusOnDate,
} from './evidence.rules'
import type { Db } from '../db/schema'

const num = (r: RevisionRow) => ({
  ...r,
  version_no: Number(r.version_no),
  file_size: r.file_size === null ? null : Number(r.file_size),
})

async function revisionsOf(db: Db, evidenceIds: readonly string[]) {
  if (evidenceIds.length === 0) return new Map<string, ReturnType<typeof num>[]>()
  const rows = await db
    .selectFrom('evidence_revision')
    .selectAll()
    .where('evidence_id', 'in', evidenceIds)
    .orderBy('version_no', 'desc')
    .execute()
  const out = new Map<string, ReturnType<typeof num>[]>()
  for (const r of rows) out.set(r.evidence_id, [...(out.get(r.evidence_id) ?? []), num(r)])
  return out
}

async function names(db: Db, ids: readonly (string | null)[]) {
  const list = [...new Set(ids.filter((i): i is string => i !== null))]
  if (list.length === 0) return new Map<string, string>()
  const rows = await db.selectFrom('users').select(['id', 'full_name']).where('id', 'in', list).execute()
  return new Map(rows.map((r) => [r.id, r.full_name]))
}

/** controls.md §12 `evidence.list`: a control's records, newest first, each with its state today. */
export const listEvidence = defineQuery({
  name: 'evidence.list',
  summary: 'Evidence records of a visible control with their state and latest revision.',
  input: z.strictObject({ control_id: Id, include_archived: z.boolean().default(false) }),
  async handler(ctx, input) {
    const control = await loadControl(ctx, input.control_id)
    let q = ctx.db.selectFrom('evidence').selectAll().where('control_id', '=', control.id)
    if (!input.include_archived) q = q.where('is_archived', '=', 0)
    const records = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
    const revs = await revisionsOf(
      ctx.db,
      records.map((r) => r.id),
    )
    const today = ctx.now.slice(0, 10)
    const who = await names(ctx.db, [
      ...records.map((r) => r.created_by),
      ...[...revs.values()].flat().flatMap((r) => [r.uploaded_by, r.reviewed_by]),
    ])
    return {
      items: records.map((e) => {
        const revisions = revs.get(e.id) ?? []
        const latest = revisions[0] ?? null
        const effective = effectiveRevision(revisions, today)
        const state = recordStateOn({ created_at: e.created_at, archived_at: e.archived_at, revisions }, today)
        return {
          id: e.id,
          control_id: e.control_id,
          title: e.title,
          kind: e.kind,
          description: e.description,
          latest_version_no: Number(e.latest_version_no),
          is_archived: e.is_archived === 1,
          archived_at: e.archived_at,
          archive_reason: e.archive_reason,
          created_at: e.created_at,
          created_by: { id: e.created_by, full_name: who.get(e.created_by) ?? '' },
          version: Number(e.version),
          state,
          pending_review: revisions.some((r) => r.status === 'PENDING'),
          latest_revision: latest && { ...latest, uploaded_by_name: who.get(latest.uploaded_by) ?? '' },
          effective_revision: effective && {
            ...effective,
            reviewed_by_name: who.get(effective.reviewed_by ?? '') ?? '',
          },
        }
      }),
      next_cursor: null,
      total: records.length,
    }
  },
})

/** §6.6 `evidence.history`: every revision of a record, newest first, with its review decision. */
export const evidenceHistory = defineQuery({
  name: 'evidence.history',
  summary: 'All revisions of a visible evidence record, newest first.',
  input: z.strictObject({ evidence_id: Id }),
  async handler(ctx, input) {
    const { evidence } = await loadEvidence(ctx, input.evidence_id)
    const revisions = (await revisionsOf(ctx.db, [evidence.id])).get(evidence.id) ?? []
    const who = await names(
      ctx.db,
      revisions.flatMap((r) => [r.uploaded_by, r.reviewed_by]),
    )
    return {
      evidence_id: evidence.id,
      title: evidence.title,
      kind: evidence.kind,
      is_archived: evidence.is_archived === 1,
      items: revisions.map((r) => ({
        ...r,
        uploaded_by_name: who.get(r.uploaded_by) ?? '',
        reviewed_by_name: r.reviewed_by ? (who.get(r.reviewed_by) ?? '') : null,
      })),
    }
  },
})

/** §6.6 `evidence.asOf`: what proof the control had on date D (§6.4 exactly). */
export const evidenceAsOf = defineQuery({
  name: 'evidence.asOf',
  summary: 'The control’s evidence as it stood at the end of a date.',
  input: z.strictObject({ control_id: Id, date: CalendarDate }),
  async handler(ctx, input) {
    const control = await loadControl(ctx, input.control_id)
    const D = input.date
    const records = await ctx.db
      .selectFrom('evidence')
      .selectAll()
      .where('control_id', '=', control.id)
      .where('created_at', '<=', endOf(D))
      .orderBy('created_at')
      .orderBy('id')
      .execute()
    const revs = await revisionsOf(
      ctx.db,
      records.map((r) => r.id),
    )
    const facts = records.map((e) => ({
      e,
      revisions: revs.get(e.id) ?? [],
      f: { created_at: e.created_at, archived_at: e.archived_at, revisions: revs.get(e.id) ?? [] },
    }))
    return {
      control_id: control.id,
      date: D,
      control_evidence_status: controlEvidenceStatusOn(
        facts.map((x) => x.f),
        D,
      ),
      records: facts
        .filter((x) => existsOn(x.f, D))
        .map(({ e, revisions, f }) => {
          const held = heldRevision(revisions, D)
          const eff = effectiveRevision(revisions, D)
          return {
            evidence_id: e.id,
            title: e.title,
            kind: e.kind,
            state: recordStateOn(f, D),
            held_revision: held && {
              version_no: held.version_no,
              status_on_date: statusOnDate(held, D),
              uploaded_at: held.uploaded_at,
              uploaded_by: held.uploaded_by,
            },
            effective_revision: eff && {
              version_no: eff.version_no,
              file_sha256: eff.file_sha256,
              file_name: eff.file_name,
              url: eff.url,
              collected_at: eff.collected_at,
              valid_until: eff.valid_until,
              reviewed_by: eff.reviewed_by,
              reviewed_at: eff.reviewed_at,
            },
          }
        }),
    }
  },
})

/** §6.6 `evidence.verify`: recomputes the stored file's SHA-256 on this machine. A read: writes nothing. */
export const verifyEvidence = defineQuery({
  name: 'evidence.verify',
  summary: 'Check that the stored file of a revision still has its recorded SHA-256.',
  input: z.strictObject({ revision_id: Id }),
  async handler(ctx, input) {
    const { revision } = await loadRevision(ctx, input.revision_id)
    if (revision.file_sha256 === null)
      return fail.field('revision_id', 'This revision is a link; it has no file to verify.')
    const result = ctx.services.evidenceFiles
      ? await ctx.services.evidenceFiles.verify(revision.file_sha256)
      : 'MISSING'
    return { revision_id: revision.id, file_sha256: revision.file_sha256, result }
  },
})

/**
 * The evidence job (§6.5, README §2.10): recomputes every control's `evidence_status` for today and raises
 * EVIDENCE_EXPIRED once per expired effective revision of an active control, to the owner and the BU risk
 * officers of the control's BU. A re-run creates nothing new (dedupe keys).
 */
export const sweepEvidenceExpiry = defineSystemCommand({
  name: 'evidence.sweepExpiry',
  summary: 'Flag controls whose accepted evidence has expired and notify their owners.',
  input: z.strictObject({}),
  touches: ['control', 'notification', 'user_notification'],
  intervalMinutes: 60,
  async handler(ctx) {
    const today = ctx.now.slice(0, 10)
    const controls = await ctx.db
      .selectFrom('control')
      .select(['id', 'ref', 'owner_id', 'business_unit_id', 'is_active', 'evidence_status'])
      .where('tenant_id', '=', ctx.meta.tenantId)
      .where((eb) =>
        eb.or([
          eb('evidence_status', '!=', 'NONE'),
          eb('id', 'in', eb.selectFrom('evidence').select('evidence.control_id')),
        ]),
      )
      .orderBy('id')
      .execute()
    await recomputeEvidenceStatus(
      ctx,
      controls.map((c) => c.id),
    )
    const facts = await evidenceFacts(
      ctx.db,
      controls.filter((c) => c.is_active === 1).map((c) => c.id),
    )
    let created = 0
    for (const c of controls) {
      for (const rec of facts.get(c.id) ?? []) {
        if (recordStateOn(rec, today) !== 'EXPIRED') continue
        const eff = effectiveRevision(rec.revisions, today)!
        const recipients = [...new Set([c.owner_id, ...(await buRiskOfficers(ctx.db, c.business_unit_id))])]
        for (const userId of recipients) {
          const id = await enqueueNotification(ctx, {
            entityType: 'CONTROL',
            entityId: c.id,
            eventType: 'EVIDENCE_EXPIRED',
            dedupeKey: `CONTROL:${c.id}:EVIDENCE_EXPIRED:${eff.id}:${userId}`,
            priority: 'HIGH',
            requiresAction: true,
            actionRoute: `/controls/${c.id}`,
            recipientUserId: userId,
            payload: {
              title: `Evidence expired: ${c.ref}`,
              message: `Evidence '${rec.title}' for control ${c.ref} expired on ${eff.valid_until}.`,
              entity_ref: c.ref,
            },
          })
          if (id) created += 1
        }
      }
    }
    return { controls: controls.length, created }
  },
})
