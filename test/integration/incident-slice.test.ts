import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, footprint, testEnv, type TestEnv } from '../support/engines'

const REF = /^INC-\d{4}-[A-Z]{3,5}-\d{5,}$/
const T = '2026-11-23T14:05:09.123Z'

describe.each(ENGINES)('incident slice on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
  })
  afterAll(async () => env?.close())

  const create = (u: string, extra: Record<string, unknown> = {}) =>
    env.ok(u, 'incident.create', { title: 'ATM cash-out error', description: 'ATM dispensed cash twice', ...extra })

  it('INC-01 emp creates an incident: DRAFT, Retail, reference, draft SLA, version 1, one audit entry', async () => {
    env.clock.set(T)
    const created = await create('emp')
    expect(created.ref).toMatch(REF)
    expect(created.ref.startsWith('INC-2026-')).toBe(true)
    const row = await env.db.selectFrom('incident').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow()
    const retail = await env.db
      .selectFrom('business_unit')
      .select('id')
      .where('code', '=', 'RETAIL')
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('DRAFT')
    expect(row.business_unit_id).toBe(retail.id)
    expect(row.draft_due_at).toBe('2026-11-30T14:05:09.123Z')
    expect(row.review_due_at).toBeNull()
    expect(row.validation_due_at).toBeNull()
    expect(row.assigned_to_user_id).toBeNull()
    expect(Number(row.version)).toBe(1)
    const audit = await env.db.selectFrom('audit_entry').selectAll().where('entity_id', '=', created.id).execute()
    expect(audit.map((a) => a.action)).toEqual(['incident.create'])
    expect(audit[0]!.actor_id).toBe(env.users['emp'])
    expect(audit[0]!.at).toBe(T)
    const changes = JSON.parse(audit[0]!.changes) as { field: string; before: unknown; after: unknown }[]
    expect(changes.find((c) => c.field === 'title')).toEqual({
      field: 'title',
      before: null,
      after: 'ATM cash-out error',
    })
    expect(changes.every((c) => c.before === null)).toBe(true)
    expect(changes.map((c) => c.field)).toEqual([...changes.map((c) => c.field)].sort())
  })

  it('INC-01 references count up per device and year and are never reused', async () => {
    const a = await create('emp')
    const b = await create('emp2')
    const n = (r: string) => Number(r.split('-').pop())
    expect(n(b.ref)).toBe(n(a.ref) + 1)
    expect(a.ref.split('-')[2]).toBe(b.ref.split('-')[2])
  })

  it('INC-02 a blank title is refused on the title field and nothing is written (incl. audit and outbox)', async () => {
    const before = await footprint(env.db)
    const r = await env.call('emp', 'incident.create', { title: '   ', description: 'x' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('VALIDATION')
    expect(r.error).toMatchObject({ message: 'Title is required.', fields: ['title'] })
    expect(await footprint(env.db)).toEqual(before)
  })

  it('INC-02 auditor and admin cannot report incidents', async () => {
    const before = await footprint(env.db)
    for (const u of ['aud', 'adm']) {
      const r = await env.call(u, 'incident.create', { title: 'x', description: 'y' })
      expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Your role cannot report incidents.' } })
    }
    expect(await footprint(env.db)).toEqual(before)
  })

  it('every command with a wrong shape gets VALIDATION with field paths and writes nothing', async () => {
    const before = await footprint(env.db)
    const cases: [unknown, string[]][] = [
      [{ title: 'x', description: 'y', colour: 'red' }, ['colour']],
      [{ title: 5, description: 'y' }, ['title']],
      [{ title: 'x', description: 'y', gross_loss_amount: -1, currency_code: 'EUR' }, ['gross_loss_amount']],
      [{ title: 'x', description: 'y', gross_loss_amount: 1.5, currency_code: 'EUR' }, ['gross_loss_amount']],
      [{ title: 'x', description: 'y', occurred_at: '2026-11-23' }, ['occurred_at']],
      [null, ['']],
    ]
    for (const [input, fields] of cases) {
      const r = await env.call('emp', 'incident.create', input)
      expect(r.ok, JSON.stringify(input)).toBe(false)
      if (r.ok) continue
      expect(r.error.code).toBe('VALIDATION')
      if (r.error.code === 'VALIDATION') expect(r.error.fields).toEqual(fields)
    }
    const unknown = await env.call('emp', 'incident.create', { title: 'x', description: 'y', colour: 'red' })
    expect(!unknown.ok && unknown.error.message).toBe("Unknown field 'colour'.")
    expect(await footprint(env.db)).toEqual(before)
  })

  it('INC-41 value rules: gross without currency, unknown currency, future and out-of-order dates', async () => {
    const before = await footprint(env.db)
    const msg = async (extra: Record<string, unknown>) => {
      const r = await env.call('emp', 'incident.create', { title: 'x', description: 'y', ...extra })
      return r.ok ? null : r.error.message
    }
    expect(await msg({ gross_loss_amount: 100 })).toBe('Choose the currency of the amount.')
    expect(await msg({ gross_loss_amount: 100, currency_code: 'XYZ' })).toBe("Unknown currency code 'XYZ'.")
    expect(await msg({ occurred_at: '2026-11-24T00:00:00.000Z' })).toBe('Occurrence time cannot be in the future.')
    expect(await msg({ occurred_at: '2026-11-20T10:00:00.000Z', discovered_at: '2026-11-20T09:00:00.000Z' })).toBe(
      'The discovery time cannot be before the occurrence time.',
    )
    expect(await msg({ near_miss: true, gross_loss_amount: 5000, currency_code: 'EUR' })).toBe(
      'A near miss has no loss amount.',
    )
    expect(await footprint(env.db)).toEqual(before)
  })

  it('INC-18 a field outside the DRAFT reporter row is refused with WORKFLOW naming it', async () => {
    const r = await env.call('emp', 'incident.create', { title: 'x', description: 'y', basel_event_type_id: 'EL2' })
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'WORKFLOW',
        message: "Fields basel_event_type_id cannot be edited in DRAFT by role 'Employee'.",
        fields: ['basel_event_type_id'],
      },
    })
  })

  it('INC-42 a near miss with gross 0 is saved with severity low; EUR gross sets severity', async () => {
    const nm = await create('emp', { near_miss: true, gross_loss_amount: 0, currency_code: 'EUR' })
    const big = await create('emp', { gross_loss_amount: 250_000_00, currency_code: 'EUR' })
    const sev = async (id: string) =>
      (await env.db.selectFrom('incident').select('severity').where('id', '=', id).executeTakeFirstOrThrow()).severity
    expect(await sev(nm.id)).toBe('low')
    expect(await sev(big.id)).toBe('high')
  })

  it('the outbox records every data command with its id, actor, correlation id and the minted reference', async () => {
    const created = await create('emp')
    const row = await env.db
      .selectFrom('sync_outbox')
      .selectAll()
      .where('command', '=', 'incident.create')
      .orderBy('client_seq', 'desc')
      .executeTakeFirstOrThrow()
    const input = JSON.parse(row.input) as { id: string; ref: string }
    expect(input.id).toBe(created.id)
    expect(input.ref).toBe(created.ref)
    expect(row.user_id).toBe(env.users['emp'])
    expect(row.state).toBe('pending')
    const audit = await env.db
      .selectFrom('audit_entry')
      .select(['command_id', 'correlation_id'])
      .where('entity_id', '=', created.id)
      .executeTakeFirstOrThrow()
    expect(audit.command_id).toBe(row.id)
    expect(audit.correlation_id).toBe(row.correlation_id)
    const seqs = (await env.db.selectFrom('sync_outbox').select('client_seq').orderBy('client_seq').execute()).map(
      (r) => Number(r.client_seq),
    )
    expect(seqs).toEqual(seqs.map((_, i) => i + 1))
  })

  it('a command without a session is refused with "Sign in to continue."', async () => {
    const r = await env.call(null, 'incident.list', {})
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Sign in to continue.' } })
  })
})

describe.each(ENGINES)('incident visibility and list on %s', (engine) => {
  let env: TestEnv
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    env = await testEnv(engine)
    for (const u of ['emp', 'mgr', 'ro', 'emp2', 'emp3', 'rol']) {
      env.clock.advance(1000)
      ids[u] = (
        await env.ok(u, 'incident.create', { title: `Reported by ${u}`, description: 'Something went wrong.' })
      ).id
    }
  })
  afterAll(async () => env?.close())

  const listed = async (u: string, input: Record<string, unknown> = {}) =>
    ((await env.ok(u, 'incident.list', input)).items as { id: string; title: string }[]).map((i) => i.title)

  it('INC-22 emp sees only own; mgr sees own and direct reports; ro sees Retail; adm sees none', async () => {
    expect(await listed('emp')).toEqual(['Reported by emp'])
    expect((await listed('mgr')).sort()).toEqual(['Reported by emp', 'Reported by mgr', 'Reported by ro'])
    expect((await listed('ro')).sort()).toEqual([
      'Reported by emp',
      'Reported by emp3',
      'Reported by mgr',
      'Reported by ro',
    ])
    expect(await listed('adm')).toEqual([])
  })

  it('INC-22 rog and aud (group scope) see every incident; aud1 sees Retail only', async () => {
    expect(await listed('rog')).toHaveLength(6)
    expect(await listed('aud')).toHaveLength(6)
    expect((await listed('aud1')).sort()).toEqual([
      'Reported by emp',
      'Reported by emp3',
      'Reported by mgr',
      'Reported by ro',
    ])
  })

  it('INC-22 another employee and a risk officer of another unit get NOT_FOUND for a direct id', async () => {
    for (const u of ['emp2', 'ro2', 'adm']) {
      const r = await env.call(u, 'incident.get', { id: ids['emp'] })
      expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Incident not found.', entity: 'Incident' } })
    }
    const own = await env.ok('emp', 'incident.get', { id: ids['emp'] })
    expect(own.title).toBe('Reported by emp')
    expect(own.business_unit_name).toBe('Retail')
    expect(own.permissions.read_only).toBe(false)
    const audited = await env.ok('aud', 'incident.get', { id: ids['emp'] })
    expect(audited.permissions.read_only).toBe(true)
    expect(audited.editable_fields).toEqual([])
  })

  it('INC-52 list is newest first and keyset pages have no duplicates or gaps, even with inserts between pages', async () => {
    for (let i = 0; i < 7; i++) {
      env.clock.advance(1000)
      await env.ok('emp3', 'incident.create', { title: `Page item ${i}`, description: 'Paging.' })
    }
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await env.ok('emp3', 'incident.list', { limit: 3, ...(cursor ? { cursor } : {}) })
      seen.push(...page.items.map((i: { title: string }) => i.title))
      cursor = page.next_cursor ?? undefined
      pages++
      if (pages === 1) {
        env.clock.advance(1000)
        await env.ok('emp3', 'incident.create', { title: 'Inserted meanwhile', description: 'Paging.' })
      }
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen).toEqual([
      'Page item 6',
      'Page item 5',
      'Page item 4',
      'Page item 3',
      'Page item 2',
      'Page item 1',
      'Page item 0',
      'Reported by emp3',
    ])
  })

  it('INC-52 the status filter and created_by=me return exactly what a hand query returns', async () => {
    const drafts = await listed('ro', { status: ['DRAFT'], created_by: 'me' })
    expect(drafts).toEqual(['Reported by ro'])
    expect(await listed('ro', { status: ['PENDING_REVIEW'] })).toEqual([])
    const page = await env.ok('rog', 'incident.list', { with_total: true, limit: 2 })
    const hand = await env.db
      .selectFrom('incident')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow()
    expect(page.total).toBe(Number(hand.n))
  })
})
