import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql, type Kysely } from 'kysely'
import { newId } from '#main/ids'
import type { DB } from '#shared/db/schema'
import { mulberry32, pick } from '#shared/demo/mulberry32'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'

const NOW = '2026-11-23T14:05:09.123Z'
const H = 3_600_000
const MIN = 60_000
const DAY = 24 * H

type Fixture = {
  id: string
  status: string
  severity: string
  business_unit_id: string
  created_by_user_id: string
  simplified_event_type_id: string | null
  basel_event_type_id: string | null
  near_miss: boolean
  occurred_at: string | null
  discovered_at: string | null
  resolved_at: string | null
  deleted: boolean
}

let refSeq = 0
/** Inserts an incident row directly, with the columns incident.create always fills. */
async function insertIncident(db: Kysely<DB>, f: Omit<Fixture, 'id'>): Promise<Fixture> {
  const meta = await db.selectFrom('db_meta').select(['tenant_id', 'device_code']).executeTakeFirstOrThrow()
  const id = newId()
  const created = f.discovered_at ?? NOW
  await db
    .insertInto('incident')
    .values({
      id,
      tenant_id: meta.tenant_id,
      version: 1,
      created_at: created,
      updated_at: created,
      scope_keys: JSON.stringify([`bu:${f.business_unit_id}`, `user:${f.created_by_user_id}`]),
      ref: `INC-2026-${meta.device_code}-${String(90000 + ++refSeq).padStart(5, '0')}`,
      title: 'Metrics fixture',
      description: 'Inserted by the metrics test',
      status: f.status,
      business_unit_id: f.business_unit_id,
      simplified_event_type_id: f.simplified_event_type_id,
      basel_event_type_id: f.basel_event_type_id,
      near_miss: f.near_miss ? 1 : 0,
      severity: f.severity,
      occurred_at: f.occurred_at,
      discovered_at: f.discovered_at,
      resolved_at: f.resolved_at,
      closed_at: f.status === 'CLOSED' ? f.resolved_at : null,
      created_by_user_id: f.created_by_user_id,
      deleted_at: f.deleted ? NOW : null,
      deleted_by_user_id: f.deleted ? f.created_by_user_id : null,
    })
    .execute()
  return { ...f, id }
}

const iso = (ms: number) => new Date(ms).toISOString()
/** round_half_away_from_zero(x, 2), the hand way. */
const round2 = (x: number) => (Math.sign(x) * Math.round(Math.abs(x) * 100)) / 100
const ms = (a: string | null, b: string | null) => Date.parse(a!) - Date.parse(b!)
function hand(rows: Fixture[]) {
  const d = rows.filter((r) => r.occurred_at && r.discovered_at)
  const r = rows.filter((x) => x.status === 'CLOSED' && x.resolved_at && x.discovered_at)
  const mean = (xs: number[]) => (xs.length === 0 ? null : round2(xs.reduce((s, x) => s + x, 0) / xs.length / H))
  return {
    mttd_hours: mean(d.map((x) => ms(x.discovered_at, x.occurred_at))),
    mttd_n: d.length,
    mttr_hours: mean(r.map((x) => ms(x.resolved_at, x.discovered_at))),
    mttr_n: r.length,
  }
}
const groupBy = <T>(rows: T[], key: (r: T) => string | null) => {
  const m = new Map<string | null, T[]>()
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r])
  return m
}

describe.each(ENGINES)('incident metrics on %s', (engine) => {
  let env: TestEnv
  let retail: string
  let wholesale: string
  const fixtures: Fixture[] = []
  const l1Of = new Map<string, string>()
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(NOW)
    const units = await env.db.selectFrom('business_unit').select(['id', 'code']).execute()
    retail = units.find((u) => u.code === 'RETAIL')!.id
    wholesale = units.find((u) => u.code === 'WHOLESALE')!.id
    for (const t of await env.db.selectFrom('basel_event_type').select(['id', 'parent_id']).execute())
      l1Of.set(t.id, t.parent_id ?? t.id)
  })
  afterAll(async () => env?.close())

  const base = (over: Partial<Fixture>): Omit<Fixture, 'id'> => ({
    status: 'DRAFT',
    severity: 'unrated',
    business_unit_id: retail,
    created_by_user_id: env.users['emp']!,
    simplified_event_type_id: null,
    basel_event_type_id: null,
    near_miss: false,
    occurred_at: null,
    discovered_at: null,
    resolved_at: null,
    deleted: false,
    ...over,
  })

  it('INC-47 two visible incidents: MTTD 3.00 h (n 2), MTTR 6.00 h (n 1)', async () => {
    fixtures.push(
      await insertIncident(
        env.db,
        base({
          status: 'CLOSED',
          occurred_at: '2026-03-01T00:00:00.000Z',
          discovered_at: '2026-03-01T02:00:00.000Z',
          resolved_at: '2026-03-01T08:00:00.000Z',
        }),
      ),
      await insertIncident(
        env.db,
        base({
          status: 'PENDING_VALIDATION',
          occurred_at: '2026-03-01T00:00:00.000Z',
          discovered_at: '2026-03-01T04:00:00.000Z',
        }),
      ),
    )
    const expected = {
      group_key: null,
      group_label: 'All incidents',
      mttd_hours: 3,
      mttd_n: 2,
      mttr_hours: 6,
      mttr_n: 1,
    }
    for (const u of ['ro', 'mgr', 'emp', 'rog', 'aud'])
      expect(await env.ok(u, 'incident.metrics.mttx', {}), u).toEqual([expected])
    // Outside the caller's visibility nothing counts: the means are null with n = 0.
    const none = { ...expected, mttd_hours: null, mttd_n: 0, mttr_hours: null, mttr_n: 0 }
    for (const u of ['emp2', 'ro2', 'adm']) expect(await env.ok(u, 'incident.metrics.mttx', {}), u).toEqual([none])
  })

  it('INC-48 mttx by severity and by basel_event_type_l1 equals a hand calculation; level-2 types count under level 1', async () => {
    const rng = mulberry32(48)
    const severities = ['unrated', 'low', 'medium', 'high', 'critical']
    const basel = [null, 'EL1', 'EL2', 'EL2.1', 'EL2.2', 'EL6', 'EL6.1', 'EL7']
    const types = [null, 'FRAUD', 'IT_DATA_CYBER', 'OTHER_UNSURE']
    const statuses = ['DRAFT', 'PENDING_REVIEW', 'PENDING_VALIDATION', 'VALIDATED', 'CLOSED', 'CLOSED']
    const today = Date.parse(NOW)
    for (let i = 0; i < 80; i++) {
      const occurred = today - (1 + Math.floor(rng() * 29)) * DAY - Math.floor(rng() * 600) * MIN
      const discovered = occurred + (1 + Math.floor(rng() * 3000)) * MIN
      const status = pick(rng, statuses)
      const noDates = rng() < 0.1
      const resolved = status === 'CLOSED' || rng() < 0.2 ? discovered + (1 + Math.floor(rng() * 5000)) * MIN : null
      fixtures.push(
        await insertIncident(
          env.db,
          base({
            status,
            severity: pick(rng, severities),
            business_unit_id: rng() < 0.7 ? retail : wholesale,
            created_by_user_id: env.users[pick(rng, ['emp', 'emp2', 'ro'])]!,
            simplified_event_type_id: pick(rng, types),
            basel_event_type_id: pick(rng, basel),
            near_miss: rng() < 0.2,
            occurred_at: noDates ? null : iso(occurred),
            discovered_at: iso(Math.min(discovered, today - MIN)),
            resolved_at: resolved === null ? null : iso(Math.min(resolved, today - 1000)),
            deleted: rng() < 0.08,
          }),
        ),
      )
    }
    const visibleToRo = (f: Fixture) =>
      !f.deleted && (f.business_unit_id === retail || f.created_by_user_id === env.users['ro'])
    const visibleToRog = (f: Fixture) => !f.deleted
    for (const [user, visible] of [
      ['rog', visibleToRog],
      ['ro', visibleToRo],
    ] as const) {
      const rows = fixtures.filter(visible)
      const bySeverity = await env.ok(user, 'incident.metrics.mttx', { group_by: 'severity' })
      const handSeverity = groupBy(rows, (r) => r.severity)
      expect(bySeverity.map((g: any) => g.group_key)).toEqual(severities.filter((s) => handSeverity.has(s)))
      for (const g of bySeverity)
        expect(g, `${user} ${g.group_key}`).toMatchObject(hand(handSeverity.get(g.group_key)!))

      const byBasel = await env.ok(user, 'incident.metrics.mttx', { group_by: 'basel_event_type_l1' })
      const handBasel = groupBy(rows, (r) => (r.basel_event_type_id ? l1Of.get(r.basel_event_type_id)! : null))
      expect(new Set(byBasel.map((g: any) => g.group_key))).toEqual(new Set(handBasel.keys()))
      for (const g of byBasel) expect(g, `${user} ${g.group_key}`).toMatchObject(hand(handBasel.get(g.group_key)!))
      expect(byBasel.find((g: any) => g.group_key === null)?.group_label).toBe('Unclassified')
      expect(byBasel.at(-1).group_key).toBeNull()
      expect(byBasel.find((g: any) => g.group_key === 'EL2')?.group_label).toBe('EL2 External Fraud')
      expect(byBasel.some((g: any) => String(g.group_key).includes('.'))).toBe(false)

      expect(await env.ok(user, 'incident.metrics.mttx', {})).toEqual([
        { group_key: null, group_label: 'All incidents', ...hand(rows) },
      ])
    }
  })

  it('INC-48 every filter narrows the rows exactly as a hand filter does', async () => {
    const rows = fixtures.filter((f) => !f.deleted)
    const el2 = (f: Fixture) => f.basel_event_type_id !== null && l1Of.get(f.basel_event_type_id) === 'EL2'
    const from = NOW.slice(0, 8) + '10'
    const to = NOW.slice(0, 8) + '20'
    const day = (f: Fixture) => f.discovered_at?.slice(0, 10) ?? ''
    const cases: [Record<string, unknown>, (f: Fixture) => boolean][] = [
      [{ business_unit_id: wholesale }, (f) => f.business_unit_id === wholesale],
      [{ simplified_event_type_id: 'FRAUD' }, (f) => f.simplified_event_type_id === 'FRAUD'],
      [{ basel_event_type_l1: 'EL2' }, el2],
      [{ basel_event_type_l1: 'EL2.1' }, (f) => f.basel_event_type_id === 'EL2.1'],
      [{ near_miss: true }, (f) => f.near_miss],
      [{ near_miss: false }, (f) => !f.near_miss],
      [{ discovered_from: from }, (f) => day(f) >= from],
      [{ discovered_to: to }, (f) => day(f) !== '' && day(f) <= to],
      [
        { discovered_from: from, discovered_to: to, business_unit_id: retail, basel_event_type_l1: 'EL2' },
        (f) => day(f) >= from && day(f) <= to && f.business_unit_id === retail && el2(f),
      ],
    ]
    for (const [filters, keep] of cases) {
      const expected = rows.filter(keep)
      expect(expected.length, JSON.stringify(filters)).toBeGreaterThan(0)
      expect(await env.ok('rog', 'incident.metrics.mttx', { filters }), JSON.stringify(filters)).toEqual([
        { group_key: null, group_label: 'All incidents', ...hand(expected) },
      ])
      const counts = await env.ok('rog', 'incident.metrics.counts', { filters, group_by: 'status' })
      expect(
        counts.reduce((s: number, c: any) => s + c.count, 0),
        JSON.stringify(filters),
      ).toBe(expected.length)
    }
  })

  it('INC-49 counts by status and by severity equal a SQL GROUP BY over the same visible rows', async () => {
    for (const [user, visible] of [
      ['rog', sql`true`],
      ['ro', sql`(business_unit_id = ${retail} or created_by_user_id = ${env.users['ro']})`],
      [
        'mgr',
        sql`created_by_user_id in (select id from users where manager_id = ${env.users['mgr']} or id = ${env.users['mgr']})`,
      ],
    ] as const) {
      for (const col of ['status', 'severity'] as const) {
        const groupSql = await sql<{
          k: string
          n: number | string
        }>`select ${sql.ref(col)} as k, count(*) as n from incident
          where deleted_at is null and ${visible} group by ${sql.ref(col)}`.execute(env.db)
        const expected = new Map(groupSql.rows.map((r) => [r.k, Number(r.n)]))
        const got = await env.ok(user, 'incident.metrics.counts', { group_by: col })
        expect(new Map(got.map((g: any) => [g.group_key, g.count])), `${user} ${col}`).toEqual(expected)
        expect(got.every((g: any) => typeof g.group_label === 'string' && g.group_label.length > 0)).toBe(true)
      }
    }
    const byStatus = await env.ok('rog', 'incident.metrics.counts', { group_by: 'status' })
    const order = ['DRAFT', 'PENDING_REVIEW', 'PENDING_VALIDATION', 'VALIDATED', 'CLOSED']
    expect(byStatus.map((g: any) => g.group_key)).toEqual(
      order.filter((s) => byStatus.some((g: any) => g.group_key === s)),
    )
    expect(byStatus.find((g: any) => g.group_key === 'PENDING_VALIDATION')?.group_label).toBe('Pending Risk Validation')
    expect(await env.ok('adm', 'incident.metrics.counts', { group_by: 'status' })).toEqual([])
  })

  it('INC-49 counts by event type, Basel level 1 and business unit add up to the visible total', async () => {
    const visible = fixtures.filter((f) => !f.deleted).length
    for (const group_by of ['simplified_event_type', 'basel_event_type_l1', 'business_unit']) {
      const got = await env.ok('rog', 'incident.metrics.counts', { group_by })
      expect(
        got.reduce((s: number, g: any) => s + g.count, 0),
        group_by,
      ).toBe(visible)
    }
    const units = await env.ok('rog', 'incident.metrics.counts', { group_by: 'business_unit' })
    expect(units.map((g: any) => g.group_label)).toEqual(['Retail', 'Wholesale'])
  })

  it('INC-49 the 30-day trend has one row per date, zeros included, equal to a SQL GROUP BY per UTC date', async () => {
    const to = NOW.slice(0, 10)
    const from = iso(Date.parse(`${to}T00:00:00.000Z`) - 29 * DAY).slice(0, 10)
    const trend = await env.ok('rog', 'incident.metrics.trend', { from, to })
    expect(trend).toHaveLength(30)
    expect(trend[0].date).toBe(from)
    expect(trend[29].date).toBe(to)
    const groupSql = await sql<{
      d: string
      n: number | string
    }>`select substr(discovered_at, 1, 10) as d, count(*) as n
      from incident where deleted_at is null and discovered_at >= ${from} and discovered_at < ${'2026-11-24'}
      group by substr(discovered_at, 1, 10)`.execute(env.db)
    const expected = new Map(groupSql.rows.map((r) => [r.d, Number(r.n)]))
    for (const row of trend) expect(row.count, row.date).toBe(expected.get(row.date) ?? 0)
    expect(trend.some((r: any) => r.count === 0)).toBe(true)
    expect(trend.reduce((s: number, r: any) => s + r.count, 0)).toBe([...expected.values()].reduce((s, n) => s + n, 0))
    // The same filters as the other metrics apply.
    const retailOnly = await env.ok('rog', 'incident.metrics.trend', {
      from,
      to,
      filters: { business_unit_id: retail },
    })
    const hand = fixtures.filter((f) => !f.deleted && f.business_unit_id === retail && f.discovered_at! >= from)
    expect(retailOnly.reduce((s: number, r: any) => s + r.count, 0)).toBe(hand.length)
  })

  it('rejects a reversed or too long trend range and unknown filters with VALIDATION', async () => {
    const reversed = await env.call('rog', 'incident.metrics.trend', { from: '2026-11-10', to: '2026-11-01' })
    expect(reversed).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'The end date cannot be before the start date.', fields: ['to'] },
    })
    const long = await env.call('rog', 'incident.metrics.trend', { from: '2025-01-01', to: '2026-11-01' })
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: ['to'] } })
    const unknown = await env.call('rog', 'incident.metrics.counts', { filters: { colour: 'red' } })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const badDate = await env.call('rog', 'incident.metrics.mttx', { filters: { discovered_from: '2026-02-31' } })
    expect(badDate).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Enter a date like 2026-11-23.' },
    })
  })
})
