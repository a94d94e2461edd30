import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '#main/ids'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { activeRisk, aControl, aRisk, assessedRisk, buId, move, T0 } from './risks-support'

type Cell = {
  likelihood: number
  impact: number
  score: number
  band: string
  band_label: string
  colour: string
  text_colour: string
  count: number
}
type HeatMap = { matrix_version_id: string; cells: Cell[]; total: number; earlier_matrix_count: number }

const RETIRE_REASON = 'Branch network closed at year end.'

describe.each(ENGINES)('risk heat map on %s', (engine) => {
  let env: TestEnv
  // Retail: A inherent 3×5 → residual 3×3, B inherent 4×5 → residual 3×3, C inherent 4×4 → residual 2×3;
  // Wholesale: W inherent 3×5 → residual 2×2; drafts and an ASSESSED risk that never count.
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
    ids.A = (await activeRisk(env, { inherent: [3, 5], residual: [3, 3] })).id
    ids.B = (await activeRisk(env, { inherent: [4, 5], residual: [3, 3], category: 'FRAUD_RISK', basel: 'EL2' })).id
    ids.C = (await activeRisk(env, { inherent: [4, 4], residual: [2, 3] })).id
    ids.W = (
      await activeRisk(env, {
        bu: 'WHOLESALE',
        creator: 'mgr2',
        owner: 'mgr2',
        approver: 'ro2',
        control: (await aControl(env, { creator: 'ro2', owner: 'ro2', bu: 'WHOLESALE' })).id,
        inherent: [3, 5],
        residual: [2, 2],
      })
    ).id
    ids.draft = (await aRisk(env, { inherent: [5, 5] })).id
    ids.assessed = (await assessedRisk(env, { inherent: [5, 5] })).id
  })
  afterAll(async () => env?.close())

  const map = (user: string, input: Record<string, unknown>) => env.ok<HeatMap>(user, 'risk.heatMap', input)
  const count = (m: HeatMap, l: number, i: number) => m.cells.find((c) => c.likelihood === l && c.impact === i)!.count
  const nonZero = (m: HeatMap) =>
    m.cells.filter((c) => c.count > 0).map((c) => `${c.likelihood}×${c.impact}=${c.count}`)

  it('always answers 25 cells, likelihood 5 → 1 and impact 1 → 5, with the published matrix colours', async () => {
    const m = await map('adm', { basis: 'INHERENT' })
    expect(m.cells).toHaveLength(25)
    expect(m.cells.slice(0, 5).map((c) => [c.likelihood, c.impact])).toEqual([
      [5, 1],
      [5, 2],
      [5, 3],
      [5, 4],
      [5, 5],
    ])
    expect(m.cells.at(-1)).toMatchObject({ likelihood: 1, impact: 5, score: 5, band: 'MEDIUM', colour: '#F9A825' })
    expect(m.cells.find((c) => c.score === 20)).toMatchObject({
      band: 'CRITICAL',
      band_label: 'Critical',
      colour: '#C62828',
      text_colour: '#FFFFFF',
    })
    // adm sees no risk records: every count is 0.
    expect(m.total).toBe(0)
    expect(m.cells.every((c) => c.count === 0)).toBe(true)
  })

  it('counts only the visible ACTIVE risks per cell; both bases give the same total', async () => {
    const inherent = await map('ro', { basis: 'INHERENT' })
    const residual = await map('ro', { basis: 'RESIDUAL' })
    expect(nonZero(inherent)).toEqual(['4×4=1', '4×5=1', '3×5=1'])
    expect(nonZero(residual)).toEqual(['3×3=2', '2×3=1'])
    expect(inherent.total).toBe(3)
    expect(residual.total).toBe(3)
    expect(inherent.earlier_matrix_count).toBe(0)

    // The group-scope officer sees every BU; the Wholesale officer and the Retail employee only their own.
    expect((await map('rog', { basis: 'RESIDUAL' })).total).toBe(4)
    expect(nonZero(await map('ro2', { basis: 'RESIDUAL' }))).toEqual(['2×2=1'])
    expect((await map('emp', { basis: 'RESIDUAL' })).total).toBe(3)
    expect((await map('aud', { basis: 'INHERENT' })).total).toBe(4)
  })

  it('applies the BU and category filters', async () => {
    const wholesale = await buId(env, 'WHOLESALE')
    const retail = await buId(env, 'RETAIL')
    expect(nonZero(await map('rog', { basis: 'RESIDUAL', business_unit_ids: [wholesale] }))).toEqual(['2×2=1'])
    expect((await map('rog', { basis: 'RESIDUAL', business_unit_ids: [wholesale, retail] })).total).toBe(4)
    expect(nonZero(await map('rog', { basis: 'INHERENT', risk_category_ids: ['FRAUD_RISK'] }))).toEqual(['4×5=1'])
    expect(
      (await map('rog', { basis: 'INHERENT', risk_category_ids: ['FRAUD_RISK'], business_unit_ids: [wholesale] }))
        .total,
    ).toBe(0)
    // ro does not see Wholesale, filter or not.
    expect((await map('ro', { basis: 'RESIDUAL', business_unit_ids: [wholesale] })).total).toBe(0)
  })

  it('a cell click lists exactly the risks the cell counts', async () => {
    const residual = await map('ro', { basis: 'RESIDUAL' })
    const page = await env.ok('ro', 'risk.list', { status: ['ACTIVE'], residual_likelihood: 3, residual_impact: 3 })
    expect(page.total).toBe(count(residual, 3, 3))
    expect(page.items.map((i: { id: string }) => i.id).sort()).toEqual([ids.A, ids.B].sort())
  })

  it('refuses an unknown basis and a bad as-of date', async () => {
    expect(await env.call('ro', 'risk.heatMap', { basis: 'NET' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(await env.call('ro', 'risk.heatMap', { basis: 'RESIDUAL', as_of: '2026-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: ['as_of'] },
    })
  })

  it('a retired risk leaves the map; a reassessment in progress leaves it out of the live map', async () => {
    await move(env, 'ro', 'risk.retire', ids.C!, { reason: RETIRE_REASON })
    expect(nonZero(await map('ro', { basis: 'RESIDUAL' }))).toEqual(['3×3=2'])
    await move(env, 'ro', 'risk.requestReassessment', ids.B!)
    expect(nonZero(await map('ro', { basis: 'RESIDUAL' }))).toEqual(['3×3=1'])
    // … while the as-of map of today still counts its last approval (§10).
    expect(nonZero(await map('ro', { basis: 'RESIDUAL', as_of: T0.slice(0, 10) }))).toEqual(['3×3=2'])
    await move(env, 'ro', 'risk.approve', ids.B!)
  })

  it('counts risks pinned to an earlier matrix version and colours cells from the published one', async () => {
    const draft = await env.ok('adm', 'riskMatrix.createDraft', { id: newId() })
    const bands = draft.bands.map((b: { code: string; colour: string }) =>
      b.code === 'MEDIUM' ? { ...b, colour: '#FFD54F' } : b,
    )
    await env.ok('adm', 'riskMatrix.updateDraft', {
      id: draft.id,
      changes: { bands: { before: draft.bands, after: bands } },
    })
    await env.ok('adm', 'riskMatrix.publish', { id: draft.id, expected_version: 2 })
    const m = await map('rog', { basis: 'RESIDUAL' })
    expect(m.matrix_version_id).toBe(draft.id)
    expect(m.total).toBe(3)
    expect(m.earlier_matrix_count).toBe(3)
    expect(m.cells.find((c) => c.likelihood === 3 && c.impact === 3)).toMatchObject({ colour: '#FFD54F', count: 2 })

    // A risk approved under the new version is not "earlier".
    await activeRisk(env, { inherent: [2, 5], residual: [1, 5] })
    const after = await map('rog', { basis: 'RESIDUAL' })
    expect(after.total).toBe(4)
    expect(after.earlier_matrix_count).toBe(3)
    expect(count(after, 1, 5)).toBe(1)
  })
})
