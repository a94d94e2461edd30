import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aControl, anEvidence, day, review, T0 } from './controls-support'
import { aRisk, link } from './risks-support'

// The control detail's History tab (controls.md §11, audit-security §2.8): `audit.forEntity` for a control lists
// the control's own entries and those of its references, evidence, tests and risk links, to whoever sees it.

describe.each(ENGINES)('control history on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
  })
  beforeEach(() => env.clock.set(T0))
  afterAll(async () => env?.close())

  type Entry = { action: string; entity_type: string; changes: { field: string; before: unknown; after: unknown }[] }
  const history = async (user: string, id: string) =>
    (await env.ok<{ items: Entry[] }>(user, 'audit.forEntity', { entityType: 'control', entityId: id })).items

  it("lists the control's entries with its references, evidence, tests and risk links, oldest first", async () => {
    const c = await aControl(env, { title: 'Vault dual control' })
    await env.ok('ro', 'control.addFrameworkRef', {
      control_id: c.id,
      framework_id: 'ISO27001_2013',
      clause_code: 'A.12.4.1',
    })
    const evidence = await anEvidence(env, c.id)
    expect((await review(env, 'rog', evidence.revision_id, 'ACCEPTED')).ok).toBe(true)
    await env.ok('ro', 'control.recordTest', {
      control_id: c.id,
      test_date: day(-1),
      tester_id: env.users['ro'],
      result: 'EFFECTIVE',
    })
    const risk = await aRisk(env)
    await link(env, 'ro', risk.id, c.id)
    const other = await aControl(env, { title: 'Unrelated control' })

    const entries = await history('aud', c.id)
    const actions = entries.map((e) => `${e.action} ${e.entity_type}`)
    expect(actions[0]).toBe('control.create control')
    expect(actions).toEqual(
      expect.arrayContaining([
        'control.addFrameworkRef control_framework_ref',
        'evidence.create evidence',
        'evidence.create evidence_revision',
        'evidence.reviewRevision evidence_revision',
        'control.recordTest control_test',
        'risk.linkControl risk_control',
      ]),
    )
    const accepted = entries.find(
      (e) => e.entity_type === 'evidence_revision' && e.action === 'evidence.reviewRevision',
    )
    expect(accepted?.changes).toContainEqual({ field: 'status', before: 'PENDING', after: 'ACCEPTED' })
    // Nothing of another control, nor the risk's own entries.
    expect(entries.every((e) => e.entity_type !== 'risk')).toBe(true)
    expect((await history('aud', other.id)).map((e) => e.action)).toEqual(['control.create'])
  })

  it('follows the control visibility: NOT_FOUND for a user who cannot see the control', async () => {
    const c = await aControl(env, { title: 'Retail-only control' })
    expect((await history('mgr', c.id)).length).toBeGreaterThan(0)
    const r = await env.call('ro2', 'audit.forEntity', { entityType: 'control', entityId: c.id })
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
