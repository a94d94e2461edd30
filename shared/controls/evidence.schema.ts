import { z } from 'zod'
import type { Issue } from '../core/errors'
import { Id, Ts, Version } from '../core/primitives'
import { EVIDENCE_KINDS } from './control.constants'
import { bounded, CalendarDate, oneOf, optText, Reason, reqText } from './control.schema'

// Evidence inputs (controls.md §6.2). File revisions carry the store's metadata, never bytes.

export const SHA256 = /^[0-9a-f]{64}$/

export const RevisionPayload = z.strictObject({
  id: Id.optional(),
  file_sha256: z.string().max(200).optional(),
  url: z.string().max(2000, 'Link must be at most 2,000 characters.').optional(),
  file_name: z.string().max(255, 'File name must be at most 255 characters.').optional(),
  file_size: z.number().int().min(0).optional(),
  media_type: z.string().max(255).optional(),
  collected_at: Ts,
  valid_until: CalendarDate.nullable().optional(),
  observation: optText('Observation', 4000).optional(),
})
export type RevisionPayload = z.output<typeof RevisionPayload>

/**
 * The payload rules of §6.2 in their order: kind/payload match (skipped when the kind is not known yet),
 * link scheme, hash format, and the file metadata a file revision needs.
 */
export function payloadIssues(kind: string | null, r: RevisionPayload, at: (string | number)[]): Issue[] {
  const issues: Issue[] = []
  const hasFile = r.file_sha256 !== undefined || r.file_name !== undefined || r.file_size !== undefined
  const hasUrl = r.url !== undefined
  if (kind === 'LINK' && hasFile)
    issues.push({ path: [...at, 'file_sha256'], message: 'This evidence takes a link, not a file.' })
  else if (kind !== null && kind !== 'LINK' && hasUrl)
    issues.push({ path: [...at, 'url'], message: 'This evidence takes a file, not a link.' })
  if (issues.length > 0) return issues
  if (hasUrl && !/^https?:\/\/\S+$/i.test(r.url!.trim()))
    issues.push({ path: [...at, 'url'], message: 'Link must start with http:// or https://.' })
  if (r.file_sha256 !== undefined && !SHA256.test(r.file_sha256))
    issues.push({ path: [...at, 'file_sha256'], message: 'Invalid file hash.' })
  if (kind === 'LINK' && !hasUrl) issues.push({ path: [...at, 'url'], message: 'This field is required.' })
  if (kind !== null && kind !== 'LINK') {
    if (r.file_sha256 === undefined) issues.push({ path: [...at, 'file_sha256'], message: 'This field is required.' })
    if (r.file_name === undefined || r.file_name.trim() === '')
      issues.push({ path: [...at, 'file_name'], message: 'This field is required.' })
    if (r.file_size === undefined) issues.push({ path: [...at, 'file_size'], message: 'This field is required.' })
  }
  return issues
}

export const CreateEvidenceInput = z
  .strictObject({
    id: Id.optional(),
    control_id: Id,
    title: reqText('Title', 200),
    kind: oneOf(EVIDENCE_KINDS),
    description: optText('Description', 2000).optional(),
    revision: RevisionPayload,
  })
  .superRefine((v, c) => {
    for (const i of payloadIssues(v.kind, v.revision, ['revision']))
      c.addIssue({ code: 'custom', path: i.path, message: i.message })
  })

export const AddRevisionInput = z.strictObject({ evidence_id: Id, revision: RevisionPayload }).superRefine((v, c) => {
  for (const i of payloadIssues(null, v.revision, ['revision']))
    c.addIssue({ code: 'custom', path: i.path, message: i.message })
})

export const REJECTION_NOTE = 'A rejection needs a note of at least 10 characters.'
export const ReviewRevisionInput = z
  .strictObject({
    revision_id: Id,
    expected_version: Version,
    decision: z.enum(['ACCEPTED', 'REJECTED'], { error: 'Choose ACCEPTED or REJECTED.' }),
    note: optText('Note', 2000).optional(),
  })
  .superRefine((v, c) => {
    if (v.decision === 'REJECTED' && [...(v.note ?? '')].length < 10)
      c.addIssue({ code: 'custom', path: ['note'], message: REJECTION_NOTE })
  })

export const ArchiveEvidenceInput = z.strictObject({ evidence_id: Id, expected_version: Version, reason: Reason })

export const VoidReason = bounded('Reason must be at least 10 characters.', 10, 1000)
