import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aKri, kriVersion, record, T0, TODAY } from './kris-support'
import { aRisk } from './risks-support'

// The KRI detail's History tab (kris.md §12, audit-security §2.8): `audit.forEntity` for a KRI lists the KRI's own
// entries and those of its value versions, threshold sets and risk links, to whoever sees the KRI.

describe.each(ENGINES)('KRI history on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
  })
  beforeEach(() => env.clock.set(T0))
  afterAll(async () => env?.close())

  type Entry = {
    action: string
    entity_type: string
    reason: string | null
    changes: { field: string; before: unknown; after: unknown }[]
  }
  const history = async (user: string, id: string) =>
    (await env.ok<{ items: Entry[] }>(user, 'audit.forEntity', { entityType: 'kri', entityId: id })).items

  it("lists the KRI's entries with its values, corrections, threshold sets and risk links, oldest first", async () => {
    const k = await aKri(env)
    await record(env, 'emp', k.id, TODAY.slice(0, 8) + '01', '6')
    await env.ok('ro', 'kri.correctValue', {
      kri_id: k.id,
      period_start: TODAY.slice(0, 8) + '01',
      expected_version_no: 1,
      value: '7',
      reason: 'Re-counted at month end.',
    })
    await env.ok('ro', 'kri.setThresholds', {
      kri_id: k.id,
      expected_version: await kriVersion(env, k.id),
      direction: 'higher_is_worse',
      amber: '4',
      red: '8',
      target: '1',
    })
    const risk = await aRisk(env)
    await env.ok('ro', 'kri.linkRisk', { kri_id: k.id, risk_id: risk.id })
    const other = await aKri(env)

    const entries = await history('aud', k.id)
    const actions = entries.map((e) => `${e.action} ${e.entity_type}`)
    expect(actions.slice(0, 2)).toEqual(['kri.create kri', 'kri.create kri_threshold_set'])
    expect(actions).toEqual(
      expect.arrayContaining([
        'kri.recordValue kri_value',
        'kri.correctValue kri_value',
        'kri.setThresholds kri_threshold_set',
        'kri.linkRisk kri_risk',
      ]),
    )
    const corrected = entries.find(
      (e) => e.action === 'kri.correctValue' && e.changes.some((c) => c.field === 'value_e4'),
    )
    expect(corrected?.reason).toBe('Re-counted at month end.')
    expect(corrected?.changes).toContainEqual({ field: 'value_e4', before: 60_000, after: 70_000 })
    // Nothing of another KRI, nor the risk's own entries.
    expect(entries.every((e) => e.entity_type !== 'risk')).toBe(true)
    expect((await history('aud', other.id)).map((e) => `${e.action} ${e.entity_type}`)).toEqual([
      'kri.create kri',
      'kri.create kri_threshold_set',
    ])
  })

  it('follows the KRI visibility: the owner sees it, a risk officer of another unit gets NOT_FOUND', async () => {
    const k = await aKri(env)
    expect((await history('emp', k.id)).length).toBeGreaterThan(0)
    const r = await env.call('ro2', 'audit.forEntity', { entityType: 'kri', entityId: k.id })
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
