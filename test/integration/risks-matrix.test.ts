import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '#main/ids'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { activeRisk, aRisk, assessedRisk, auditOf, move, refuse, refuseMove, row, T0, version } from './risks-support'

type Band = { code: string; label: string; min_score: number; max_score: number; colour: string; text_colour: string }
type MatrixView = { id: string; version: number; status: string; row_version: number; bands: Band[]; name: string }

const FORBIDDEN = { code: 'FORBIDDEN', message: 'Only administrators can change the risk matrix.' }
const READ_ONLY = { code: 'WORKFLOW', message: 'Published matrix versions cannot be changed.' }

describe.each(ENGINES)('risk matrix versions on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const current = () => env.ok<MatrixView>('adm', 'riskMatrix.current', {})
  const newDraft = () => env.ok<MatrixView>('adm', 'riskMatrix.createDraft', { id: newId() })
  const saveBands = (draft: MatrixView, bands: Band[]) =>
    env.call('adm', 'riskMatrix.updateDraft', {
      id: draft.id,
      changes: { bands: { before: draft.bands, after: bands } },
    })

  it('version 1 is installed and published with the bands of §3.3, readable by every user', async () => {
    const v1 = await env.ok<MatrixView & { cells: { likelihood: number; impact: number; band: string }[] }>(
      'emp',
      'riskMatrix.current',
      {},
    )
    expect(v1).toMatchObject({ version: 1, status: 'PUBLISHED' })
    expect(v1.bands.map((b) => [b.code, b.min_score, b.max_score, b.colour])).toEqual([
      ['LOW', 1, 4, '#2E7D32'],
      ['MEDIUM', 5, 9, '#F9A825'],
      ['HIGH', 10, 14, '#EF6C00'],
      ['CRITICAL', 15, 25, '#C62828'],
    ])
    expect(v1.cells).toHaveLength(25)
    expect(v1.cells.find((c) => c.likelihood === 3 && c.impact === 5)!.band).toBe('CRITICAL')
    const list = await env.ok('ro', 'riskMatrix.list', {})
    expect(list.items.map((m: MatrixView) => [m.version, m.status])).toEqual([[1, 'PUBLISHED']])
  })

  it('RSK-37 a draft with a gap in the bands or a colour "red" is refused; ro cannot publish', async () => {
    const draft = await newDraft()
    expect(draft).toMatchObject({ version: 2, status: 'DRAFT', row_version: 1 })
    expect(draft.bands).toEqual((await current()).bands)
    await refuse(
      env,
      'adm',
      'riskMatrix.createDraft',
      { id: newId() },
      { code: 'WORKFLOW', message: 'A draft matrix version already exists.' },
    )

    const gap = [
      { ...draft.bands[0]!, min_score: 1, max_score: 4 },
      { ...draft.bands[3]!, min_score: 6, max_score: 25 },
    ]
    const before = await env.db.selectFrom('risk_matrix_version').selectAll().orderBy('version').execute()
    const r1 = await saveBands(draft, gap)
    expect(r1).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Bands must cover scores 1 to 25 without gaps or overlaps.',
        fields: ['changes.bands.after'],
      },
    })
    const red = draft.bands.map((b, i) => (i === 0 ? { ...b, colour: 'red' } : b))
    expect(await saveBands(draft, red)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Band colour must be a hex colour like #C62828.' },
    })
    expect(await env.db.selectFrom('risk_matrix_version').selectAll().orderBy('version').execute()).toEqual(before)

    await refuse(env, 'ro', 'riskMatrix.publish', { id: draft.id, expected_version: 1 }, FORBIDDEN)
    await refuse(
      env,
      'mgr',
      'riskMatrix.updateDraft',
      { id: draft.id, changes: { name: { before: draft.name, after: 'X' } } },
      FORBIDDEN,
    )
    await refuse(env, 'aud', 'riskMatrix.deleteDraft', { id: draft.id, expected_version: 1 }, FORBIDDEN)
    await refuse(env, 'ro', 'riskMatrix.createDraft', { id: newId() }, FORBIDDEN)

    // A stale row_version is a conflict; the right one discards the draft.
    await refuse(env, 'adm', 'riskMatrix.deleteDraft', { id: draft.id, expected_version: 7 }, { code: 'CONFLICT' })
    await env.ok('adm', 'riskMatrix.deleteDraft', { id: draft.id, expected_version: 1 })
    expect((await env.ok('adm', 'riskMatrix.list', {})).items).toHaveLength(1)
  })

  it('RSK-36 publishing version 2 supersedes version 1; old risks keep their bands until they adopt it', async () => {
    // Pinned to version 1 before the new version: one risk in ASSESSED (inherent 3×5 = 15), one ACTIVE.
    const old = await assessedRisk(env, { inherent: [3, 5] })
    const active = await activeRisk(env, { inherent: [3, 5] })
    const other = await aRisk(env, { inherent: [2, 2] })
    const v1 = await current()
    expect((await row(env, old.id))!).toMatchObject({ matrix_version_id: v1.id, inherent_band: 'CRITICAL' })

    // adm drafts version 2 with High 10–15 and Critical 16–25, renames it and publishes it.
    const draft = await newDraft()
    const bands = draft.bands.map((b) =>
      b.code === 'HIGH' ? { ...b, max_score: 15 } : b.code === 'CRITICAL' ? { ...b, min_score: 16 } : b,
    )
    const saved = await env.ok<MatrixView>('adm', 'riskMatrix.updateDraft', {
      id: draft.id,
      changes: {
        bands: { before: draft.bands, after: bands },
        name: { before: draft.name, after: 'Standard 5×5 (2027)' },
      },
    })
    expect(saved).toMatchObject({ row_version: 2, name: 'Standard 5×5 (2027)' })
    // A stale base on a changed field is a conflict naming it.
    const stale = await env.call('adm', 'riskMatrix.updateDraft', {
      id: draft.id,
      changes: { name: { before: draft.name, after: 'Another name' } },
    })
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: [{ field: 'name', theirs: 'Standard 5×5 (2027)' }] },
    })
    await refuse(env, 'adm', 'riskMatrix.publish', { id: draft.id, expected_version: 1 }, { code: 'CONFLICT' })
    const published = await env.ok<MatrixView>('adm', 'riskMatrix.publish', { id: draft.id, expected_version: 2 })
    expect(published).toMatchObject({ version: 2, status: 'PUBLISHED', row_version: 3 })

    const versions = await env.db
      .selectFrom('risk_matrix_version')
      .select(['id', 'status'])
      .orderBy('version')
      .execute()
    expect(versions).toEqual([
      { id: v1.id, status: 'SUPERSEDED' },
      { id: draft.id, status: 'PUBLISHED' },
    ])
    const audit = await auditOf(env, v1.id)
    expect(audit.at(-1)).toMatchObject({ action: 'riskMatrix.publish' })
    expect((await auditOf(env, draft.id)).at(-1)!.correlation_id).toBe(audit.at(-1)!.correlation_id)

    // The old risk still reads Critical on its pinned version 1.
    const detail = await env.ok('ro', 'risk.get', { id: old.id })
    expect(detail.matrix).toMatchObject({ version: 1, is_current: false })
    expect(detail.bands.inherent).toMatchObject({ code: 'CRITICAL', label: 'Critical', colour: '#C62828' })

    // A new risk pins version 2: the same 3×5 is High there.
    const fresh = await aRisk(env, { inherent: [3, 5] })
    expect(await row(env, fresh.id)).toMatchObject({
      matrix_version_id: draft.id,
      inherent_score: 15,
      inherent_band: 'HIGH',
    })

    // "Adopt current matrix" on the old ASSESSED risk: High, version + 1, audited.
    const v = await version(env, old.id)
    const adopted = await move(env, 'ro', 'risk.adoptMatrixVersion', old.id)
    expect(adopted).toMatchObject({ matrix_version_id: draft.id, inherent_band: 'HIGH', version: v + 1 })
    const after = await env.ok('ro', 'risk.get', { id: old.id })
    expect(after.bands.inherent).toMatchObject({ code: 'HIGH', label: 'High' })
    expect(after.matrix).toMatchObject({ version: 2, is_current: true })
    expect(after).toMatchObject({ inherent_likelihood: 3, inherent_impact: 5 })
    const entry = (await auditOf(env, old.id)).at(-1)!
    expect(entry.action).toBe('risk.adoptMatrixVersion')
    expect(entry.changes).toEqual(
      expect.arrayContaining([
        { field: 'matrix_version_id', before: v1.id, after: draft.id },
        { field: 'inherent_band', before: 'CRITICAL', after: 'HIGH' },
      ]),
    )
    await refuseMove(
      env,
      'ro',
      'risk.adoptMatrixVersion',
      old.id,
      {},
      {
        code: 'WORKFLOW',
        message: 'The risk already uses the current matrix version.',
      },
    )

    // On an ACTIVE risk: refused; a manager is refused by the gate; a stale base is a conflict.
    await refuseMove(
      env,
      'ro',
      'risk.adoptMatrixVersion',
      active.id,
      {},
      {
        code: 'WORKFLOW',
        message: 'The matrix version can only be changed in DRAFT or ASSESSED.',
      },
    )
    await refuseMove(env, 'mgr', 'risk.adoptMatrixVersion', other.id, {}, { code: 'FORBIDDEN' })
    await refuseMove(
      env,
      'aud',
      'risk.adoptMatrixVersion',
      other.id,
      {},
      {
        code: 'FORBIDDEN',
        message: 'Your role cannot change risks.',
      },
    )
    await refuse(
      env,
      'ro',
      'risk.adoptMatrixVersion',
      { id: other.id, expected_version: 9 },
      {
        code: 'CONFLICT',
        message: 'This risk changed after you saw it. Review the changes and try again.',
      },
    )
    await refuseMove(
      env,
      'ro2',
      'risk.adoptMatrixVersion',
      other.id,
      {},
      { code: 'NOT_FOUND', message: 'Risk not found.' },
    )

    // Version 1 is read-only now, for every matrix command.
    await refuse(
      env,
      'adm',
      'riskMatrix.updateDraft',
      { id: v1.id, changes: { name: { before: v1.name, after: 'Edited' } } },
      READ_ONLY,
    )
    await refuse(env, 'adm', 'riskMatrix.publish', { id: v1.id, expected_version: v1.row_version + 1 }, READ_ONLY)
    await refuse(env, 'adm', 'riskMatrix.deleteDraft', { id: v1.id, expected_version: v1.row_version + 1 }, READ_ONLY)
    await refuse(env, 'adm', 'riskMatrix.publish', { id: draft.id, expected_version: 3 }, READ_ONLY)
    await refuse(env, 'adm', 'riskMatrix.get', { id: 'no-such-version' }, { code: 'NOT_FOUND' })
    expect(await env.ok('emp', 'riskMatrix.get', { id: v1.id })).toMatchObject({ status: 'SUPERSEDED', version: 1 })
  })
})
