import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { activeRisk, aControl, aRisk, edit, link, move, refuse, snapshotsOf, T0 } from './risks-support'

// The RSK-38 scenario: first approval on day 1 (residual 3×3), reassessment, residual 2×3, second approval on day 10.
const DAY1 = '2026-12-01'
const DAY10 = '2026-12-10'
const at = (date: string) => `${date}T10:00:00.000Z`

type Cell = { likelihood: number; impact: number; count: number }
type HeatMap = { cells: Cell[]; total: number; earlier_matrix_count: number }

describe.each(ENGINES)('risk snapshots, trends and as-of heat maps on %s', (engine) => {
  let env: TestEnv
  let riskId = ''
  let controlId = ''
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const nonZero = (m: HeatMap) =>
    m.cells.filter((c) => c.count > 0).map((c) => `${c.likelihood}×${c.impact}=${c.count}`)
  const asOf = (user: string, date: string, basis = 'RESIDUAL') =>
    env.ok<HeatMap>(user, 'risk.heatMap', { basis, as_of: date })

  it('RSK-38 two approvals give two snapshots; the trend shows residual 9 then 6; later edits change neither', async () => {
    const risk = await aRisk(env, { inherent: [3, 5] })
    riskId = risk.id
    controlId = (await aControl(env)).id
    await link(env, 'ro', risk.id, controlId)
    await move(env, 'mgr', 'risk.submitForReview', risk.id)
    await edit(env, 'ro', risk.id, { residual_likelihood: 3, residual_impact: 3 })
    env.clock.set(at(DAY1))
    await move(env, 'ro', 'risk.approve', risk.id)

    env.clock.set(at('2026-12-05'))
    await move(env, 'ro', 'risk.requestReassessment', risk.id)
    await edit(env, 'ro', risk.id, { residual_likelihood: 2, residual_impact: 3 })
    env.clock.set(at(DAY10))
    await move(env, 'ro', 'risk.approve', risk.id)

    const trend = await env.ok('mgr', 'risk.trend', { risk_id: risk.id })
    expect(trend.points).toHaveLength(2)
    expect(trend.points).toMatchObject([
      {
        taken_at: at(DAY1),
        trigger: 'APPROVAL',
        inherent_score: 15,
        inherent_band: 'CRITICAL',
        residual_score: 9,
        residual_band: 'MEDIUM',
        residual_band_label: 'Medium',
        residual_colour: '#F9A825',
        control_count: 1,
        worst_kri_status: null,
        actor: { id: env.users['ro'] },
      },
      { taken_at: at(DAY10), trigger: 'APPROVAL', inherent_score: 15, residual_score: 6, residual_band: 'MEDIUM' },
    ])

    // Editing later (a new reassessment, title and residual changed) leaves both snapshots as they were.
    const before = await snapshotsOf(env, risk.id)
    env.clock.set(at('2026-12-15'))
    await move(env, 'ro', 'risk.requestReassessment', risk.id)
    await edit(env, 'ro', risk.id, { title: 'Core banking outage in all branches', residual_likelihood: 1 })
    expect(await snapshotsOf(env, risk.id)).toEqual(before)
    expect(
      (await env.ok('mgr', 'risk.trend', { risk_id: risk.id })).points.map(
        (p: { residual_score: number }) => p.residual_score,
      ),
    ).toEqual([9, 6])

    // The snapshot list of the risk, newest first, keyset paged.
    const first = await env.ok('ro', 'risk.snapshots', { risk_id: risk.id, limit: 1 })
    expect(first).toMatchObject({ total: 2, items: [{ taken_at: at(DAY10), residual_score: 6, risk_ref: risk.ref }] })
    const second = await env.ok('ro', 'risk.snapshots', { risk_id: risk.id, limit: 1, cursor: first.next_cursor })
    expect(second).toMatchObject({ items: [{ taken_at: at(DAY1), residual_score: 9 }], next_cursor: null })
    await refuse(env, 'ro2', 'risk.trend', { risk_id: risk.id }, { code: 'NOT_FOUND', message: 'Risk not found.' })
    await refuse(env, 'ro2', 'risk.snapshots', { risk_id: risk.id }, { code: 'NOT_FOUND', message: 'Risk not found.' })
  })

  it('RSK-39 the as-of heat map places the risk as it stood on the date', async () => {
    // The day before the second approval: the first approval's cell.
    const before = await asOf('ro', '2026-12-09')
    expect(nonZero(before)).toEqual(['3×3=1'])
    expect(before.total).toBe(1)
    // The day after (and the day itself): the second approval's cell.
    expect(nonZero(await asOf('ro', '2026-12-11'))).toEqual(['2×3=1'])
    expect(nonZero(await asOf('ro', DAY10))).toEqual(['2×3=1'])
    // The day before the first approval: not counted.
    expect((await asOf('ro', '2026-11-30')).total).toBe(0)
    // The reassessment now in progress does not remove it; the inherent basis counts it too.
    expect(nonZero(await asOf('ro', '2026-12-16', 'INHERENT'))).toEqual(['3×5=1'])
    // Visibility applies as of the date: the Wholesale officer sees nothing.
    expect((await asOf('ro2', '2026-12-11')).total).toBe(0)

    // An as-of cell click lists the snapshots counted in the cell.
    const snaps = await snapshotsOf(env, riskId)
    const cell = await env.ok('ro', 'risk.snapshots', {
      as_of: '2026-12-09',
      basis: 'RESIDUAL',
      likelihood: 3,
      impact: 3,
    })
    expect(cell).toMatchObject({ total: 1, items: [{ id: snaps[0]!.id, risk_id: riskId, residual_score: 9 }] })
    expect(
      (await env.ok('ro', 'risk.snapshots', { as_of: '2026-12-09', basis: 'RESIDUAL', likelihood: 2, impact: 3 }))
        .total,
    ).toBe(0)
    expect((await env.ok('ro2', 'risk.snapshots', { as_of: '2026-12-09' })).total).toBe(0)
    await refuse(env, 'ro', 'risk.snapshots', { as_of: '2026-12-09', risk_id: riskId }, { code: 'VALIDATION' })
    await refuse(env, 'ro', 'risk.snapshots', { as_of: '2026-12-09', likelihood: 3 }, { code: 'VALIDATION' })
  })

  it('the portfolio trend counts active risks per band at each month or quarter end', async () => {
    const monthly = await env.ok('ro', 'risk.portfolioTrend', {
      from: '2026-11-01',
      to: '2027-01-31',
      interval: 'MONTH',
      basis: 'RESIDUAL',
    })
    expect(monthly.points).toEqual([
      { date: '2026-11-30', counts: { LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 }, total: 0 },
      { date: '2026-12-31', counts: { LOW: 0, MEDIUM: 1, HIGH: 0, CRITICAL: 0 }, total: 1 },
      { date: '2027-01-31', counts: { LOW: 0, MEDIUM: 1, HIGH: 0, CRITICAL: 0 }, total: 1 },
    ])
    expect(monthly.bands.map((b: { code: string; label: string }) => `${b.code}:${b.label}`)).toEqual([
      'LOW:Low',
      'MEDIUM:Medium',
      'HIGH:High',
      'CRITICAL:Critical',
    ])
    const quarterly = await env.ok('ro', 'risk.portfolioTrend', {
      from: '2026-10-15',
      to: '2027-03-31',
      interval: 'QUARTER',
      basis: 'INHERENT',
    })
    expect(
      quarterly.points.map((p: { date: string; counts: Record<string, number> }) => [p.date, p.counts.CRITICAL]),
    ).toEqual([
      ['2026-12-31', 1],
      ['2027-03-31', 1],
    ])
    expect(
      (
        await env.ok('ro2', 'risk.portfolioTrend', {
          from: '2026-12-01',
          to: '2026-12-31',
          interval: 'MONTH',
          basis: 'RESIDUAL',
        })
      ).points[0].total,
    ).toBe(0)

    // At most 60 points: 60 month ends are fine, 61 are not.
    const sixty = await env.ok('ro', 'risk.portfolioTrend', {
      from: '2020-01-01',
      to: '2024-12-31',
      interval: 'MONTH',
      basis: 'RESIDUAL',
    })
    expect(sixty.points).toHaveLength(60)
    await refuse(
      env,
      'ro',
      'risk.portfolioTrend',
      { from: '2020-01-01', to: '2025-01-31', interval: 'MONTH', basis: 'RESIDUAL' },
      {
        code: 'VALIDATION',
        message: 'At most 60 points.',
      },
    )
    await refuse(
      env,
      'ro',
      'risk.portfolioTrend',
      { from: '2027-01-01', to: '2026-01-31', interval: 'MONTH', basis: 'RESIDUAL' },
      { code: 'VALIDATION' },
    )
  })

  it('a retirement ends the risk in the register state from that date, with or without a snapshot', async () => {
    env.clock.set(at('2027-02-01'))
    await move(env, 'ro', 'risk.approve', riskId) // residual 1×3 from the reassessment
    env.clock.set(at('2027-02-10'))
    await move(env, 'ro', 'risk.retire', riskId, { reason: 'Core system replaced by the new platform.' })
    const trend = await env.ok('ro', 'risk.trend', { risk_id: riskId })
    expect(
      trend.points.map(
        (p: { trigger: string; status: string; residual_score: number }) =>
          `${p.trigger}:${p.status}:${p.residual_score}`,
      ),
    ).toEqual(['APPROVAL:ACTIVE:9', 'APPROVAL:ACTIVE:6', 'APPROVAL:ACTIVE:3', 'RETIREMENT:RETIRED:3'])
    expect(nonZero(await asOf('ro', '2027-02-09'))).toEqual(['1×3=1'])
    expect((await asOf('ro', '2027-02-10')).total).toBe(0)
    const trendPoints = await env.ok('ro', 'risk.portfolioTrend', {
      from: '2027-01-01',
      to: '2027-02-28',
      interval: 'MONTH',
      basis: 'RESIDUAL',
    })
    expect(trendPoints.points.map((p: { total: number }) => p.total)).toEqual([1, 0])

    // Retired while reassessed (no retirement snapshot): counted until the retirement, not after.
    const other = await activeRisk(env, { inherent: [4, 4], residual: [4, 4] })
    env.clock.set(at('2027-02-11'))
    await move(env, 'ro', 'risk.requestReassessment', other.id)
    env.clock.set(at('2027-02-12'))
    await move(env, 'ro', 'risk.retire', other.id, { reason: 'Merged into the core banking outage risk.' })
    expect((await snapshotsOf(env, other.id)).map((s) => s.trigger)).toEqual(['APPROVAL'])
    expect(nonZero(await asOf('ro', '2027-02-11'))).toEqual(['4×4=1'])
    expect((await asOf('ro', '2027-02-12')).total).toBe(0)
  })
})
