import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import {
  aControl,
  anEvidence,
  bu,
  controlNotices,
  controlRow,
  controlVersion,
  day,
  refuse,
  T0,
} from './controls-support'
import { activeRisk, aRisk, link, move } from './risks-support'

const FAILED = 'A linked control failed its last test. Consider reassessment.'

describe.each(ENGINES)('control effectiveness tests on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
  })
  beforeEach(() => env.clock.set(T0))
  afterAll(async () => env?.close())

  const testInput = (controlId: string, extra: Record<string, unknown> = {}) => ({
    control_id: controlId,
    test_date: day(-1),
    tester_id: env.users['aud'],
    result: 'EFFECTIVE',
    ...extra,
  })

  it('CTL-19 an Ineffective test badges the control, notifies owners and flags linked ACTIVE risks; voiding restores', async () => {
    const c = await aControl(env, { owner: 'emp', title: 'Cash count control' })
    const risk = await activeRisk(env, { control: c.id })
    const draft = await aRisk(env, { owner: 'mgr3', title: 'Draft risk on the same control' })
    await link(env, 'ro', draft.id, c.id)
    const earlier = await env.ok('ro', 'control.recordTest', testInput(c.id, { test_date: day(-10) }))
    expect(earlier.is_latest).toBe(true)
    expect(await controlRow(env, c.id)).toMatchObject({ last_test_date: day(-10), last_test_result: 'EFFECTIVE' })

    await refuse(env, 'ro', 'control.recordTest', testInput(c.id, { result: 'INEFFECTIVE' }), {
      code: 'VALIDATION',
      message: 'Notes of at least 10 characters are required when the result is not Effective.',
    })
    const failed = await env.ok(
      'ro',
      'control.recordTest',
      testInput(c.id, { result: 'INEFFECTIVE', notes: 'Two counts were signed by one person.' }),
    )
    expect(await controlRow(env, c.id)).toMatchObject({ last_test_date: day(-1), last_test_result: 'INEFFECTIVE' })
    const detail = await env.ok('mgr', 'control.get', { id: c.id })
    expect(detail).toMatchObject({
      last_test_label: 'Ineffective',
      latest_test: { id: failed.id, result: 'INEFFECTIVE', result_label: 'Ineffective' },
    })
    // Control owner (emp) and the owner of the linked ACTIVE risk (mgr); not the DRAFT risk's owner, not the actor.
    const notices = await controlNotices(env, c.id, 'CONTROL_TEST_FAILED')
    expect(notices.map((n) => n.user).sort()).toEqual(['emp', 'mgr'])
    const ref = (await controlRow(env, c.id))!.ref
    expect(notices[0]!.payload.message).toBe(
      `Control ${ref} 'Cash count control' was tested Ineffective on ${day(-1)}.`,
    )
    expect(notices[0]!.dedupe_key).toMatch(new RegExp(`^CONTROL:${c.id}:CONTROL_TEST_FAILED:${failed.id}:`))
    expect((await env.ok('mgr', 'risk.get', { id: risk.id })).warnings).toContain(FAILED)
    const filtered = await env.ok('ro', 'control.list', { last_test_result: ['INEFFECTIVE'] })
    expect(filtered.items.map((i: { id: string }) => i.id)).toEqual([c.id])

    await refuse(env, 'ro', 'control.recordTest', testInput(c.id, { test_date: day(1) }), {
      code: 'VALIDATION',
      message: 'Test date cannot be in the future.',
    })
    await env.ok('ro', 'control.voidTest', { test_id: failed.id, reason: 'Recorded against the wrong branch.' })
    expect(await controlRow(env, c.id)).toMatchObject({ last_test_date: day(-10), last_test_result: 'EFFECTIVE' })
    expect((await env.ok('mgr', 'risk.get', { id: risk.id })).warnings).not.toContain(FAILED)
    await refuse(
      env,
      'ro',
      'control.voidTest',
      { test_id: failed.id, reason: 'Voiding it a second time.' },
      {
        code: 'WORKFLOW',
        message: 'This test is already void.',
      },
    )
    const tests = await env.ok('aud', 'control.tests', { control_id: c.id, include_void: true })
    expect(
      tests.items.map((t: { id: string; is_void: boolean; is_latest: boolean }) => [t.id, t.is_void, t.is_latest]),
    ).toEqual([
      [failed.id, true, false],
      [earlier.id, false, true],
    ])
    expect((await env.ok('aud', 'control.tests', { control_id: c.id })).items).toHaveLength(1)
    // No second notice for the same test.
    expect(await controlNotices(env, c.id, 'CONTROL_TEST_FAILED')).toHaveLength(2)
  })

  it('test recording rules: gate, inactive control, tester and evidence of the same control', async () => {
    const c = await aControl(env)
    const other = await aControl(env)
    const foreign = await anEvidence(env, other.id)
    const own = await anEvidence(env, c.id)
    await refuse(env, 'mgr', 'control.recordTest', testInput(c.id), {
      code: 'FORBIDDEN',
      message: 'Only Risk Officers can record control tests.',
    })
    await env.db.updateTable('users').set({ is_active: 0 }).where('id', '=', env.users['gorm2']!).execute()
    await refuse(env, 'ro', 'control.recordTest', testInput(c.id, { tester_id: env.users['gorm2'] }), {
      code: 'VALIDATION',
      message: 'Tester not found or inactive.',
    })
    await refuse(env, 'ro', 'control.recordTest', testInput(c.id, { evidence_revision_id: foreign.revision_id }), {
      code: 'VALIDATION',
      message: 'Evidence must belong to this control.',
    })
    const ok = await env.ok(
      'ro',
      'control.recordTest',
      testInput(c.id, {
        result: 'PARTIALLY_EFFECTIVE',
        notes: 'One sample lacked a signature.',
        evidence_revision_id: own.revision_id,
      }),
    )
    expect(ok.is_latest).toBe(true)
    // Same date, recorded later, wins the tie.
    env.clock.set('2026-11-23T16:00:00.000Z')
    const later = await env.ok('ro', 'control.recordTest', testInput(c.id))
    expect(later.is_latest).toBe(true)
    expect(await controlRow(env, c.id)).toMatchObject({ last_test_result: 'EFFECTIVE' })
    await env.ok('ro', 'control.deactivate', {
      id: c.id,
      expected_version: await controlVersion(env, c.id),
      reason: 'Replaced by an automated check.',
    })
    await refuse(env, 'ro', 'control.recordTest', testInput(c.id), {
      code: 'WORKFLOW',
      message: 'Cannot test an inactive control.',
    })
  })
})

describe.each(ENGINES)('coverage and the risk–control matrix on %s', (engine) => {
  let env: TestEnv
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
    // The demo's shape (controls.md §13) built through the real commands, as rog (group scope).
    const make = (title: string, extra: Record<string, unknown>) =>
      aControl(env, { creator: 'rog', title, ...extra }).then((c) => (ids[title] = c.id))
    await make('Daily Reconciliation', {
      control_type: 'DETECTIVE',
      control_frequency: 'DAILY',
      effectiveness: 4,
      bu: 'OPERATIONS',
      owner: 'rol',
    })
    await make('Firewall Monitoring', {
      control_type: 'DETECTIVE',
      control_nature: 'AUTOMATED',
      control_frequency: 'CONTINUOUS',
      effectiveness: 3,
      bu: 'RISK_MGMT',
      owner: 'rog',
    })
    for (const code of ['A.9.2.1', 'A.12.3.1', 'A.12.4.1']) {
      const c = await env.ok('rog', 'control.createFromTemplate', {
        template_code: code,
        business_unit_id: await bu(env, 'RISK_MGMT'),
        owner_id: env.users['rog'],
      })
      ids[code] = c.id
    }
    const outage = await activeRisk(env, {
      title: 'Core banking disruption',
      control: ids['Firewall Monitoring']!,
      approver: 'rog',
    })
    await link(env, 'rog', outage.id, ids['A.12.4.1']!, 'Logs feed the outage post-mortem.')
    const fraud = await activeRisk(env, {
      title: 'Retail card fraud spike',
      control: ids['Daily Reconciliation']!,
      approver: 'rog',
    })
    ids.outage = outage.id
    ids.fraud = fraud.id
    for (const [title, control] of [
      ['Phishing Attacks', 'A.9.2.1'],
      ['Weak Passwords', 'A.12.3.1'],
      ['Backup Failure', 'A.12.4.1'],
    ] as const) {
      const r = await aRisk(env, { title })
      await link(env, 'rog', r.id, ids[control]!)
      ids[title] = r.id
    }
    ids.bare = (await aRisk(env, { title: 'New risk without controls' })).id
  })
  afterAll(async () => env?.close())

  it('coverage counts active controls, design effectiveness, thinly controlled risks and the most used controls', async () => {
    const cov = await env.ok('rog', 'control.coverage', {})
    expect(cov).toMatchObject({
      total_controls: 5,
      active_controls: 5,
      avg_design_effectiveness: '3.50',
      by_type: { PREVENTIVE: 2, DETECTIVE: 3, CORRECTIVE: 0 },
      by_nature: { MANUAL: 1, AUTOMATED: 4, HYBRID: 0 },
    })
    expect(cov.risks_without_controls.items.map((r: { title: string }) => r.title)).toEqual([
      'New risk without controls',
    ])
    expect(cov.risks_with_fewer_than_3_controls.count).toBe(6)
    expect(cov.most_used_controls[0]).toMatchObject({ title: 'Centralized Logging', code: 'A.12.4.1', risk_count: 2 })
  })

  it('risk–control matrix of ACTIVE risks: rows, columns by code then title, ticks, totals and CSV', async () => {
    const m = await env.ok('rog', 'control.riskControlMatrix', { risk_statuses: ['ACTIVE'] })
    expect(m.rows.map((r: { title: string }) => r.title).sort()).toEqual([
      'Core banking disruption',
      'Retail card fraud spike',
    ])
    expect(m.columns.map((c: { title: string }) => c.title)).toEqual([
      'Centralized Logging',
      'Daily Reconciliation',
      'Firewall Monitoring',
    ])
    const ticks = m.rows.flatMap((r: { cells: { linked: boolean }[] }) => r.cells.filter((c) => c.linked))
    expect(ticks).toHaveLength(3)
    const byTitle = Object.fromEntries(m.rows.map((r: { title: string; total: number }) => [r.title, r.total]))
    expect(byTitle).toEqual({ 'Core banking disruption': 2, 'Retail card fraud spike': 1 })
    expect(m.columns.map((c: { total: number }) => c.total)).toEqual([1, 1, 1])
    const outageRow = m.rows.find((r: { title: string }) => r.title === 'Core banking disruption')
    expect(outageRow.cells[0]).toMatchObject({ linked: true, notes: 'Logs feed the outage post-mortem.' })
    // The export's column headings ("code title"); the downloaded CSV with these cells is checked by the control
    // walk (e2e, CTL-22) and renderer/features/controls/exports.test.ts.
    expect(m.columns.map((c: { header: string }) => c.header)).toEqual([
      'A.12.4.1 Centralized Logging',
      'Daily Reconciliation',
      'Firewall Monitoring',
    ])
    // mgr sees the Retail risks only.
    const mgr = await env.ok('mgr', 'control.riskControlMatrix', {})
    expect(mgr.rows).toHaveLength(2)
  })

  it('CTL-21 deactivating Firewall Monitoring after retiring its risk leaves 4 active controls and drops it from most used', async () => {
    await move(env, 'rog', 'risk.retire', ids.outage!, { reason: 'Core banking replaced by the new platform.' })
    await env.ok('rog', 'control.deactivate', {
      id: ids['Firewall Monitoring'],
      expected_version: await controlVersion(env, ids['Firewall Monitoring']!),
      reason: 'Firewall replaced by the managed service.',
    })
    const cov = await env.ok('rog', 'control.coverage', {})
    expect(cov).toMatchObject({ total_controls: 5, active_controls: 4, avg_design_effectiveness: '4.00' })
    expect(cov.most_used_controls.map((c: { title: string }) => c.title)).not.toContain('Firewall Monitoring')
    const withRetired = await env.ok('rog', 'control.coverage', { risk_statuses: ['RETIRED'] })
    // The retired risk keeps its Logging link; the inactive Firewall link does not count.
    expect(withRetired.risks_with_fewer_than_3_controls.items).toMatchObject([
      { title: 'Core banking disruption', control_count: 1 },
    ])
    const m = await env.ok('rog', 'control.riskControlMatrix', {
      risk_statuses: ['RETIRED'],
      include_inactive_controls: true,
    })
    expect(m.columns.map((c: { title: string; is_active: boolean }) => [c.title, c.is_active])).toEqual([
      ['Centralized Logging', true],
      ['Firewall Monitoring', false],
    ])
    expect(m.rows[0].total).toBe(1)
  })
})
