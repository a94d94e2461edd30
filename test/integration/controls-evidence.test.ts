import { chmodSync, existsSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '#shared/core/errors'
import { importFile } from '#main/evidence/evidence-store'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import {
  aControl,
  anEvidence,
  attach,
  auditOf,
  controlNotices,
  controlRow,
  controlVersion,
  day,
  evidenceVersion,
  fileRevision,
  MB,
  refuse,
  review,
  reviewInput,
  revisionsOf,
  sha256Of,
  T0,
  userFile,
} from './controls-support'

describe.each(ENGINES)('control evidence on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
  })
  beforeEach(() => env.clock.set(T0))
  afterAll(async () => env?.close())

  it('CTL-11 a file is stored under evidence/ by its SHA-256; revision 1 is PENDING; the flag stays NONE', async () => {
    const bytes = 'SIEM ingestion report, week 47: 12 sources, 0 gaps.\n'
    const original = userFile(bytes, 'siem-week-47.txt')
    const expected = sha256Of(readFileSync(original))
    const file = await importFile(env.dataDir, original, 50 * MB)
    expect(file).toEqual({
      file_sha256: expected,
      file_name: 'siem-week-47.txt',
      file_size: Buffer.byteLength(bytes),
      media_type: 'text/plain',
    })
    const stored = join(env.dataDir, 'evidence', expected.slice(0, 2), expected)
    expect(readFileSync(stored, 'utf8')).toBe(bytes)
    expect(statSync(stored).mode & 0o222).toBe(0) // read-only
    // The same bytes are stored once.
    expect(await importFile(env.dataDir, userFile(bytes, 'copy.txt'), 50 * MB)).toMatchObject({ file_sha256: expected })

    const c = await aControl(env)
    const e = await env.ok('ro', 'evidence.create', {
      control_id: c.id,
      title: 'SIEM ingestion report',
      kind: 'LOG',
      revision: { ...file, collected_at: '2026-11-22T08:00:00.000Z', valid_until: day(90) },
    })
    const [rev] = await revisionsOf(env, e.id)
    expect(rev).toMatchObject({
      version_no: 1,
      status: 'PENDING',
      file_sha256: expected,
      file_name: 'siem-week-47.txt',
      uploaded_by: env.users['ro'],
      uploaded_at: T0,
    })
    expect(await controlRow(env, c.id)).toMatchObject({ evidence_status: 'NONE' })
    const detail = await env.ok('mgr', 'control.get', { id: c.id })
    expect(detail).toMatchObject({ evidence_status: 'NONE', evidence_status_label: 'No valid evidence' })
    expect(detail.evidence_summary).toMatchObject({ records: 1, pending_review: 1 })
  })

  it('CTL-12 the uploader cannot review; rog accepts → VALID; a second review and a short rejection are refused', async () => {
    const c = await aControl(env)
    const e = await anEvidence(env, c.id, { valid_until: day(30) })
    await refuse(env, 'ro', 'evidence.reviewRevision', await reviewInput(env, e.revision_id, 'ACCEPTED'), {
      code: 'FORBIDDEN',
      message: 'You cannot review evidence you uploaded.',
    })
    await refuse(env, 'mgr', 'evidence.reviewRevision', await reviewInput(env, e.revision_id, 'ACCEPTED'), {
      code: 'FORBIDDEN',
      message: 'Only Risk Officers can review evidence.',
    })
    await refuse(env, 'ro2', 'evidence.reviewRevision', await reviewInput(env, e.revision_id, 'ACCEPTED'), {
      code: 'NOT_FOUND',
    })
    const ok = await review(env, 'rog', e.revision_id, 'ACCEPTED')
    expect(ok).toMatchObject({ ok: true, value: { status: 'ACCEPTED', control_evidence_status: 'VALID' } })
    expect(await controlRow(env, c.id)).toMatchObject({ evidence_status: 'VALID' })
    expect((await revisionsOf(env, e.id))[0]).toMatchObject({
      status: 'ACCEPTED',
      reviewed_by: env.users['rog'],
      reviewed_at: T0,
    })
    await refuse(
      env,
      'rog',
      'evidence.reviewRevision',
      await reviewInput(env, e.revision_id, 'REJECTED', 'Not the right report.'),
      {
        code: 'WORKFLOW',
        message: 'This revision has already been reviewed.',
      },
    )
    const r2 = await env.ok('mgr', 'evidence.addRevision', { evidence_id: e.id, revision: await fileRevision(env) })
    const error = await refuse(
      env,
      'ro',
      'evidence.reviewRevision',
      await reviewInput(env, r2.revision_id, 'REJECTED', 'Too short'),
      {
        code: 'VALIDATION',
        message: 'A rejection needs a note of at least 10 characters.',
      },
    )
    expect(error).toMatchObject({ fields: ['note'] })
    // A stale base version is a conflict.
    await refuse(
      env,
      'ro',
      'evidence.reviewRevision',
      { ...(await reviewInput(env, r2.revision_id, 'ACCEPTED')), expected_version: 1 },
      { code: 'CONFLICT', message: 'This evidence changed after you saw it. Review the changes and try again.' },
    )
    const rejected = await review(env, 'ro', r2.revision_id, 'REJECTED', 'Wrong quarter attached.')
    expect(rejected).toMatchObject({ ok: true, value: { status: 'REJECTED', control_evidence_status: 'VALID' } })
  })

  it('CTL-13 a new revision is version 2; revision 1 keeps its file, hash, dates and decision; no gaps', async () => {
    const c = await aControl(env)
    const e = await anEvidence(env, c.id, { valid_until: day(10) })
    expect((await review(env, 'rog', e.revision_id, 'ACCEPTED')).ok).toBe(true)
    const [before] = await revisionsOf(env, e.id)
    env.clock.set('2026-11-24T09:00:00.000Z')
    const r2 = await env.ok('mgr', 'evidence.addRevision', {
      evidence_id: e.id,
      revision: await fileRevision(env, { bytes: 'second version of the report', valid_until: day(100) }),
    })
    expect(r2).toMatchObject({ version_no: 2 })
    const r3 = await env.ok('ro', 'evidence.addRevision', { evidence_id: e.id, revision: await fileRevision(env) })
    expect(r3).toMatchObject({ version_no: 3 })
    const revs = await revisionsOf(env, e.id)
    expect(revs.map((r) => r.version_no)).toEqual([1, 2, 3])
    expect(revs[0]).toEqual(before)
    expect(revs[1]).toMatchObject({ status: 'PENDING', file_sha256: sha256Of('second version of the report') })
    const history = await env.ok('aud', 'evidence.history', { evidence_id: e.id })
    expect(history.items.map((r: { version_no: number }) => r.version_no)).toEqual([3, 2, 1])
    expect(history.items[2]).toMatchObject({ status: 'ACCEPTED', reviewed_by: env.users['rog'] })
    const record = await env.db.selectFrom('evidence').selectAll().where('id', '=', e.id).executeTakeFirstOrThrow()
    expect(Number(record.latest_version_no)).toBe(3)
    expect(Number(record.version)).toBe(4) // created 1, review +1, two revisions +2
  })

  it('CTL-14 expiry: the job flags the control, the filter lists it, one notice per recipient after two runs; archive clears it', async () => {
    const c = await aControl(env, { owner: 'mgr', title: 'Expiring evidence control' })
    const e = await anEvidence(env, c.id, { valid_until: day(1) })
    expect((await review(env, 'rog', e.revision_id, 'ACCEPTED')).ok).toBe(true)
    expect(await controlRow(env, c.id)).toMatchObject({ evidence_status: 'VALID' })
    env.clock.set('2026-11-25T10:00:00.000Z')
    expect((await env.dispatcher.runJob('evidence.sweepExpiry')).ok).toBe(true)
    expect((await env.dispatcher.runJob('evidence.sweepExpiry')).ok).toBe(true)
    const detail = await env.ok('mgr', 'control.get', { id: c.id })
    expect(detail).toMatchObject({ evidence_status: 'EXPIRED', evidence_status_label: 'Evidence expired' })
    const listed = await env.ok('ro', 'control.list', { evidence_status: ['EXPIRED'] })
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([c.id])
    const notices = await controlNotices(env, c.id, 'EVIDENCE_EXPIRED')
    expect(notices.filter((n) => n.user === 'mgr')).toHaveLength(1)
    // Owner and the BU risk officers of Retail (ro), once each.
    expect(notices.map((n) => n.user).sort()).toEqual(['mgr', 'ro'])
    expect(notices[0]!.payload.message).toBe(
      `Evidence 'Quarterly access review' for control ${(await controlRow(env, c.id))!.ref} expired on ${day(1)}.`,
    )
    expect(notices[0]!.dedupe_key).toMatch(new RegExp(`^CONTROL:${c.id}:EVIDENCE_EXPIRED:${e.revision_id}:`))

    await env.ok('ro', 'evidence.archive', {
      evidence_id: e.id,
      expected_version: await evidenceVersion(env, e.id),
      reason: 'Superseded by the new quarterly review.',
    })
    expect(await controlRow(env, c.id)).toMatchObject({ evidence_status: 'NONE' })
    expect((await env.ok('ro', 'control.list', { evidence_status: ['EXPIRED'] })).items).toEqual([])
    expect((await env.dispatcher.runJob('evidence.sweepExpiry')).ok).toBe(true)
    expect(await controlNotices(env, c.id, 'EVIDENCE_EXPIRED')).toHaveLength(2)
  })

  it('CTL-15 proof on a date follows the held and effective revisions exactly', async () => {
    const c = await aControl(env, { title: 'Proof-on-date control' })
    env.clock.set('2026-01-10T09:00:00.000Z')
    const r1 = await fileRevision(env, {
      bytes: 'January proof',
      collected_at: '2026-01-10T08:00:00.000Z',
      valid_until: '2026-06-30',
    })
    const e = await env.ok('ro', 'evidence.create', {
      control_id: c.id,
      title: 'Access review',
      kind: 'DOCUMENT',
      revision: r1,
    })
    env.clock.set('2026-01-11T10:00:00.000Z')
    expect((await review(env, 'rog', e.revision_id, 'ACCEPTED')).ok).toBe(true)
    env.clock.set('2026-07-10T08:00:00.000Z')
    const r2 = await env.ok('ro', 'evidence.addRevision', {
      evidence_id: e.id,
      revision: await fileRevision(env, {
        bytes: 'July proof',
        collected_at: '2026-07-10T07:00:00.000Z',
        valid_until: '2026-12-31',
      }),
    })
    env.clock.set('2026-07-10T15:00:00.000Z')
    expect((await review(env, 'rog', r2.revision_id, 'ACCEPTED')).ok).toBe(true)

    const asOf = (date: string) => env.ok('aud', 'evidence.asOf', { control_id: c.id, date })
    const jan10 = await asOf('2026-01-10')
    expect(jan10.control_evidence_status).toBe('NONE')
    expect(jan10.records[0]).toMatchObject({
      state: 'NONE',
      held_revision: { version_no: 1, status_on_date: 'PENDING' },
      effective_revision: null,
    })
    const mar1 = await asOf('2026-03-01')
    expect(mar1.control_evidence_status).toBe('VALID')
    expect(mar1.records[0]).toMatchObject({
      state: 'VALID',
      held_revision: { version_no: 1, status_on_date: 'ACCEPTED' },
      effective_revision: { version_no: 1, file_sha256: sha256Of('January proof'), valid_until: '2026-06-30' },
    })
    const jul5 = await asOf('2026-07-05')
    expect(jul5).toMatchObject({ control_evidence_status: 'EXPIRED', records: [{ state: 'EXPIRED' }] })
    const jul15 = await asOf('2026-07-15')
    expect(jul15.control_evidence_status).toBe('VALID')
    expect(jul15.records[0]).toMatchObject({
      held_revision: { version_no: 2, status_on_date: 'ACCEPTED' },
      effective_revision: { version_no: 2, file_sha256: sha256Of('July proof') },
    })
    expect((await asOf('2026-01-09')).records).toEqual([])
  })

  it('CTL-16 verify answers MATCH, MISMATCH after a changed byte, MISSING after deletion; aud reads but cannot write', async () => {
    const c = await aControl(env)
    const bytes = 'Firewall rule review, signed.'
    const e = await anEvidence(env, c.id, { bytes })
    const sha = sha256Of(bytes)
    const stored = join(env.dataDir, 'evidence', sha.slice(0, 2), sha)
    expect(await env.ok('aud', 'evidence.verify', { revision_id: e.revision_id })).toEqual({
      revision_id: e.revision_id,
      file_sha256: sha,
      result: 'MATCH',
    })
    expect(await env.ok('aud', 'evidence.fileInfo', { file_sha256: sha })).toMatchObject({ file_name: 'report.pdf' })
    const perms = (await env.ok('aud', 'control.get', { id: c.id })).permissions
    expect(perms).toMatchObject({ can_add_evidence: false, can_review_evidence: false, can_edit: false })
    const READ_ONLY = { code: 'FORBIDDEN', message: 'Your role cannot change controls.' }
    await refuse(
      env,
      'aud',
      'evidence.addRevision',
      { evidence_id: e.id, revision: await fileRevision(env) },
      READ_ONLY,
    )
    await refuse(env, 'aud', 'evidence.reviewRevision', await reviewInput(env, e.revision_id, 'ACCEPTED'), READ_ONLY)
    await refuse(
      env,
      'aud',
      'evidence.archive',
      { evidence_id: e.id, expected_version: await evidenceVersion(env, e.id), reason: 'Auditor tries to archive.' },
      READ_ONLY,
    )

    chmodSync(stored, 0o644)
    const changed = readFileSync(stored)
    changed[0] = changed[0]! ^ 1
    writeFileSync(stored, changed)
    const audit = await env.db.selectFrom('audit_entry').select('seq').execute()
    expect((await env.ok('ro', 'evidence.verify', { revision_id: e.revision_id })).result).toBe('MISMATCH')
    rmSync(stored)
    expect(existsSync(stored)).toBe(false)
    expect((await env.ok('aud', 'evidence.verify', { revision_id: e.revision_id })).result).toBe('MISSING')
    // A read: nothing was written.
    expect(await env.db.selectFrom('audit_entry').select('seq').execute()).toEqual(audit)
    // ro2 cannot see the Retail control, nor verify its evidence.
    expect(await env.call('ro2', 'evidence.verify', { revision_id: e.revision_id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('CTL-17 link scheme, kind/payload match, empty and oversized files are refused', async () => {
    const c = await aControl(env)
    const link = (revision: Record<string, unknown>) => ({
      control_id: c.id,
      title: 'Policy page',
      kind: 'LINK',
      revision: { collected_at: T0, ...revision },
    })
    await refuse(env, 'ro', 'evidence.create', link({ url: 'ftp://host/file' }), {
      code: 'VALIDATION',
      message: 'Link must start with http:// or https://.',
    })
    const file = await attach(env, 'a file for a link')
    await refuse(env, 'ro', 'evidence.create', link(file), {
      code: 'VALIDATION',
      message: 'This evidence takes a link, not a file.',
    })
    await refuse(
      env,
      'ro',
      'evidence.create',
      { ...link({ url: 'https://intranet/policy' }), kind: 'DOCUMENT' },
      { code: 'VALIDATION', message: 'This evidence takes a file, not a link.' },
    )
    const ok = await env.ok('ro', 'evidence.create', link({ url: 'https://intranet.example/policy/access' }))
    expect((await revisionsOf(env, ok.id))[0]).toMatchObject({
      url: 'https://intranet.example/policy/access',
      file_sha256: null,
    })

    const refused = async (path: string, message: string) => {
      const e = await importFile(env.dataDir, path, 50 * MB).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(AppError)
      expect((e as AppError).data).toMatchObject({ code: 'VALIDATION', message })
    }
    await refused(userFile('', 'empty.txt'), 'The file is empty.')
    const big = userFile('x', 'big.bin')
    truncateSync(big, 51 * MB)
    await refused(big, 'The file is larger than 50 MB.')
    // Nothing was left behind in the store by the refusals.
    const { readdirSync } = await import('node:fs')
    expect(readdirSync(join(env.dataDir, 'evidence')).filter((n) => n.startsWith('.incoming'))).toEqual([])
    // The command checks the same limits on the metadata it carries, and the file's presence in the store.
    const doc = (revision: Record<string, unknown>) => ({ control_id: c.id, title: 'Scan', kind: 'DOCUMENT', revision })
    await refuse(env, 'ro', 'evidence.create', doc({ ...file, file_size: 0, collected_at: T0 }), {
      code: 'VALIDATION',
      message: 'The file is empty.',
    })
    await refuse(env, 'ro', 'evidence.create', doc({ ...file, file_size: 51 * MB, collected_at: T0 }), {
      code: 'VALIDATION',
      message: 'The file is larger than 50 MB.',
    })
    await refuse(env, 'ro', 'evidence.create', doc({ ...file, file_sha256: 'a'.repeat(64), collected_at: T0 }), {
      code: 'VALIDATION',
      message: 'File not found in the evidence store.',
    })
    await refuse(env, 'ro', 'evidence.create', doc({ ...file, file_sha256: 'XYZ', collected_at: T0 }), {
      code: 'VALIDATION',
      message: 'Invalid file hash.',
    })
    await refuse(env, 'ro', 'evidence.create', doc({ ...file, collected_at: '2026-11-23T14:05:10.000Z' }), {
      code: 'VALIDATION',
      message: 'Collection time cannot be in the future.',
    })
    await refuse(env, 'ro', 'evidence.create', doc({ ...file, collected_at: T0, valid_until: day(-1) }), {
      code: 'VALIDATION',
      message: 'Valid-until date cannot be before the collection date.',
    })
    await refuse(env, 'emp', 'evidence.create', doc({ ...file, collected_at: T0 }), {
      code: 'FORBIDDEN',
      message: 'Only the control owner or a Risk Officer can add evidence.',
    })
  })

  it('CTL-18 no evidence on an inactive control; no revision on an archived record', async () => {
    const c = await aControl(env)
    const e = await anEvidence(env, c.id)
    await env.ok('ro', 'evidence.archive', {
      evidence_id: e.id,
      expected_version: await evidenceVersion(env, e.id),
      reason: 'Wrong control, filed again elsewhere.',
    })
    await refuse(
      env,
      'ro',
      'evidence.addRevision',
      { evidence_id: e.id, revision: await fileRevision(env) },
      {
        code: 'WORKFLOW',
        message: 'Archived evidence cannot be changed.',
      },
    )
    await refuse(
      env,
      'ro',
      'evidence.archive',
      { evidence_id: e.id, expected_version: await evidenceVersion(env, e.id), reason: 'Archive it once more.' },
      { code: 'WORKFLOW', message: 'Archived evidence cannot be changed.' },
    )
    await env.ok('ro', 'control.deactivate', {
      id: c.id,
      expected_version: await controlVersion(env, c.id),
      reason: 'Replaced by an automated check.',
    })
    await refuse(
      env,
      'ro',
      'evidence.create',
      { control_id: c.id, title: 'Late proof', kind: 'DOCUMENT', revision: await fileRevision(env) },
      { code: 'WORKFLOW', message: 'Cannot add evidence to an inactive control.' },
    )
    // Archived records are listed only on request.
    expect((await env.ok('ro', 'evidence.list', { control_id: c.id })).items).toEqual([])
    expect((await env.ok('ro', 'evidence.list', { control_id: c.id, include_archived: true })).items).toHaveLength(1)
  })

  it('CTL-24 an evidence review writes one audit entry for the revision, PENDING → ACCEPTED', async () => {
    const c = await aControl(env)
    const e = await anEvidence(env, c.id, { valid_until: day(40) })
    expect((await review(env, 'rog', e.revision_id, 'ACCEPTED')).ok).toBe(true)
    const entries = await auditOf(env, e.revision_id)
    expect(entries).toHaveLength(2) // created, then reviewed
    expect(entries[1]).toMatchObject({ action: 'evidence.reviewRevision', entity_type: 'evidence_revision' })
    expect(entries[1]!.changes).toContainEqual({ field: 'status', before: 'PENDING', after: 'ACCEPTED' })
  })
})
