import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Kysely, SqliteDialect, sql, type CompiledQuery } from 'kysely'
import { seedOrganisation } from '#main/demo/seed'
import { newId, sha256Hex } from '#main/ids'
import { argon2Passwords } from '#main/passwords'
import { openStore, type OpenedStore } from '#main/store/open'
import { catalogue } from '#shared/catalogue/index'
import { createDispatcher, type Dispatcher } from '#shared/catalogue/dispatcher'
import type { DB } from '#shared/db/schema'
import { loadDemoFacts } from '#shared/demo/demo.facts'
import { buildDemoIncident } from '#shared/demo/demo.rows'
import { mulberry32 } from '#shared/demo/mulberry32'
import { testEnv, type TestEnv } from '../support/engines'

const NOW = '2026-11-23T14:05:09.123Z'

/** The partial list indexes of incidents §14.1 (all `WHERE deleted_at IS NULL`), by the names migration 0003 gives. */
const LIST_INDEXES: Record<string, string[]> = {
  incident_created: ['created_at', 'id'],
  incident_status_due: ['status', 'current_due_at', 'id'],
  incident_due: ['current_due_at', 'id'],
  incident_bu_status: ['business_unit_id', 'status', 'created_at'],
  incident_creator: ['created_by_user_id', 'created_at'],
  incident_assignee: ['assigned_to_user_id', 'status', 'current_due_at'],
  incident_simplified: ['simplified_event_type_id', 'created_at'],
  incident_basel: ['basel_event_type_id', 'created_at'],
  incident_severity: ['severity', 'created_at'],
  incident_near_miss: ['near_miss', 'created_at'],
  incident_discovered: ['discovered_at', 'id'],
  incident_first_accounting: ['first_accounting_date', 'id'],
  incident_gross_reporting: ['gross_loss_reporting', 'id'],
}

describe('incident.list query plans on sqlite', () => {
  let dir: string
  let store: OpenedStore
  let dispatcher: Dispatcher
  let users: Record<string, string>
  const captured: CompiledQuery[] = []
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'riskdesk-plans-'))
    store = await openStore(join(dir, 'plans.sqlite'), { now: () => NOW })
    await seedOrganisation(store.db, { mode: 'test', now: NOW, passwordHash: 'not-used' })
    const rows = await store.db.selectFrom('users').select(['id', 'username']).execute()
    users = Object.fromEntries(rows.map((u) => [u.username, u.id]))
    // 5,000 generator-shaped incidents, then the planner statistics a used database has (`ANALYZE`, which
    // `PRAGMA optimize` keeps current): plans are judged on realistic selectivity, not on an empty table.
    const facts = (await loadDemoFacts(store.db, 'EUR'))!
    const meta = await store.db.selectFrom('db_meta').selectAll().executeTakeFirstOrThrow()
    const rng = mulberry32(14)
    for (let batch = 0; batch < 20; batch++) {
      const values = Array.from({ length: 250 }, (_, k) => ({
        ...buildDemoIncident(rng, facts, NOW).incident,
        id: newId(),
        ref: `INC-2026-${meta.device_code}-${String(batch * 250 + k + 1).padStart(5, '0')}`,
        tenant_id: meta.tenant_id,
      }))
      await store.db.insertInto('incident').values(values).execute()
    }
    store.raw.exec('ANALYZE')
    const logged = new Kysely<DB>({
      dialect: new SqliteDialect({ database: store.raw }),
      log: (e) => void (e.level === 'query' && captured.push(e.query)),
    })
    dispatcher = createDispatcher({
      db: logged,
      catalogue,
      clock: () => NOW,
      newId,
      services: { passwords: argon2Passwords, sha256Hex },
      log: { error: () => {} },
      rulesVersion: 1,
    })
  })
  afterAll(async () => {
    await store?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** The plan of the page query incident.list sent for `input`, run by rog (group scope: every incident). */
  async function listPlan(input: Record<string, unknown>): Promise<string[]> {
    captured.length = 0
    const r = await dispatcher.call({ name: 'incident.list', input, session: { userId: users['rog']!, locked: false } })
    expect(r.ok, JSON.stringify(r)).toBe(true)
    const page = captured.filter((c) => /^select .* from "incident"/s.test(c.sql) && / limit \?$/.test(c.sql)).at(-1)
    expect(page, 'the page query').toBeDefined()
    const rows = store.raw.prepare(`EXPLAIN QUERY PLAN ${page!.sql}`).all(...(page!.parameters as unknown[]))
    return (rows as { detail: string }[]).map((r) => r.detail)
  }

  const served = (plan: string[], indexes: string[]) => {
    expect(
      plan.filter((d) => /^SCAN incident( |$)/.test(d) && !/USING/.test(d)),
      plan.join(' | '),
    ).toEqual([])
    const search = plan.find((d) => d.startsWith('SEARCH incident USING '))
    expect(search, plan.join(' | ')).toBeDefined()
    expect(
      indexes.some((i) => search!.includes(`INDEX ${i} (`)),
      `${search} uses one of ${indexes.join(', ')}`,
    ).toBe(true)
  }

  const FILTERS: [string, Record<string, unknown>, string[]][] = [
    ['status', { status: ['PENDING_VALIDATION'] }, ['incident_status_due']],
    [
      'status with the due-date sort',
      { status: ['PENDING_VALIDATION'], sort: 'current_due_at' },
      ['incident_status_due'],
    ],
    [
      'overdue (the overdue screens sort by due date)',
      { overdue: true, sort: 'current_due_at' },
      ['incident_due', 'incident_status_due'],
    ],
    ['overdue_stage', { overdue_stage: 'DRAFT' }, ['incident_status_due']],
    ['assigned_to', { assigned_to: 'me' }, ['incident_assignee']],
    ['created_by', { created_by: 'me' }, ['incident_creator', 'incident_creator_status']],
    ['business_unit_id', { business_unit_id: '' }, ['incident_bu_status']],
    ['simplified_event_type_id', { simplified_event_type_id: 'FRAUD' }, ['incident_simplified']],
    ['severity', { severity: ['critical'] }, ['incident_severity']],
    ['near_miss', { near_miss: true }, ['incident_near_miss']],
    ['discovered_from/to', { discovered_from: '2026-10-01', discovered_to: '2026-10-03' }, ['incident_discovered']],
    [
      'first_accounting_from/to',
      { first_accounting_from: '2026-10-01', first_accounting_to: '2026-10-03' },
      ['incident_first_accounting'],
    ],
  ]
  for (const [name, input, indexes] of FILTERS)
    it(`INC-52 filter ${name} is served by ${indexes.join(' or ')}, not a scan of incident`, async () => {
      const resolved = name === 'business_unit_id' ? { business_unit_id: await unitId('RETAIL') } : input
      served(await listPlan(resolved), indexes)
    })

  it('INC-52 filter q is served by the FTS5 trigram index, then a rowid lookup', async () => {
    const plan = await listPlan({ q: 'Fraud' })
    expect(
      plan.some((d) => /^SCAN incident_search VIRTUAL TABLE/.test(d)),
      plan.join(' | '),
    ).toBe(true)
    expect(
      plan.some((d) => /^SEARCH incident USING INTEGER PRIMARY KEY \(rowid=\?\)/.test(d)),
      plan.join(' | '),
    ).toBe(true)
  })

  it('INC-52 filter basel_event_type_id (a level 1 with its children) is served by incident_basel', async () => {
    served(await listPlan({ basel_event_type_id: 'EL2' }), ['incident_basel'])
  })

  it('every §14.1 list index exists, partial on live rows', () => {
    const rows = store.raw
      .prepare("select name, sql from sqlite_master where type = 'index' and tbl_name = 'incident'")
      .all() as { name: string; sql: string | null }[]
    for (const [name, cols] of Object.entries(LIST_INDEXES)) {
      const def = rows.find((r) => r.name === name)?.sql ?? ''
      expect(def.replace(/["`]/g, ''), name).toContain(`(${cols.join(', ')})`)
      expect(def.replace(/["`]/g, '').toLowerCase(), name).toContain('where deleted_at is null')
    }
    expect(rows.find((r) => r.name === 'incident_ref')?.sql?.toLowerCase()).toContain('unique')
  })

  async function unitId(code: string) {
    return (await store.db.selectFrom('business_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow())
      .id
  }
})

describe('incident list indexes on postgres', () => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv('postgres')
  })
  afterAll(async () => env?.close())

  it('every §14.1 list index exists, partial on live rows, plus unique ref, pg_trgm search and users(manager_id)', async () => {
    const { rows } = await sql<{ indexname: string; indexdef: string }>`
      select indexname, indexdef from pg_indexes where tablename in ('incident', 'users')`.execute(env.db)
    const def = (name: string) => rows.find((r) => r.indexname === name)?.indexdef ?? ''
    for (const [name, cols] of Object.entries(LIST_INDEXES)) {
      expect(def(name), name).toContain(`(${cols.join(', ')})`)
      expect(def(name), name).toContain('WHERE (deleted_at IS NULL)')
    }
    expect(def('incident_ref')).toMatch(/^CREATE UNIQUE INDEX .*\(tenant_id, ref\)/)
    expect(def('incident_search')).toMatch(/USING gin .*gin_trgm_ops/)
    expect(def('users_manager')).toContain('(manager_id)')
  })
})
