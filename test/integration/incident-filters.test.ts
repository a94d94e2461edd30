import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { classify, draft, EUR, pendingValidation, submit, validate } from '../support/incident-flow'

const T = '2026-11-23T14:05:09.123Z'
type Row = Awaited<ReturnType<typeof allRows>>[number]

async function allRows(env: TestEnv) {
  return env.db.selectFrom('incident').selectAll().where('deleted_at', 'is', null).execute()
}

describe.each(ENGINES)('incident.list filters on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T)
    // A spread of states, types, amounts and dates for ro (Retail risk officer) to filter.
    await draft(env, 'emp', {
      title: 'Teller drawer short',
      gross_loss_amount: EUR(50),
      discovered_at: '2026-11-01T08:00:00.000Z',
    })
    await draft(env, 'emp', { simplified_event_type_id: 'IT_DATA_CYBER', near_miss: true, gross_loss_amount: 0 })
    const a = await draft(env, 'emp', { gross_loss_amount: EUR(20_000), discovered_at: '2026-11-10T08:00:00.000Z' })
    await submit(env, a)
    const b = await pendingValidation(env, { gross_loss_amount: EUR(200_000), occurred_at: '2026-10-01T08:00:00.000Z' })
    await env.ok('ro', 'incident.update', {
      id: b.id,
      changes: { first_accounting_date: { before: null, after: '2026-10-05' } },
    })
    const c = await pendingValidation(env, {
      gross_loss_amount: EUR(2_000_000),
      discovered_at: '2026-11-20T08:00:00.000Z',
    })
    await classify(env, c, 'ro', 'EL2.1')
    await validate(env, c)
    await draft(env, 'emp2', { title: 'Wholesale only' })
    env.clock.set('2026-12-05T00:00:00.000Z')
  })
  afterAll(async () => env?.close())

  const ids = (items: { id: string }[]) => items.map((i) => i.id).sort()
  async function expectFilter(input: Record<string, unknown>, hand: (r: Row) => boolean) {
    const visible = (await allRows(env)).filter((r) => r.business_unit_id === retail)
    const got = await env.ok('ro', 'incident.list', { ...input, limit: 100 })
    expect(ids(got.items)).toEqual(
      visible
        .filter(hand)
        .map((r) => r.id)
        .sort(),
    )
    expect(got.items.length).toBeGreaterThan(0)
  }
  let retail = ''

  it('INC-52 each §14.1 filter returns exactly the rows a hand query returns', async () => {
    retail = (
      await env.db.selectFrom('business_unit').select('id').where('name', '=', 'Retail').executeTakeFirstOrThrow()
    ).id
    const now = env.clock.now()
    await expectFilter({ status: ['DRAFT'] }, (r) => r.status === 'DRAFT')
    await expectFilter({ overdue: true }, (r) => r.current_due_at !== null && r.current_due_at < now)
    await expectFilter({ overdue_stage: 'DRAFT' }, (r) => r.status === 'DRAFT' && r.current_due_at! < now)
    await expectFilter({ assigned_to: env.users['mgr'] }, (r) => r.assigned_to_user_id === env.users['mgr'])
    await expectFilter({ created_by: env.users['emp'] }, (r) => r.created_by_user_id === env.users['emp'])
    await expectFilter({ business_unit_id: retail }, () => true)
    await expectFilter(
      { simplified_event_type_id: 'IT_DATA_CYBER' },
      (r) => r.simplified_event_type_id === 'IT_DATA_CYBER',
    )
    await expectFilter({ basel_event_type_id: 'EL2' }, (r) => r.basel_event_type_id?.startsWith('EL2') ?? false)
    await expectFilter({ severity: ['high', 'critical'] }, (r) => r.severity === 'high' || r.severity === 'critical')
    await expectFilter({ near_miss: true }, (r) => r.near_miss === 1)
    await expectFilter(
      { discovered_from: '2026-11-10', discovered_to: '2026-11-20' },
      (r) => r.discovered_at !== null && r.discovered_at >= '2026-11-10' && r.discovered_at < '2026-11-21',
    )
    await expectFilter(
      { first_accounting_from: '2026-10-01', first_accounting_to: '2026-10-05' },
      (r) => r.first_accounting_date !== null && r.first_accounting_date <= '2026-10-05',
    )
    await expectFilter({ q: 'TELLER' }, (r) => r.title.toLowerCase().includes('teller'))
    const ref = (await allRows(env)).find((r) => r.business_unit_id === retail)!.ref
    await expectFilter({ q: ref.slice(-7) }, (r) => r.ref.includes(ref.slice(-7)))
  })

  it('INC-52 every sort pages without duplicates or gaps, nulls last', async () => {
    for (const sort of ['created_at', 'current_due_at', 'discovered_at', 'gross_loss_reporting', 'ref'])
      for (const direction of ['asc', 'desc']) {
        const seen: string[] = []
        let cursor: string | undefined
        do {
          const page = await env.ok('ro', 'incident.list', { sort, direction, limit: 2, ...(cursor ? { cursor } : {}) })
          seen.push(...page.items.map((i: { id: string }) => i.id))
          cursor = page.next_cursor ?? undefined
        } while (cursor)
        const visible = (await allRows(env)).filter((r) => r.business_unit_id === retail)
        expect(new Set(seen).size, `${sort} ${direction}`).toBe(seen.length)
        expect([...seen].sort()).toEqual(visible.map((r) => r.id).sort())
        const values = await Promise.all(seen.map(async (id) => visible.find((r) => r.id === id)![sort as keyof Row]))
        const firstNull = values.findIndex((v) => v === null)
        if (firstNull >= 0)
          expect(
            values.slice(firstNull).every((v) => v === null),
            `${sort} nulls last`,
          ).toBe(true)
      }
  })
})
