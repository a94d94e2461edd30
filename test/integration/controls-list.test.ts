import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aControl, controlVersion, T0 } from './controls-support'

type Item = { id: string; title: string; code: string | null; effectiveness: number | null; updated_at: string }
type Page = { items: Item[]; next_cursor: string | null; total: number }

describe.each(ENGINES)('control.list on %s', (engine) => {
  let env: TestEnv
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
    const make = async (key: string, opts: Parameters<typeof aControl>[1]) =>
      (ids[key] = (await aControl(env, opts)).id)
    await make('logReview', { title: 'Log review', control_type: 'DETECTIVE', owner: 'mgr' })
    await make('approvals', { title: 'Access approvals', owner: 'ro' })
    await make('catalog', { title: 'Old catalog check', control_type: 'DETECTIVE', owner: 'rog' })
    await make('wholesale', {
      title: 'Wholesale LOG monitor',
      control_type: 'DETECTIVE',
      creator: 'ro2',
      bu: 'WHOLESALE',
      owner: 'mgr2',
    })
    await make('blog', { title: 'Blog moderation', creator: 'ro2', bu: 'WHOLESALE', owner: 'mgr2', group_wide: true })
    await make('mine', {
      title: 'Teller limits',
      description: 'Daily teller limits are checked in the system log.',
      owner: 'ro',
    })
    await env.ok('ro', 'control.deactivate', {
      id: ids.catalog,
      expected_version: await controlVersion(env, ids.catalog!),
      reason: 'Catalogue retired last year.',
    })
  })
  afterAll(async () => env?.close())

  const list = async (user: string, filters: Record<string, unknown> = {}) =>
    (await env.ok<Page>(user, 'control.list', filters)).items.map((i) => i.title).sort()

  it('CTL-23 type, active, owner=me and search filters return exactly the matching visible controls', async () => {
    expect(await list('ro', { control_type: ['DETECTIVE'] })).toEqual(['Log review', 'Old catalog check'])
    expect(await list('ro', { is_active: false })).toEqual(['Old catalog check'])
    expect(await list('ro', { owner_id: 'me' })).toEqual(['Access approvals', 'Teller limits'])
    // Case-insensitive substring of ref, code, title and description; Wholesale's private control is not visible.
    expect(await list('ro', { search: 'log' })).toEqual([
      'Blog moderation',
      'Log review',
      'Old catalog check',
      'Teller limits',
    ])
    expect(await list('ro2', { search: 'LOG' })).toEqual(['Blog moderation', 'Wholesale LOG monitor'])
    expect(await list('mgr', { search: 'log' })).toEqual(['Blog moderation', 'Log review', 'Teller limits'])
    const ref = (
      await env.db.selectFrom('control').select('ref').where('id', '=', ids.approvals!).executeTakeFirstOrThrow()
    ).ref
    expect(await list('ro', { search: ref.toLowerCase() })).toEqual(['Access approvals'])
    expect(await list('ro', { search: 'lo' })).toEqual([
      'Blog moderation',
      'Log review',
      'Old catalog check',
      'Teller limits',
    ])
    expect(await list('ro', { last_test_result: ['NONE'], is_active: true, group_wide: false })).toEqual([
      'Access approvals',
      'Log review',
      'Teller limits',
    ])
  })

  it('CTL-23 120 controls page as 50/50/20 with the same total and no repeats, in every sort', async () => {
    for (let i = 1; i <= 120; i++) {
      env.clock.set(new Date(Date.parse(T0) + i * 1000).toISOString())
      await aControl(env, {
        title: `Pgx sample ${String((i * 37) % 120).padStart(3, '0')}`,
        ...(i % 3 === 0 ? { code: `PGX-${String(i).padStart(3, '0')}` } : {}),
        effectiveness: i % 4 === 0 ? null : (i % 5) + 1,
      })
    }
    for (const sort of ['title', 'code', '-updated_at', 'effectiveness', '-effectiveness']) {
      const pages: Page[] = []
      let cursor: string | null = null
      do {
        const page: Page = await env.ok('ro', 'control.list', { search: 'pgx', sort, ...(cursor ? { cursor } : {}) })
        pages.push(page)
        cursor = page.next_cursor
      } while (cursor)
      expect(pages.map((p) => p.items.length)).toEqual([50, 50, 20])
      expect(pages.map((p) => p.total)).toEqual([120, 120, 120])
      const all = pages.flatMap((p) => p.items)
      expect(new Set(all.map((i) => i.id)).size).toBe(120)
      if (sort === 'title') expect(all.map((i) => i.title)).toEqual(all.map((i) => i.title).sort())
      if (sort === 'code') {
        const codes = all.map((i) => i.code)
        expect(codes.slice(0, 40).every((c) => c !== null)).toBe(true)
        expect(codes.slice(40).every((c) => c === null)).toBe(true)
      }
      if (sort === '-updated_at')
        expect(all.map((i) => i.updated_at)).toEqual(
          all
            .map((i) => i.updated_at)
            .sort()
            .reverse(),
        )
      if (sort === '-effectiveness') {
        const e = all.map((i) => i.effectiveness)
        expect(e.slice(0, 90).every((x, k) => x !== null && (k === 0 || x <= e[k - 1]!))).toBe(true)
        expect(e.slice(90).every((x) => x === null)).toBe(true)
      }
    }
    expect((await env.ok<Page>('ro', 'control.list', { search: 'pgx', limit: 100 })).items).toHaveLength(100)
    expect(await env.call('ro', 'control.list', { limit: 101 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })
})
