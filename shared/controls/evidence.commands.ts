import { defineCommand } from '../catalogue/define'
import { fail } from '../core/errors'
import { recomputeEvidenceStatus } from './control.effects'
import { isControlOfficer, loadControl, refuseReadOnly, rowChanges } from './control.store'
import {
  AddRevisionInput,
  ArchiveEvidenceInput,
  CreateEvidenceInput,
  payloadIssues,
  ReviewRevisionInput,
} from './evidence.schema'
import {
  expectEvidenceVersion,
  insertRevision,
  loadEvidence,
  loadRevision,
  requireEvidenceWriter,
  revisionValueIssues,
} from './evidence.store'

const ARCHIVED = 'Archived evidence cannot be changed.'

/**
 * controls.md §6.2 `evidence.create`: schema and payload rules → control visible → read-only role → owner or
 * risk officer in scope → control active (WORKFLOW) → stored-data rules (file in the store, dates). Writes
 * the record and revision 1 (PENDING); the control's evidence flag does not move until a review.
 */
export const createEvidence = defineCommand({
  name: 'evidence.create',
  summary: 'Add an evidence record to a control with its first revision (PENDING review).',
  input: CreateEvidenceInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['evidence', 'evidence_revision'],
  creates: { prefix: null },
  async handler(ctx, input) {
    const control = await loadControl(ctx, input.control_id)
    requireEvidenceWriter(ctx.actor, control)
    if (control.is_active !== 1) fail.workflow('Cannot add evidence to an inactive control.')
    const issues = await revisionValueIssues(ctx, input.revision)
    if (issues.length > 0) fail.validation(issues)
    const evidence = {
      id: ctx.minted.id,
      tenant_id: ctx.meta.tenantId,
      version: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
      scope_keys: control.scope_keys,
      control_id: control.id,
      title: input.title,
      kind: input.kind,
      description: input.description ?? null,
      latest_version_no: 1,
      is_archived: 0,
      archived_at: null,
      archived_by: null,
      archive_reason: null,
      created_by: ctx.actor.id,
    }
    await ctx.db.insertInto('evidence').values(evidence).execute()
    ctx.audit.record({
      entityType: 'evidence',
      entityId: evidence.id,
      entityRef: control.ref,
      changes: rowChanges({ ...evidence, is_archived: false }),
    })
    const revision = await insertRevision(ctx, evidence, control.ref, 1, input.revision)
    return { id: evidence.id, revision_id: revision.id, version_no: 1, version: 1, status: 'PENDING' }
  },
})

/** §6.2 `evidence.addRevision`: a new PENDING revision `latest_version_no + 1`; earlier ones untouched. */
export const addEvidenceRevision = defineCommand({
  name: 'evidence.addRevision',
  summary: 'Add a new revision to an evidence record (PENDING review).',
  input: AddRevisionInput,
  sync: 'push',
  concurrency: 'none',
  touches: ['evidence_revision', 'evidence'],
  async handler(ctx, input) {
    const { evidence, control } = await loadEvidence(ctx, input.evidence_id)
    requireEvidenceWriter(ctx.actor, control)
    if (evidence.is_archived === 1) fail.workflow(ARCHIVED)
    if (control.is_active !== 1) fail.workflow('Cannot add evidence to an inactive control.')
    const issues = [
      ...payloadIssues(evidence.kind, input.revision, ['revision']),
      ...(await revisionValueIssues(ctx, input.revision)),
    ]
    if (issues.length > 0) fail.validation(issues)
    const versionNo = Number(evidence.latest_version_no) + 1
    await ctx.db
      .updateTable('evidence')
      .set({ latest_version_no: versionNo, version: evidence.version + 1, updated_at: ctx.now })
      .where('id', '=', evidence.id)
      .execute()
    ctx.audit.record({
      entityType: 'evidence',
      entityId: evidence.id,
      entityRef: control.ref,
      changes: [{ field: 'latest_version_no', before: Number(evidence.latest_version_no), after: versionNo }],
    })
    const revision = await insertRevision(ctx, evidence, control.ref, versionNo, input.revision)
    return { id: evidence.id, revision_id: revision.id, version_no: versionNo, version: evidence.version + 1 }
  },
})

/**
 * §6.2 `evidence.reviewRevision` (a `version` command on the record): risk officer in scope, not the uploader →
 * revision PENDING and record not archived (WORKFLOW) → stale version (CONFLICT). Recomputes the control's flag.
 */
export const reviewEvidenceRevision = defineCommand({
  name: 'evidence.reviewRevision',
  summary: 'Accept or reject a pending evidence revision.',
  input: ReviewRevisionInput,
  sync: 'push',
  concurrency: 'version',
  touches: ['evidence_revision', 'evidence', 'control'],
  async handler(ctx, input) {
    const { revision, evidence, control } = await loadRevision(ctx, input.revision_id)
    refuseReadOnly(ctx.actor)
    if (!isControlOfficer(ctx.actor, control)) fail.forbidden('Only Risk Officers can review evidence.')
    if (revision.uploaded_by === ctx.actor.id) fail.forbidden('You cannot review evidence you uploaded.')
    ctx.touch('evidence', evidence.id, input.expected_version)
    if (revision.status !== 'PENDING') fail.workflow('This revision has already been reviewed.')
    if (evidence.is_archived === 1) fail.workflow(ARCHIVED)
    expectEvidenceVersion(evidence, input.expected_version)
    const note = input.note ?? null
    await ctx.db
      .updateTable('evidence_revision')
      .set({ status: input.decision, reviewed_by: ctx.actor.id, reviewed_at: ctx.now, review_note: note })
      .where('id', '=', revision.id)
      .execute()
    await ctx.db
      .updateTable('evidence')
      .set({ version: evidence.version + 1, updated_at: ctx.now })
      .where('id', '=', evidence.id)
      .execute()
    ctx.audit.record({
      entityType: 'evidence_revision',
      entityId: revision.id,
      entityRef: control.ref,
      changes: [
        { field: 'status', before: 'PENDING', after: input.decision },
        { field: 'reviewed_by', before: null, after: ctx.actor.id },
        { field: 'reviewed_at', before: null, after: ctx.now },
        ...(note ? [{ field: 'review_note', before: null, after: note }] : []),
      ],
    })
    await recomputeEvidenceStatus(ctx, [control.id])
    const after = await ctx.db
      .selectFrom('control')
      .select('evidence_status')
      .where('id', '=', control.id)
      .executeTakeFirstOrThrow()
    return {
      revision_id: revision.id,
      evidence_id: evidence.id,
      status: input.decision,
      version: evidence.version + 1,
      control_evidence_status: after.evidence_status,
    }
  },
})

/** §6.2 `evidence.archive`: the record leaves the control's flag and takes no new revisions. */
export const archiveEvidence = defineCommand({
  name: 'evidence.archive',
  summary: 'Archive an evidence record.',
  input: ArchiveEvidenceInput,
  sync: 'push',
  concurrency: 'version',
  touches: ['evidence', 'control'],
  async handler(ctx, input) {
    const { evidence, control } = await loadEvidence(ctx, input.evidence_id)
    refuseReadOnly(ctx.actor)
    if (!isControlOfficer(ctx.actor, control)) fail.forbidden('Only Risk Officers can archive evidence.')
    ctx.touch('evidence', evidence.id, input.expected_version)
    if (evidence.is_archived === 1) fail.workflow(ARCHIVED)
    expectEvidenceVersion(evidence, input.expected_version)
    await ctx.db
      .updateTable('evidence')
      .set({
        is_archived: 1,
        archived_at: ctx.now,
        archived_by: ctx.actor.id,
        archive_reason: input.reason,
        version: evidence.version + 1,
        updated_at: ctx.now,
      })
      .where('id', '=', evidence.id)
      .execute()
    ctx.audit.record({
      entityType: 'evidence',
      entityId: evidence.id,
      entityRef: control.ref,
      changes: [
        { field: 'is_archived', before: false, after: true },
        { field: 'archived_at', before: null, after: ctx.now },
        { field: 'archived_by', before: null, after: ctx.actor.id },
        { field: 'archive_reason', before: null, after: input.reason },
      ],
      reason: input.reason,
    })
    await recomputeEvidenceStatus(ctx, [control.id])
    return { id: evidence.id, version: evidence.version + 1, is_archived: true }
  },
})
