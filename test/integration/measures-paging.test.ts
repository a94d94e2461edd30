import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aMeasure, day, T0 } from './measures-support'

type Page = { items: { id: string }[]; next_cursor: string | null; total?: number }

describe.each(ENGINES)('measure.list paging on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const list = (input: Record<string, unknown>): Promise<Page> => env.ok('mgr3', 'measure.list', input)

  it('MEA-25 120 visible measures page as 50, 50 and 20 without duplicates or gaps, also across a create', async () => {
    const created: string[] = []
    for (let i = 0; i < 120; i++) {
      // Pairs share created_at so the id breaks ties; a third have no deadline and several share one.
      if (i % 2 === 0) env.clock.advance(60_000)
      const deadline = i % 3 === 0 ? null : day(i % 7)
      created.push((await aMeasure(env, { creator: 'mgr', responsible: 'mgr3', deadline })).id)
    }
    const first = await list({ limit: 50, with_total: true })
    expect(first.total).toBe(120)
    env.clock.advance(60_000)
    await aMeasure(env, { creator: 'mgr', responsible: 'mgr3', deadline: day(3) })
    const second = await list({ limit: 50, cursor: first.next_cursor })
    const third = await list({ limit: 50, cursor: second.next_cursor })
    expect([first.items.length, second.items.length, third.items.length]).toEqual([50, 50, 20])
    expect(third.next_cursor).toBeNull()
    const seen = [...first.items, ...second.items, ...third.items].map((i) => i.id)
    expect(new Set(seen).size).toBe(120)
    expect([...seen].sort()).toEqual([...created].sort())

    for (const ordering of ['deadline', '-deadline', 'submitted_at']) {
      const ids: string[] = []
      let cursor: string | null = null
      let pages = 0
      do {
        const page: Page = await list({ ordering, limit: 50, ...(cursor ? { cursor } : {}) })
        ids.push(...page.items.map((i) => i.id))
        cursor = page.next_cursor
        if (pages++ === 0) await aMeasure(env, { creator: 'mgr', responsible: 'mgr3', deadline: day(2) })
      } while (cursor)
      expect(new Set(ids).size).toBe(ids.length)
      for (const id of created) expect(ids).toContain(id)
    }
  })

  it('MEA-25 small pages walk across ties and the null boundary in exactly the hand-sorted order', async () => {
    const rows = await env.db.selectFrom('measure').select(['id', 'deadline']).execute()
    for (const desc of [false, true]) {
      const expected = [...rows]
        .sort((a, b) => {
          if (a.deadline !== b.deadline) {
            if (a.deadline === null) return 1
            if (b.deadline === null) return -1
            return (a.deadline < b.deadline ? -1 : 1) * (desc ? -1 : 1)
          }
          return (a.id < b.id ? -1 : 1) * (desc ? -1 : 1)
        })
        .map((r) => r.id)
      const ids: string[] = []
      let cursor: string | null = null
      do {
        const page: Page = await list({
          ordering: desc ? '-deadline' : 'deadline',
          limit: 7,
          ...(cursor ? { cursor } : {}),
        })
        ids.push(...page.items.map((i) => i.id))
        cursor = page.next_cursor
      } while (cursor)
      expect(ids).toEqual(expected)
    }
  })
})
