import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEnv } from '../support/demo-env'
import { ENGINES, type TestEnv } from '../support/engines'
import org from '../../data/demo-org.json' with { type: 'json' }

// The checks of risks.md §18, controls.md §14 and kris.md §15 that run on the demo dataset (§17, §13, §14),
// acting as the demo users.

type Cell = { likelihood: number; impact: number; count: number }
const counted = (cells: Cell[]) =>
  cells.filter((c) => c.count > 0).map((c) => ({ likelihood: c.likelihood, impact: c.impact, count: c.count }))

describe.each(ENGINES)('RCSA demo dataset on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await demoEnv(engine)
  })
  afterAll(async () => env?.close())

  const heat = (user: string, basis: 'INHERENT' | 'RESIDUAL') => env.ok(user, 'risk.heatMap', { basis })

  it('RSK-34 heat maps as carol_orm: inherent (L4, I5) and (L5, I4), residual 2 in (L3, I3), totals 2, drafts not counted', async () => {
    const inherent = await heat('carol_orm', 'INHERENT')
    const residual = await heat('carol_orm', 'RESIDUAL')
    expect(inherent.cells).toHaveLength(25)
    expect(counted(inherent.cells)).toEqual(
      expect.arrayContaining([
        { likelihood: 4, impact: 5, count: 1 },
        { likelihood: 5, impact: 4, count: 1 },
      ]),
    )
    expect(counted(inherent.cells)).toHaveLength(2)
    expect(counted(residual.cells)).toEqual([{ likelihood: 3, impact: 3, count: 2 }])
    const active = await env.ok('carol_orm', 'risk.list', { status: ['ACTIVE'] })
    expect([inherent.total, residual.total]).toEqual([2, 2])
    expect(active.total).toBe(2)
    const drafts = await env.ok('carol_orm', 'risk.list', { status: ['DRAFT'] })
    expect(drafts.total).toBe(3)
  })

  it('RSK-35 the residual (L3, I3) cell opens the register with exactly those 2 risks; rita_ro counts only the Retail risk', async () => {
    const cell = await env.ok('carol_orm', 'risk.list', {
      status: ['ACTIVE'],
      residual_likelihood: 3,
      residual_impact: 3,
    })
    expect(cell.total).toBe(2)
    expect(cell.items.map((r: { title: string }) => r.title).sort()).toEqual([
      'Core banking disruption from major outage',
      'Retail card fraud spike',
    ])
    const rita = await heat('rita_ro', 'RESIDUAL')
    expect(rita.total).toBe(1)
    expect(counted(rita.cells)).toEqual([{ likelihood: 3, impact: 3, count: 1 }])
    const ritaInherent = await heat('rita_ro', 'INHERENT')
    expect(counted(ritaInherent.cells)).toEqual([{ likelihood: 5, impact: 4, count: 1 }])
    const ritaCell = await env.ok('rita_ro', 'risk.list', {
      status: ['ACTIVE'],
      residual_likelihood: 3,
      residual_impact: 3,
    })
    expect(ritaCell.items.map((r: { title: string }) => r.title)).toEqual(['Retail card fraud spike'])
  })

  it('CTL-22 risk–control matrix with status ACTIVE as carol_orm: 2 rows, 3 columns, 3 ticks, row totals 2 and 1', async () => {
    const m = await env.ok('carol_orm', 'control.riskControlMatrix', { risk_statuses: ['ACTIVE'] })
    expect(m.rows).toHaveLength(2)
    expect(m.columns.map((c: { title: string }) => c.title)).toEqual([
      'Centralized Logging',
      'Daily Reconciliation',
      'Firewall Monitoring',
    ])
    const byTitle = Object.fromEntries(
      m.rows.map((r: { title: string; total: number; cells: { linked: boolean }[] }) => [
        r.title,
        { total: r.total, ticks: r.cells.map((c) => c.linked) },
      ]),
    )
    expect(byTitle['Core banking disruption from major outage']).toEqual({ total: 2, ticks: [true, false, true] })
    expect(byTitle['Retail card fraud spike']).toEqual({ total: 1, ticks: [false, true, false] })
    const ticks = m.rows.flatMap((r: { cells: { linked: boolean }[] }) => r.cells.filter((c) => c.linked))
    expect(ticks).toHaveLength(3)
    expect(m.columns.map((c: { total: number }) => c.total)).toEqual([1, 1, 1])
  })

  it('CTL-20 coverage as carol_orm with a new DRAFT risk without controls: 5 active, 3.50, the new risk alone without controls, all 6 under 3, Centralized Logging most used with 2', async () => {
    const draft = await env.ok('carol_orm', 'risk.create', {
      title: 'Unmonitored vendor access',
      description: 'A vendor keeps standing access to production systems.',
      risk_category_id: 'IT_RISK',
      business_unit_id: (
        await env.db.selectFrom('business_unit').select('id').where('code', '=', 'IT').executeTakeFirstOrThrow()
      ).id,
      owner_id: env.users['dave_it'],
    })
    const c = await env.ok('carol_orm', 'control.coverage', {})
    expect(c.active_controls).toBe(5)
    expect(c.avg_design_effectiveness).toBe('3.50')
    expect(c.risks_without_controls.items.map((r: { id: string }) => r.id)).toEqual([draft.id])
    expect(c.risks_with_fewer_than_3_controls.count).toBe(6)
    expect(c.most_used_controls[0]).toMatchObject({ title: 'Centralized Logging', risk_count: 2 })
    await env.ok('carol_orm', 'risk.delete', { id: draft.id, expected_version: 1 })
  })

  it('KRI-27 the three demo KRIs carry the thresholds, units, frequencies, directions and value statuses of §14', async () => {
    const list = await env.ok('carol_orm', 'kri.list', {})
    expect(list.total).toBe(3)
    for (const k of org.kris) {
      const item = list.items.find((i: { name: string }) => i.name === k.name)
      expect(item, k.name).toBeDefined()
      const kri = await env.ok('carol_orm', 'kri.get', { id: item.id })
      expect(kri).toMatchObject({ unit: k.unit, frequency: k.frequency })
      expect(kri.thresholds).toMatchObject(k.thresholds)
      const values = await env.ok('carol_orm', 'kri.values', { kri_id: item.id })
      const rows = (values.items ?? values) as { value: string; status: string; period_start: string }[]
      const oldestFirst = [...rows].sort((a, b) => a.period_start.localeCompare(b.period_start))
      expect(oldestFirst.map((v) => [v.value, v.status])).toEqual(k.values.map((v) => [v.value, v.expectedStatus]))
    }
  })

  it('KRI-20 dashboard as carol_orm: AMBER 2, GREEN 1, worst first; a Red value today puts Unreconciled Accounts % on top', async () => {
    const d = await env.ok('carol_orm', 'kri.dashboard', {})
    expect(d.counts).toEqual({ RED: 0, AMBER: 2, GREEN: 1, NO_DATA: 0 })
    expect(d.worst.map((k: { name: string }) => k.name)).toEqual([
      'Ops Staff Turnover %',
      'System Downtime Hours',
      'Unreconciled Accounts %',
    ])
    const unreconciled = d.worst.find((k: { name: string }) => k.name === 'Unreconciled Accounts %')
    // The demo clock's day may be a weekend; the latest weekday on or before it is the period of "today".
    let day = env.clock.now().slice(0, 10)
    while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()))
      day = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
    await env.ok('carol_orm', 'kri.recordValue', { kri_id: unreconciled.id, period_start: day, value: '7' })
    const after = await env.ok('carol_orm', 'kri.dashboard', {})
    expect(after.counts.RED).toBe(1)
    expect(after.worst[0].name).toBe('Unreconciled Accounts %')
  })
})
