import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aControl, auditOf, controlRow, controlVersion, refuse, T0 } from './controls-support'
import { activeRisk, aRisk, link, move } from './risks-support'

// Controls seen through their links to risks (controls.md §3.1, §4): deactivation, locked fields, visibility.

describe.each(ENGINES)('controls and their linked risks on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
  })
  beforeEach(() => env.clock.set(T0))
  afterAll(async () => env?.close())

  const deactivate = async (user: string, id: string, reason = 'No longer operated by the branch.') =>
    env.call(user, 'control.deactivate', { id, expected_version: await controlVersion(env, id), reason })

  it('CTL-04 a control linked to an ACTIVE risk cannot be deactivated until the risk is retired', async () => {
    const c = await aControl(env, { title: 'Vault dual control' })
    const risk = await activeRisk(env, { control: c.id })
    await refuse(
      env,
      'ro',
      'control.deactivate',
      { id: c.id, expected_version: await controlVersion(env, c.id), reason: 'No longer operated.' },
      { code: 'WORKFLOW', message: 'Cannot deactivate control linked to ACTIVE risks.' },
    )
    const detail = await env.ok('ro', 'control.get', { id: c.id })
    expect(detail).toMatchObject({
      can_deactivate: false,
      active_risks_count: 1,
      deactivate_disabled_reason: 'Linked to 1 ACTIVE risk(s)',
      permissions: { can_edit: true, can_deactivate: false },
    })
    await move(env, 'ro', 'risk.retire', risk.id, { reason: 'Branch network closed for good.' })
    expect((await env.ok('ro', 'control.get', { id: c.id })).can_deactivate).toBe(true)
    env.clock.set('2026-11-23T15:00:00.000Z')
    const r = await deactivate('ro', c.id, 'Obsolete!!')
    expect(r).toMatchObject({ ok: true, value: { is_active: false } })
    expect(await controlRow(env, c.id)).toMatchObject({
      is_active: 0,
      deactivated_by: env.users['ro'],
      deactivated_at: '2026-11-23T15:00:00.000Z',
      deactivation_reason: 'Obsolete!!',
    })
    // Too short a reason, and deactivating twice, are refused.
    const other = await aControl(env)
    await refuse(
      env,
      'ro',
      'control.deactivate',
      { id: other.id, expected_version: 1, reason: 'Obsolete!' },
      {
        code: 'VALIDATION',
        message: 'Reason must be at least 10 characters.',
      },
    )
    await refuse(
      env,
      'ro',
      'control.deactivate',
      { id: c.id, expected_version: await controlVersion(env, c.id), reason: 'Obsolete again.' },
      { code: 'WORKFLOW', message: 'Control is already inactive.' },
    )
    await refuse(
      env,
      'ro',
      'control.reactivate',
      { id: c.id, expected_version: 1 },
      {
        code: 'CONFLICT',
        message: 'This control changed after you saw it. Review the changes and try again.',
      },
    )
    await env.ok('ro', 'control.reactivate', { id: c.id, expected_version: await controlVersion(env, c.id) })
    expect(await controlRow(env, c.id)).toMatchObject({ is_active: 1, deactivated_at: null, deactivation_reason: null })
    await refuse(
      env,
      'ro',
      'control.reactivate',
      { id: c.id, expected_version: await controlVersion(env, c.id) },
      {
        code: 'WORKFLOW',
        message: 'Control is already active.',
      },
    )
  })

  it('CTL-06 visibility for mgr, ro and ro2, including an inactive Wholesale control linked to a Retail risk', async () => {
    const retail = await aControl(env, { title: 'Retail active control' })
    const groupWide = await aControl(env, {
      title: 'Wholesale group-wide control',
      creator: 'ro2',
      bu: 'WHOLESALE',
      owner: 'mgr2',
      group_wide: true,
    })
    const wholesaleLinked = await aControl(env, {
      title: 'Wholesale linked control',
      creator: 'ro2',
      bu: 'WHOLESALE',
      owner: 'mgr2',
    })
    const wholesaleHidden = await aControl(env, {
      title: 'Wholesale private control',
      creator: 'ro2',
      bu: 'WHOLESALE',
      owner: 'mgr2',
    })
    const retailInactive = await aControl(env, { title: 'Retail retired control', owner: 'ro' })
    const draft = await aRisk(env, { title: 'Retail risk with a Wholesale control' })
    await link(env, 'rog', draft.id, wholesaleLinked.id)
    expect((await deactivate('ro', retailInactive.id)).ok).toBe(true)

    const seen = async (user: string) =>
      (await env.ok(user, 'control.list', { limit: 100 })).items.map((i: { title: string }) => i.title) as string[]
    const mgrSees = await seen('mgr')
    expect(mgrSees).toEqual(
      expect.arrayContaining(['Retail active control', 'Wholesale group-wide control', 'Wholesale linked control']),
    )
    expect(mgrSees).not.toContain('Wholesale private control')
    expect(mgrSees).not.toContain('Retail retired control')

    // Deactivated while its only risk is DRAFT: mgr still sees it, read-only, badged Inactive.
    expect((await deactivate('ro2', wholesaleLinked.id)).ok).toBe(true)
    const inactive = await env.ok('mgr', 'control.get', { id: wholesaleLinked.id })
    expect(inactive).toMatchObject({ is_active: false, permissions: { can_edit: false, can_add_evidence: false } })
    expect(await seen('mgr')).toContain('Wholesale linked control')
    // The unlinked inactive Retail control: hidden from mgr, visible to ro.
    expect(await env.call('mgr', 'control.get', { id: retailInactive.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Control not found.' },
    })
    expect(await env.ok('ro', 'control.get', { id: retailInactive.id })).toMatchObject({ is_active: false })
    expect(await seen('ro')).toEqual(expect.arrayContaining(['Retail retired control', 'Wholesale group-wide control']))
    // ro2 opening an unlinked, non-group-wide Retail control.
    expect(await env.call('ro2', 'control.get', { id: retail.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Control not found.' },
    })
    expect(await env.ok('ro2', 'control.get', { id: groupWide.id })).toMatchObject({ group_wide: true })
    // Admin and the specialist roles see no controls.
    for (const u of ['adm', 'sec', 'gorm1']) expect(await seen(u)).toEqual([])
    void wholesaleHidden
  })

  it('CTL-07 linked to one ACTIVE and one DRAFT risk: counts 2 and 1, no deactivate, no delete', async () => {
    const c = await aControl(env, { title: 'Counted control' })
    await activeRisk(env, { control: c.id })
    const draft = await aRisk(env, { title: 'Draft risk for counting' })
    await link(env, 'ro', draft.id, c.id)
    const d = await env.ok('ro', 'control.get', { id: c.id })
    expect(d).toMatchObject({
      linked_risks_count: 2,
      active_risks_count: 1,
      can_deactivate: false,
      permissions: { can_delete: false, can_deactivate: false },
      linked_risks_outside_scope: 0,
    })
    expect(d.linked_risks).toHaveLength(2)
    // ro2 cannot see the Retail risks: the counts still cover them, the list ends with "+2 outside your scope".
    await env.ok('ro', 'control.update', { id: c.id, changes: { group_wide: { before: false, after: true } } })
    const seenBy2 = await env.ok('ro2', 'control.get', { id: c.id })
    expect(seenBy2).toMatchObject({
      linked_risks_count: 2,
      active_risks_count: 1,
      linked_risks: [],
      linked_risks_outside_scope: 2,
    })
    const listed = await env.ok('ro', 'control.list', { search: 'Counted control' })
    expect(listed.items[0]).toMatchObject({ linked_risks_count: 2, active_risks_count: 1 })
  })

  it('CTL-08 while linked to an ACTIVE risk, control_type is locked; description and effectiveness change', async () => {
    const c = await aControl(env, { title: 'Locked fields control', effectiveness: 3 })
    await activeRisk(env, { control: c.id })
    const stored = (await controlRow(env, c.id))!
    await refuse(
      env,
      'ro',
      'control.update',
      { id: c.id, changes: { control_type: { before: 'PREVENTIVE', after: 'DETECTIVE' } } },
      {
        code: 'WORKFLOW',
        message: 'Fields control_type cannot be changed while the control is linked to ACTIVE risks.',
      },
    )
    await refuse(
      env,
      'ro',
      'control.update',
      {
        id: c.id,
        changes: {
          control_nature: { before: 'MANUAL', after: 'HYBRID' },
          control_type: { before: 'PREVENTIVE', after: 'CORRECTIVE' },
        },
      },
      {
        code: 'WORKFLOW',
        message: 'Fields control_type, control_nature cannot be changed while the control is linked to ACTIVE risks.',
      },
    )
    const r = await env.ok('ro', 'control.update', {
      id: c.id,
      changes: {
        description: { before: stored.description, after: 'Two staff open the vault; both sign the log.' },
        effectiveness: { before: 3, after: 4 },
        // Sending the stored value is not a change, so the lock does not apply.
        control_type: { before: 'PREVENTIVE', after: 'PREVENTIVE' },
      },
    })
    expect(r).toMatchObject({ version: 2, changed: ['description', 'effectiveness'] })
    expect(await controlRow(env, c.id)).toMatchObject({
      effectiveness: 4,
      description: 'Two staff open the vault; both sign the log.',
    })
    expect((await env.ok('ro', 'control.get', { id: c.id })).locked_fields).toEqual([
      'control_type',
      'control_nature',
      'business_unit_id',
    ])
    // A stale base is a conflict listing the field.
    const conflict = await refuse(
      env,
      'ro',
      'control.update',
      { id: c.id, changes: { effectiveness: { before: 3, after: 5 } } },
      { code: 'CONFLICT' },
    )
    expect(conflict).toMatchObject({ fields: [{ field: 'effectiveness', before: 3, mine: 5, theirs: 4 }] })
    await refuse(
      env,
      'ro',
      'control.update',
      { id: c.id, changes: { is_active: { before: true, after: false } } },
      { code: 'VALIDATION', message: 'Use Deactivate or Reactivate to change whether a control is active.' },
    )
  })

  it('CTL-24 a deactivation writes one audit entry with is_active true → false and the reason', async () => {
    const c = await aControl(env, { title: 'Audited control' })
    const before = (await auditOf(env, c.id)).length
    expect((await deactivate('ro', c.id, 'Merged into the daily check.')).ok).toBe(true)
    const entries = (await auditOf(env, c.id)).slice(before)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'control.deactivate', reason: 'Merged into the daily check.' })
    expect(entries[0]!.changes).toContainEqual({ field: 'is_active', before: true, after: false })
  })
})
