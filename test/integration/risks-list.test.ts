import { CompiledQuery, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QueryCtx } from '#shared/catalogue/context'
import { filterRisks } from '#shared/risks/risk.list'
import { RiskListInput } from '#shared/risks/risk.read-schema'
import { loadActor } from '#shared/users/actor'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import {
  activeRisk,
  aControl,
  aRisk,
  assessedRisk,
  buId,
  day,
  edit,
  link,
  move,
  T0,
  TODAY,
  type Created,
} from './risks-support'

// risks.md §7 queues, §15 register rows and §16 filters, sorts and keyset paging (RSK-30, RSK-31, RSK-33).

type Row = {
  id: string
  ref: string
  title: string
  status: string
  inherent_score: number | null
  [k: string]: unknown
}
type Page = { items: Row[]; next_cursor: string | null; total: number }

const RETIRE = { reason: 'The branch network was sold to another bank.' }

async function list(env: TestEnv, user: string, filters: Record<string, unknown> = {}): Promise<Page> {
  return env.ok(user, 'risk.list', filters)
}

/** Every page of risk.list for the user, in order. */
async function listAll(env: TestEnv, user: string, filters: Record<string, unknown> = {}): Promise<Row[]> {
  const rows: Row[] = []
  let cursor: string | null = null
  do {
    const page: Page = await list(env, user, { ...filters, limit: 100, ...(cursor ? { cursor } : {}) })
    rows.push(...page.items)
    cursor = page.next_cursor
  } while (cursor)
  return rows
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort()
const sorted = (...xs: Created[]) => xs.map((x) => x.id).sort()

describe.each(ENGINES)('risk register filters on %s', (engine) => {
  let env: TestEnv
  let atm: Created, teller: Created, outage: Created, legacy: Created, pending: Created, wholesale: Created
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
    atm = await aRisk(env, { title: 'Card fraud at ATMs', inherent: [4, 4] })
    teller = await aRisk(env, {
      creator: 'mgr3',
      owner: 'mgr3',
      title: 'Branch cash shortfall',
      description: 'Internal FRAUD by tellers covering shortfalls.',
      inherent: [2, 3],
    })
    outage = await activeRisk(env, { title: 'Core banking outage', inherent: [3, 5] })
    legacy = await activeRisk(env, {
      creator: 'mgr3',
      owner: 'mgr3',
      title: 'Legacy fraud scoring',
      inherent: [5, 5],
      residual: [4, 4],
    })
    await move(env, 'ro', 'risk.retire', legacy.id, RETIRE)
    pending = await assessedRisk(env, {
      title: 'Mis-sold savings plans',
      category: 'COMPLIANCE_RISK',
      basel: 'EL4.1',
      inherent: [1, 2],
    })
    wholesale = await aRisk(env, { creator: 'mgr2', owner: 'mgr2', bu: 'WHOLESALE', title: 'Wholesale fraud ring' })
  })
  afterAll(async () => env?.close())

  it('RSK-30 status, owner_id=me, inherent_score_gte and search each return exactly the matching visible risks', async () => {
    expect(ids(await listAll(env, 'mgr'))).toEqual(sorted(atm, teller, outage, legacy, pending))
    expect(ids(await listAll(env, 'mgr', { status: ['ACTIVE', 'RETIRED'] }))).toEqual(sorted(outage, legacy))
    expect(ids(await listAll(env, 'mgr', { owner_id: 'me' }))).toEqual(sorted(atm, outage, pending))
    expect(ids(await listAll(env, 'mgr3', { owner_id: 'me' }))).toEqual(sorted(teller, legacy))
    expect(ids(await listAll(env, 'mgr', { inherent_score_gte: 15 }))).toEqual(sorted(atm, outage, legacy))
    // Case-insensitive over ref, title and description; the Wholesale risk is not visible to mgr.
    expect(ids(await listAll(env, 'mgr', { search: 'fraud' }))).toEqual(sorted(atm, teller, legacy))
    expect(ids(await listAll(env, 'rog', { search: 'FRAUD' }))).toEqual(sorted(atm, teller, legacy, wholesale))
    expect(ids(await listAll(env, 'mgr', { search: atm.ref }))).toEqual(sorted(atm))
  })

  it('RSK-30 combining two filters returns their intersection', async () => {
    expect(ids(await listAll(env, 'mgr', { status: ['ACTIVE', 'RETIRED'], search: 'fraud' }))).toEqual(sorted(legacy))
    expect(ids(await listAll(env, 'mgr', { owner_id: 'me', inherent_score_gte: 15 }))).toEqual(sorted(atm, outage))
    expect(ids(await listAll(env, 'mgr', { search: 'fraud', inherent_score_gte: 16 }))).toEqual(sorted(atm, legacy))
    expect((await list(env, 'mgr', { search: 'fraud', owner_id: 'me' })).total).toBe(1)
  })

  it('the other §16 filters: category, Basel level 1, BU, creator, bands, residual, cells, review date, controls', async () => {
    const retail = await buId(env, 'RETAIL')
    expect(ids(await listAll(env, 'mgr', { risk_category_id: ['COMPLIANCE_RISK'] }))).toEqual(sorted(pending))
    // A level-1 type matches its level-2 children (the IT risks carry EL6.1).
    expect(ids(await listAll(env, 'mgr', { basel_event_type_id: 'EL6' }))).toEqual(sorted(atm, teller, outage, legacy))
    expect(ids(await listAll(env, 'mgr', { basel_event_type_id: 'EL4.1' }))).toEqual(sorted(pending))
    expect(ids(await listAll(env, 'rog', { business_unit_id: [retail] }))).toEqual(
      sorted(atm, teller, outage, legacy, pending),
    )
    expect(ids(await listAll(env, 'mgr3', { created_by: 'me' }))).toEqual(sorted(teller, legacy))
    expect(ids(await listAll(env, 'mgr', { inherent_band: ['CRITICAL'] }))).toEqual(sorted(atm, outage, legacy))
    expect(ids(await listAll(env, 'mgr', { inherent_band: ['LOW', 'MEDIUM'] }))).toEqual(sorted(teller, pending))
    expect(ids(await listAll(env, 'mgr', { residual_score_gte: 10 }))).toEqual(sorted(legacy))
    expect(ids(await listAll(env, 'mgr', { residual_band: ['MEDIUM'] }))).toEqual(sorted(outage))
    expect(ids(await listAll(env, 'mgr', { inherent_likelihood: 3, inherent_impact: 5 }))).toEqual(sorted(outage))
    expect(ids(await listAll(env, 'mgr', { status: ['ACTIVE'], residual_likelihood: 3, residual_impact: 3 }))).toEqual(
      sorted(outage),
    )
    expect(ids(await listAll(env, 'mgr', { next_review_date_lte: day(365) }))).toEqual(sorted(outage, legacy))
    expect(ids(await listAll(env, 'mgr', { next_review_date_lte: day(364) }))).toEqual([])
    // Controls: the draft risks have none, the approved ones one each.
    expect(ids(await listAll(env, 'mgr', { active_control_count: '0' }))).toEqual(sorted(atm, teller, pending))
    expect(ids(await listAll(env, 'mgr', { active_control_count: 'LT3' }))).toHaveLength(5)
    const two = await aControl(env, { title: 'Second reconciliation' })
    const three = await aControl(env, { title: 'Third reconciliation' })
    await env.ok('ro', 'risk.requestReassessment', { id: outage.id, expected_version: await rowVersion(outage.id) })
    await link(env, 'ro', outage.id, two.id)
    await link(env, 'ro', outage.id, three.id)
    expect(ids(await listAll(env, 'mgr', { active_control_count: 'LT3' }))).toEqual(
      sorted(atm, teller, legacy, pending),
    )
  })

  const rowVersion = async (id: string) =>
    Number((await env.db.selectFrom('risk').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version)

  it('register rows carry what the register shows: names, bands with colours, control counts, review date', async () => {
    const rows = await listAll(env, 'mgr', { sort: 'ref' })
    expect(rows.map((r) => r.ref)).toEqual([...rows.map((r) => r.ref)].sort())
    const legacyRow = rows.find((r) => r.id === legacy.id)!
    expect(legacyRow).toMatchObject({
      ref: legacy.ref,
      title: 'Legacy fraud scoring',
      status: 'RETIRED',
      status_label: 'Retired',
      risk_category_id: 'IT_RISK',
      risk_category_name: 'IT Risk',
      business_unit_name: 'Retail',
      owner_id: env.users.mgr3,
      inherent_score: 25,
      residual_score: 16,
      bands: {
        inherent: { code: 'CRITICAL', label: 'Critical', colour: '#C62828', text_colour: '#FFFFFF' },
        residual: { code: 'CRITICAL', label: 'Critical', colour: '#C62828', text_colour: '#FFFFFF' },
      },
      control_count: 1,
      active_control_count: 1,
      next_review_date: day(365),
      acceptance: null,
    })
    const draft = rows.find((r) => r.id === teller.id)!
    expect(draft).toMatchObject({ residual_score: null, bands: { residual: null }, active_control_count: 0 })
  })
})

describe.each(ENGINES)('risk register acceptance badge and filter on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const request = async (risk: Created) =>
    env.ok<{ id: string }>('mgr', 'riskAcceptance.request', {
      risk_id: risk.id,
      expected_risk_version: Number(
        (await env.db.selectFrom('risk').select('version').where('id', '=', risk.id).executeTakeFirstOrThrow()).version,
      ),
      approver_id: env.users.ro,
      justification: 'Compensating controls keep the loss small.',
      expires_on: day(30),
    })

  it('acceptance=ACCEPTED | PENDING | NEEDS_RENEWAL | NONE follows the latest acceptance of each risk', async () => {
    const none = await activeRisk(env, { title: 'No acceptance asked' })
    const asked = await activeRisk(env, { title: 'Acceptance asked' })
    const accepted = await activeRisk(env, { title: 'Acceptance given' })
    const draft = await aRisk(env, { title: 'Still a draft' })
    await request(asked)
    const a = await request(accepted)
    await env.ok('ro', 'riskAcceptance.accept', { id: a.id, expected_version: 1 })

    const acc = (value: string) => listAll(env, 'mgr', { acceptance: value })
    expect(ids(await acc('PENDING'))).toEqual(sorted(asked))
    expect(ids(await acc('ACCEPTED'))).toEqual(sorted(accepted))
    expect(ids(await acc('NEEDS_RENEWAL'))).toEqual([])
    expect(ids(await acc('NONE'))).toEqual(sorted(none, draft))
    const rows = await listAll(env, 'mgr')
    expect(rows.find((r) => r.id === accepted.id)!.acceptance).toMatchObject({
      code: 'ACCEPTED',
      label: `Accepted until ${day(30)}`,
    })
    expect(rows.find((r) => r.id === asked.id)!.acceptance).toMatchObject({ label: 'Acceptance pending' })
    expect((await env.ok('mgr', 'risk.get', { id: accepted.id })).acceptance_badge).toMatchObject({
      label: `Accepted until ${day(30)}`,
    })

    // Past the expiry the job ends both; the register then asks for renewal.
    env.clock.set(`${day(31)}T08:00:00.000Z`)
    const job = await env.dispatcher.runJob('riskAcceptance.sweepExpiry')
    expect(job.ok).toBe(true)
    expect(ids(await acc('NEEDS_RENEWAL'))).toEqual(sorted(asked, accepted))
    expect((await listAll(env, 'mgr')).find((r) => r.id === accepted.id)!.acceptance).toMatchObject({
      code: 'NEEDS_RENEWAL',
      label: 'Acceptance needs renewal',
    })
    expect(ids(await acc('ACCEPTED'))).toEqual([])
    env.clock.set(T0)
  })
})

describe.each(ENGINES)('risk register queues and paging on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  it('RSK-31 "Pending my validation" lists ASSESSED Retail risks oldest-submitted first for ro and nothing for ro2', async () => {
    const [a, b, c] = [
      await aRisk(env, { title: 'A' }),
      await aRisk(env, { title: 'B' }),
      await aRisk(env, { title: 'C' }),
    ]
    const draft = await aRisk(env, { title: 'Draft only' })
    for (const [risk, at] of [
      [c, '2026-11-23T10:00:00.000Z'],
      [a, '2026-11-23T11:00:00.000Z'],
      [b, '2026-11-23T12:00:00.000Z'],
    ] as const) {
      env.clock.set(at)
      await move(env, 'mgr', 'risk.submitForReview', risk.id)
    }
    env.clock.set(T0)
    const queue = { queue: 'PENDING_MY_VALIDATION' }
    const ro = await list(env, 'ro', queue)
    expect(ro.items.map((r) => r.id)).toEqual([c.id, a.id, b.id])
    expect(ro.total).toBe(3)
    expect(ro.items.map((r) => r.id)).not.toContain(draft.id)
    expect(await list(env, 'ro2', queue)).toEqual({ items: [], next_cursor: null, total: 0 })
    expect((await list(env, 'rog', queue)).items.map((r) => r.id)).toEqual([c.id, a.id, b.id])
    // Not a manager's queue.
    expect((await list(env, 'mgr', queue)).total).toBe(0)
  })

  it('RSK-31 "My drafts" lists the DRAFT risks the user owns or created, last updated first', async () => {
    const mine = await aRisk(env, { creator: 'mgr3', owner: 'mgr3', title: 'Mine' })
    env.clock.set('2026-11-23T15:00:00.000Z')
    const forMgr3 = await aRisk(env, { creator: 'ro', owner: 'mgr3', title: 'Owned by mgr3' })
    env.clock.set('2026-11-23T16:00:00.000Z')
    const createdForOther = await aRisk(env, { creator: 'mgr3', owner: 'mgr', title: 'Created by mgr3' })
    const notMine = await aRisk(env, { creator: 'mgr', owner: 'mgr', title: 'Not mgr3’s' })
    const submitted = await assessedRisk(env, { creator: 'mgr3', owner: 'mgr3', title: 'Submitted' })
    env.clock.set(T0)
    const drafts = await list(env, 'mgr3', { queue: 'MY_DRAFTS' })
    expect(drafts.items.map((r) => r.id)).toEqual([createdForOther.id, forMgr3.id, mine.id])
    expect(drafts.items.map((r) => r.id)).not.toContain(notMine.id)
    expect(drafts.items.map((r) => r.id)).not.toContain(submitted.id)
    // Editing a draft moves it to the top.
    env.clock.set('2026-11-23T17:00:00.000Z')
    await edit(env, 'mgr3', mine.id, { title: 'Mine, renamed' })
    env.clock.set(T0)
    expect((await list(env, 'mgr3', { queue: 'MY_DRAFTS' })).items[0]!.id).toBe(mine.id)
    expect((await list(env, 'emp', { queue: 'MY_DRAFTS' })).total).toBe(0)
  })

  it('"Due for reassessment" lists ACTIVE risks whose next review date has come, soonest first', async () => {
    const risk = await activeRisk(env, { title: 'Due soon' })
    const review = day(365)
    expect((await list(env, 'ro', { queue: 'DUE_FOR_REASSESSMENT' })).total).toBe(0)
    env.clock.set(`${review}T09:00:00.000Z`)
    expect((await list(env, 'ro', { queue: 'DUE_FOR_REASSESSMENT' })).items.map((r) => r.id)).toEqual([risk.id])
    expect((await list(env, 'mgr', { queue: 'DUE_FOR_REASSESSMENT' })).items.map((r) => r.id)).toEqual([risk.id])
    expect((await list(env, 'mgr3', { queue: 'DUE_FOR_REASSESSMENT' })).total).toBe(0)
    expect((await list(env, 'ro2', { queue: 'DUE_FOR_REASSESSMENT' })).total).toBe(0)
    expect((await list(env, 'emp', { queue: 'DUE_FOR_REASSESSMENT' })).total).toBe(0)
    env.clock.set(T0)
  })

  it('RSK-33 120 visible risks sorted by inherent_score page as 50, 50 and 20 with total 120 and no repeats', async () => {
    const fresh = await testEnv(engine)
    try {
      fresh.clock.set(T0)
      for (let i = 0; i < 120; i++) {
        // Scores repeat (ties broken by id) and some are empty (nulls last).
        const inherent: [number, number] | null = i % 10 === 9 ? null : [(i % 5) + 1, ((i >> 1) % 5) + 1]
        await aRisk(fresh, { title: `Paged risk ${i}`, inherent })
      }
      const seen: Row[] = []
      const sizes: number[] = []
      let cursor: string | null = null
      do {
        const page: Page = await list(fresh, 'mgr', {
          sort: 'inherent_score',
          limit: 50,
          ...(cursor ? { cursor } : {}),
        })
        sizes.push(page.items.length)
        expect(page.total).toBe(120)
        seen.push(...page.items)
        cursor = page.next_cursor
      } while (cursor)
      expect(sizes).toEqual([50, 50, 20])
      expect(new Set(seen.map((r) => r.id)).size).toBe(120)
      // Highest first, the risks without a score last.
      const scores = seen.map((r) => r.inherent_score)
      const known = scores.filter((s): s is number => s !== null)
      expect(known).toEqual([...known].sort((x, y) => y - x))
      expect(scores.slice(known.length).every((s) => s === null)).toBe(true)
      expect(known).toHaveLength(108)
      // The same in ascending order, and with a page boundary inside the nulls.
      const asc: string[] = []
      cursor = null
      do {
        const page: Page = await list(fresh, 'mgr', {
          sort: 'inherent_score',
          direction: 'asc',
          limit: 7,
          ...(cursor ? { cursor } : {}),
        })
        asc.push(...page.items.map((r) => r.id))
        cursor = page.next_cursor
      } while (cursor)
      expect(new Set(asc).size).toBe(120)
      // Every sort pages without repeats.
      for (const sort of ['created_at', 'updated_at', 'ref', 'title', 'residual_score', 'next_review_date']) {
        const got: string[] = []
        cursor = null
        do {
          const page: Page = await list(fresh, 'mgr', { sort, limit: 45, ...(cursor ? { cursor } : {}) })
          got.push(...page.items.map((r) => r.id))
          cursor = page.next_cursor
        } while (cursor)
        expect(new Set(got).size, sort).toBe(120)
      }
    } finally {
      await fresh.close()
    }
  })

  it('search is served by the text index (FTS5 trigram on SQLite, pg_trgm GIN on PostgreSQL)', async () => {
    const actor = (await loadActor(env.db, env.users.rog!))!
    const tenant = await env.db.selectFrom('db_meta').select('tenant_id').executeTakeFirstOrThrow()
    const plan = await env.db.transaction().execute(async (trx) => {
      const ctx = { db: trx, actor, now: T0, meta: { tenantId: tenant.tenant_id } } as unknown as QueryCtx
      const q = await filterRisks(ctx, trx.selectFrom('risk'), RiskListInput.parse({ search: 'fraud' }))
      const c = q.select('risk.id').compile()
      if (engine === 'postgres') {
        // On a near-empty table the planner prefers other indexes; what matters is that the filter is the
        // index's own expression, which the planner can then match.
        const def = await sql<{ d: string }>`select pg_get_indexdef('risk_search'::regclass) as d`.execute(trx)
        const indexExpr = /gin \((.*) gin_trgm_ops\)/.exec(def.rows[0]!.d)![1]!.slice(1, -1)
        const r = await trx.executeQuery(CompiledQuery.raw(`explain ${c.sql}`, [...c.parameters]))
        const text = r.rows.map((x) => Object.values(x as object).join(' ')).join('\n')
        return text.includes(`${indexExpr} ~~*`) ? 'risk_search' : `${indexExpr}\n${text}`
      }
      const r = await trx.executeQuery(CompiledQuery.raw(`explain query plan ${c.sql}`, [...c.parameters]))
      return r.rows.map((x) => (x as { detail: string }).detail).join('\n')
    })
    expect(plan).toContain('risk_search')
  })

  it('short searches work too, and a bad cursor is a VALIDATION error', async () => {
    const r = await aRisk(env, { title: 'Qx unusual title' })
    expect((await listAll(env, 'mgr', { search: 'qX' })).map((x) => x.id)).toEqual([r.id])
    expect(await env.call('mgr', 'risk.list', { cursor: 'not-a-cursor' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(await env.call('mgr', 'risk.list', { inherent_score_gte: 26 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(TODAY).toBe('2026-11-23')
  })
})
