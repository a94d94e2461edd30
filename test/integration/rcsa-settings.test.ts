import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, footprint, testEnv, type TestEnv } from '../support/engines'
import { aControl, fileRevision, T0 } from './controls-support'
import { aKri, kriRow } from './kris-support'

// controls.md §2.6 and kris.md §2.5: the admin-editable settings of the two modules, and the commands that
// read them.

describe.each(ENGINES)('controls and KRI settings on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  it('only an administrator reads or changes them; a refused change writes nothing', async () => {
    const before = await footprint(env.db)
    for (const user of ['ro', 'aud', 'mgr']) {
      const r = await env.call(user, 'rcsaSettings.set', { evidence_max_file_mb: 10 })
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await env.call('ro', 'rcsaSettings.get', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const bad = await env.call('adm', 'rcsaSettings.set', { evidence_max_file_mb: 0 })
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await footprint(env.db)).toEqual(before)
    const shipped = await env.ok('adm', 'rcsaSettings.get', {})
    expect(shipped.settings).toEqual({
      control_fields_locked_when_linked_active: ['control_type', 'control_nature', 'business_unit_id'],
      evidence_max_file_mb: 50,
      kri_default_grace_days: { DAILY: 1, WEEKLY: 2, MONTHLY: 5, QUARTERLY: 10, ANNUALLY: 20 },
    })
  })

  it('a smaller evidence limit refuses a larger file with its own size in the message', async () => {
    const changed = await env.ok('adm', 'rcsaSettings.set', { evidence_max_file_mb: 1 })
    expect(changed.changed).toEqual(['evidence_max_file_mb'])
    const control = await aControl(env)
    const revision = { ...(await fileRevision(env)), file_size: 2 * 1024 * 1024 }
    const r = await env.call('ro', 'evidence.create', {
      control_id: control.id,
      title: 'Firewall export',
      kind: 'DOCUMENT',
      revision,
    })
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'The file is larger than 1 MB.' } })
    await env.ok('adm', 'rcsaSettings.set', { evidence_max_file_mb: 50 })
  })

  it('new KRIs take the changed default grace days of their frequency; the change is audited', async () => {
    await env.ok('adm', 'rcsaSettings.set', {
      kri_default_grace_days: { DAILY: 1, WEEKLY: 2, MONTHLY: 9, QUARTERLY: 10, ANNUALLY: 20 },
    })
    const kri = await aKri(env)
    expect((await kriRow(env, kri.id)).grace_days).toBe(9)
    const audit = await env.db
      .selectFrom('audit_entry')
      .select(['entity_id', 'changes'])
      .where('entity_type', '=', 'app_setting')
      .where('entity_id', '=', 'kri_default_grace_days')
      .execute()
    expect(JSON.parse(audit.at(-1)!.changes)).toEqual([
      {
        field: 'value',
        before: { DAILY: 1, WEEKLY: 2, MONTHLY: 5, QUARTERLY: 10, ANNUALLY: 20 },
        after: { DAILY: 1, WEEKLY: 2, MONTHLY: 9, QUARTERLY: 10, ANNUALLY: 20 },
      },
    ])
  })
})
