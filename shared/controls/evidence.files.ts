import { z } from 'zod'
import { defineQuery } from '../catalogue/define'
import type { QueryCtx } from '../catalogue/context'
import { fail } from '../core/errors'
import { getSetting } from '../settings/app-settings'
import { refuseReadOnly } from './control.store'
import { controlVisible } from './control.visibility'
import { SHA256 } from './evidence.schema'

// The host-side file actions (controls.md §6.1, §6.3) reached through the one catalogue channel: a visible
// revision names the file; the host's evidence store does the work.

const FileInput = z.strictObject({ file_sha256: z.string().regex(SHA256, 'Invalid file hash.') })

/** The newest visible revision holding this file, else NOT_FOUND "Evidence file not found.". */
export async function visibleFile(ctx: Pick<QueryCtx, 'db' | 'actor' | 'meta'>, sha256: string) {
  const row = await ctx.db
    .selectFrom('evidence_revision')
    .innerJoin('evidence', 'evidence.id', 'evidence_revision.evidence_id')
    .innerJoin('control', 'control.id', 'evidence.control_id')
    .select([
      'evidence_revision.id as revision_id',
      'evidence_revision.file_sha256',
      'evidence_revision.file_name',
      'evidence_revision.file_size',
      'evidence_revision.media_type',
    ])
    .where('evidence_revision.tenant_id', '=', ctx.meta.tenantId)
    .where('evidence_revision.file_sha256', '=', sha256)
    .where(controlVisible(ctx.actor))
    .orderBy('evidence_revision.uploaded_at', 'desc')
    .orderBy('evidence_revision.id', 'desc')
    .executeTakeFirst()
  if (!row) return fail.notFound('Evidence file')
  return { ...row, file_size: row.file_size === null ? null : Number(row.file_size) }
}

/** Whether the caller sees a revision with this file (the harness's download check). */
export const evidenceFileInfo = defineQuery({
  name: 'evidence.fileInfo',
  summary: 'Name, size and type of an evidence file the caller can see.',
  input: FileInput,
  async handler(ctx, input) {
    return visibleFile(ctx, input.file_sha256)
  },
})

/**
 * What the browser harness asks before it streams an upload into the store: the caller is signed in and may
 * write (auditors and admins never upload), and the size limit of `evidence_max_file_mb`.
 */
export const evidenceUploadPolicy = defineQuery({
  name: 'evidence.uploadPolicy',
  summary: 'Whether the caller may upload an evidence file, and the size limit.',
  input: z.strictObject({}),
  async handler(ctx) {
    refuseReadOnly(ctx.actor)
    const maxMb = await getSetting(ctx.db, 'evidence_max_file_mb')
    return { max_mb: maxMb, max_bytes: maxMb * 1024 * 1024 }
  },
})

/** Desktop "Attach file": the native dialog, then the file streamed into the store; `file` null if cancelled. */
export const pickEvidenceFile = defineQuery({
  name: 'evidence.pickFile',
  summary: 'Choose a file on this computer and store it as evidence (desktop app).',
  input: z.strictObject({}),
  async handler(ctx) {
    refuseReadOnly(ctx.actor)
    const files = ctx.services.evidenceFiles
    if (!files?.pickAndImport) return fail.field('file', 'Choosing a file is only available in the desktop app.')
    const maxMb = await getSetting(ctx.db, 'evidence_max_file_mb')
    return { file: await files.pickAndImport(maxMb * 1024 * 1024) }
  },
})

/** Desktop "Open": a temporary copy opened with the system's default application. */
export const openEvidenceFile = defineQuery({
  name: 'evidence.openFile',
  summary: 'Open a copy of an evidence file with the system application (desktop app).',
  input: FileInput,
  async handler(ctx, input) {
    const file = await visibleFile(ctx, input.file_sha256)
    const files = ctx.services.evidenceFiles
    if (!files?.openCopy) return fail.field('file_sha256', 'Opening files is only available in the desktop app.')
    if (!(await files.has(input.file_sha256))) return fail.notFound('Evidence file')
    await files.openCopy(input.file_sha256, file.file_name ?? 'evidence')
    return { opened: true }
  },
})
