import type { Selectable } from 'kysely'
import type { Actor, CommandCtx, QueryCtx } from '../catalogue/context'
import { fail, type Issue } from '../core/errors'
import type { EvidenceRevisionTable, EvidenceTable } from '../db/schema.rcsa'
import { getSetting } from '../settings/app-settings'
import { EVIDENCE_CONFLICT } from './control.constants'
import { isControlOfficer, refuseReadOnly, rowChanges, type ControlRow } from './control.store'
import { controlVisible } from './control.visibility'
import type { RevisionPayload } from './evidence.schema'

export type EvidenceRow = Selectable<EvidenceTable>
export type RevisionRow = Selectable<EvidenceRevisionTable>
type Ctx = Pick<QueryCtx, 'db' | 'actor' | 'meta'>

async function visibleControlOf(ctx: Ctx, controlId: string): Promise<ControlRow | undefined> {
  return ctx.db
    .selectFrom('control')
    .selectAll('control')
    .where('control.id', '=', controlId)
    .where('control.tenant_id', '=', ctx.meta.tenantId)
    .where(controlVisible(ctx.actor))
    .executeTakeFirst()
}

/** An evidence record whose control the caller sees (§6.3), else NOT_FOUND "Evidence not found.". */
export async function loadEvidence(ctx: Ctx, evidenceId: string) {
  const evidence = await ctx.db
    .selectFrom('evidence')
    .selectAll()
    .where('id', '=', evidenceId)
    .where('tenant_id', '=', ctx.meta.tenantId)
    .executeTakeFirst()
  const control = evidence ? await visibleControlOf(ctx, evidence.control_id) : undefined
  if (!evidence || !control) return fail.notFound('Evidence')
  return { evidence: { ...evidence, version: Number(evidence.version) }, control }
}

/** A revision whose control the caller sees, else NOT_FOUND "Evidence revision not found.". */
export async function loadRevision(ctx: Ctx, revisionId: string) {
  const revision = await ctx.db
    .selectFrom('evidence_revision')
    .selectAll()
    .where('id', '=', revisionId)
    .where('tenant_id', '=', ctx.meta.tenantId)
    .executeTakeFirst()
  if (!revision) return fail.notFound('Evidence revision')
  const evidence = await ctx.db
    .selectFrom('evidence')
    .selectAll()
    .where('id', '=', revision.evidence_id)
    .executeTakeFirst()
  const control = evidence ? await visibleControlOf(ctx, evidence.control_id) : undefined
  if (!evidence || !control) return fail.notFound('Evidence revision')
  return { revision, evidence: { ...evidence, version: Number(evidence.version) }, control }
}

/** §6.2 gate of create and addRevision: the control owner, or a risk officer with the control's BU in scope. */
export function requireEvidenceWriter(actor: Actor, control: ControlRow): void {
  refuseReadOnly(actor)
  if (control.owner_id !== actor.id && !isControlOfficer(actor, control))
    fail.forbidden('Only the control owner or a Risk Officer can add evidence.')
}

export function expectEvidenceVersion(evidence: { id: string; version: number }, expected: number): void {
  if (evidence.version !== expected)
    fail.conflict({
      message: EVIDENCE_CONFLICT,
      entity: 'Evidence',
      id: evidence.id,
      expectedVersion: expected,
      actualVersion: evidence.version,
    })
}

/**
 * The stored-data rules of a revision (§6.1–§6.2, step 8): file size limits, the file present in this machine's
 * evidence store, collection time not in the future, valid-until not before the collection date.
 */
export async function revisionValueIssues(ctx: CommandCtx, r: RevisionPayload): Promise<Issue[]> {
  const issues: Issue[] = []
  if (r.file_sha256 !== undefined) {
    const maxMb = await getSetting(ctx.db, 'evidence_max_file_mb')
    if (r.file_size === 0) issues.push({ path: ['revision', 'file_size'], message: 'The file is empty.' })
    else if (r.file_size !== undefined && r.file_size > maxMb * 1024 * 1024)
      issues.push({ path: ['revision', 'file_size'], message: `The file is larger than ${maxMb} MB.` })
    else if (!(await ctx.services.evidenceFiles?.has(r.file_sha256)))
      issues.push({ path: ['revision', 'file_sha256'], message: 'File not found in the evidence store.' })
  }
  if (r.collected_at > ctx.now)
    issues.push({ path: ['revision', 'collected_at'], message: 'Collection time cannot be in the future.' })
  if (r.valid_until && r.valid_until < r.collected_at.slice(0, 10))
    issues.push({
      path: ['revision', 'valid_until'],
      message: 'Valid-until date cannot be before the collection date.',
    })
  return issues
}

/** Writes one PENDING revision row with its audit entry. */
export async function insertRevision(
  ctx: CommandCtx,
  evidence: { id: string },
  controlRef: string,
  versionNo: number,
  r: RevisionPayload,
) {
  const row = {
    id: r.id ?? ctx.newId(),
    tenant_id: ctx.meta.tenantId,
    evidence_id: evidence.id,
    version_no: versionNo,
    file_sha256: r.file_sha256 ?? null,
    file_name: r.file_name?.trim() ?? null,
    file_size: r.file_size ?? null,
    media_type: r.file_sha256 !== undefined ? r.media_type?.trim() || 'application/octet-stream' : null,
    url: r.url?.trim() ?? null,
    collected_at: r.collected_at,
    valid_until: r.valid_until ?? null,
    observation: r.observation ?? null,
    status: 'PENDING',
    uploaded_by: ctx.actor.id,
    uploaded_at: ctx.now,
    reviewed_by: null,
    reviewed_at: null,
    review_note: null,
  }
  if (r.id) {
    const hit = await ctx.db.selectFrom('evidence_revision').select('id').where('id', '=', r.id).executeTakeFirst()
    if (hit) fail.field('revision.id', 'A record with this id already exists.')
  }
  await ctx.db.insertInto('evidence_revision').values(row).execute()
  ctx.audit.record({
    entityType: 'evidence_revision',
    entityId: row.id,
    entityRef: controlRef,
    changes: rowChanges(row),
  })
  return row
}
