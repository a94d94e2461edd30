import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '#main/ids'
import type { DB } from '#shared/db/schema'
import { findRate } from '#shared/fx-rates/convert'
import { ENGINES, footprint, testEnv, type TestEnv } from '../support/engines'

const T = '2026-11-23T14:05:09.123Z'
const FORBIDDEN = 'Only Risk Officers and administrators can maintain exchange rates.'

const rates = (db: Kysely<DB>) =>
  db
    .selectFrom('fx_rate')
    .selectAll()
    .orderBy('id')
    .execute()
    .then((rows) => rows.map((r) => JSON.stringify(r)))

describe.each(ENGINES)('exchange rates (Reports §3.5) on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T)
  })
  afterAll(async () => env?.close())

  const refusedCleanly = async (user: string, name: string, input: unknown) => {
    const before = [await footprint(env.db), await rates(env.db)]
    const r = await env.call(user, name, input)
    expect([await footprint(env.db), await rates(env.db)]).toEqual(before)
    return r
  }
  const usd = { currency_code: 'USD', rate_date: '2026-03-13', rate: '0.9200', source: 'ECB reference rate' }

  it('REP-59 risk officers and admins maintain rates; others are refused; every write is audited', async () => {
    expect(await refusedCleanly('mgr', 'fxRate.create', usd)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: FORBIDDEN },
    })
    const created = await env.ok('ro', 'fxRate.create', { ...usd, id: newId() })
    expect(created).toMatchObject({ ...usd, version: 1 })
    const row = await env.db.selectFrom('fx_rate').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ created_by_user_id: env.users['ro'], created_at: T, rate: '0.9200' })

    for (const user of ['emp', 'mgr', 'aud', 'sec'])
      expect(
        await refusedCleanly(user, 'fxRate.update', { id: created.id, expected_version: 1, rate: '0.95' }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: FORBIDDEN } })

    const updated = await env.ok('adm', 'fxRate.update', { id: created.id, expected_version: 1, rate: '0.9150' })
    expect(updated).toMatchObject({ rate: '0.9150', source: 'ECB reference rate', version: 2 })
    expect(
      await refusedCleanly('ro', 'fxRate.update', { id: created.id, expected_version: 1, source: null }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'This exchange rate was changed by someone else. Reload and try again.',
        expectedVersion: 1,
        actualVersion: 2,
      },
    })
    expect(await refusedCleanly('ro', 'fxRate.delete', { id: newId(), expected_version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Exchange rate not found.' },
    })
    expect(await env.ok('ro', 'fxRate.delete', { id: created.id, expected_version: 2 })).toEqual({
      id: created.id,
      deleted: true,
    })
    const audit = await env.db
      .selectFrom('audit_entry')
      .select(['action', 'actor_label', 'changes'])
      .where('entity_type', '=', 'fx_rate')
      .where('entity_id', '=', created.id)
      .orderBy('seq')
      .execute()
    expect(audit.map((a) => [a.action, a.actor_label])).toEqual([
      ['fxRate.create', 'ro@riskdesk.test'],
      ['fxRate.update', 'adm@riskdesk.test'],
      ['fxRate.delete', 'ro@riskdesk.test'],
    ])
    expect(JSON.parse(audit[1]!.changes)).toEqual([{ field: 'rate', before: '0.9200', after: '0.9150' }])
    expect(JSON.parse(audit[2]!.changes)).toContainEqual({ field: 'rate', before: '0.9150', after: null })
  })

  it('REP-59 value rules: duplicate date, reporting currency, rate format, future date, inactive currency', async () => {
    await env.ok('ro', 'fxRate.create', usd)
    const cases: [Record<string, unknown>, string, string][] = [
      [{}, 'A rate for USD on 2026-03-13 already exists.', 'rate_date'],
      [{ currency_code: 'EUR' }, 'The reporting currency needs no exchange rate.', 'currency_code'],
      [{ rate: '0' }, 'Rate must be a positive number with at most 10 decimal places.', 'rate'],
      [{ rate: '0.12345678901' }, 'Rate must be a positive number with at most 10 decimal places.', 'rate'],
      [{ rate: '-1' }, 'Rate must be a positive number with at most 10 decimal places.', 'rate'],
      [{ rate: '1234567890123' }, 'Rate must have at most 12 digits before the decimal point.', 'rate'],
      [{ rate_date: '2026-11-24' }, 'Rate date cannot be in the future.', 'rate_date'],
      [{ rate_date: '2026-02-30' }, 'Enter a date like 2026-11-23.', 'rate_date'],
      [{ currency_code: 'BOV' }, 'Currency not found or inactive.', 'currency_code'],
      [{ currency_code: 'XXX' }, 'Currency not found or inactive.', 'currency_code'],
    ]
    for (const [extra, message, field] of cases)
      expect(await refusedCleanly('ro', 'fxRate.create', { ...usd, ...extra })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message, fields: [field] },
      })
    // Today is not in the future.
    expect(await env.ok('adm', 'fxRate.create', { ...usd, rate_date: '2026-11-23', rate: '00.88' })).toMatchObject({
      rate: '0.88',
      source: 'ECB reference rate',
    })
  })

  it('lists newest first by currency, pages by keyset and filters; findRate takes the latest on or before a date', async () => {
    for (const [currency_code, rate_date, rate] of [
      ['GBP', '2026-05-01', '1.1712345'],
      ['JPY', '2026-06-01', '0.0061234'],
      ['CHF', '2026-05-01', '1.05'],
      ['USD', '2026-03-16', '0.9150'],
    ] as const)
      await env.ok('ro', 'fxRate.create', { currency_code, rate_date, rate })
    const all = await env.ok('aud', 'fxRate.list', {})
    const keys = all.items.map((r: { currency_code: string; rate_date: string }) => `${r.rate_date} ${r.currency_code}`)
    expect(keys).toEqual([
      '2026-11-23 USD',
      '2026-06-01 JPY',
      '2026-05-01 CHF',
      '2026-05-01 GBP',
      '2026-03-16 USD',
      '2026-03-13 USD',
    ])
    expect(all).toMatchObject({ reporting_currency: 'EUR', can_edit: false, next_cursor: null })

    const pages: string[] = []
    let cursor: string | undefined
    do {
      const page = await env.ok('ro', 'fxRate.list', cursor ? { limit: 2, cursor } : { limit: 2 })
      pages.push(
        ...page.items.map((r: { currency_code: string; rate_date: string }) => `${r.rate_date} ${r.currency_code}`),
      )
      cursor = page.next_cursor ?? undefined
    } while (cursor)
    expect(pages).toEqual(keys)

    const usdMarch = await env.ok('adm', 'fxRate.list', {
      currency_code: ['USD'],
      rate_date_from: '2026-03-01',
      rate_date_to: '2026-03-31',
    })
    expect(usdMarch.items.map((r: { rate: string }) => r.rate)).toEqual(['0.9150', '0.9200'])
    expect(await env.call('emp', 'fxRate.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    expect(await findRate(env.db, 'USD', '2026-03-14')).toMatchObject({ rate_date: '2026-03-13', rate: '0.9200' })
    expect(await findRate(env.db, 'USD', '2026-03-16')).toMatchObject({ rate_date: '2026-03-16', rate: '0.9150' })
    expect(await findRate(env.db, 'USD', '2026-03-12')).toBeNull()
    expect(await findRate(env.db, 'SEK', '2026-12-31')).toBeNull()
  })
})
