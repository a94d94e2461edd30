import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '#main/ids'
import type { DB } from '#shared/db/schema'
import { ENGINES, footprint, testEnv, type TestEnv } from '../support/engines'

const T = '2026-11-23T14:05:09.123Z'

async function typeRows(db: Kysely<DB>) {
  const all = await Promise.all([
    db.selectFrom('simplified_event_type').selectAll().execute(),
    db.selectFrom('simplified_to_basel_map').selectAll().execute(),
  ])
  return all.map((rows) => rows.map((r) => JSON.stringify(r)).sort())
}

describe.each(ENGINES)('incident configuration: simplified types and Basel maps on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T)
  })
  afterAll(async () => env?.close())

  const refusedCleanly = async (name: string, input: unknown) => {
    const before = [await footprint(env.db), await typeRows(env.db)]
    const r = await env.call('adm', name, input)
    expect([await footprint(env.db), await typeRows(env.db)]).toEqual(before)
    return r
  }
  const type = (extra: Record<string, unknown> = {}) => ({
    id: newId(),
    name: 'Model / AI error',
    short_desc: 'A model or an AI tool gave a wrong answer',
    front_end_hint: 'A decision relied on a model that was wrong.',
    is_active: true,
    sort_order: 7,
    ...extra,
  })

  it('adds a type that the report form then offers, and edits it with an audit entry', async () => {
    const input = type()
    const saved = await env.ok('adm', 'incidentConfig.saveSimplifiedType', input)
    expect(saved).toMatchObject({ id: input.id, name: 'Model / AI error', basel_map: [] })
    const form = await env.ok('emp', 'reference.incidentForm', {})
    expect(form.simplified_event_types.map((t: { name: string }) => t.name).at(-1)).toBe('Model / AI error')

    await env.ok('adm', 'incidentConfig.saveSimplifiedType', { ...input, name: '  Model error  ', is_active: false })
    const row = await env.db
      .selectFrom('simplified_event_type')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ name: 'Model error', is_active: 0 })
    const audit = await env.db
      .selectFrom('audit_entry')
      .select('changes')
      .where('entity_type', '=', 'simplified_event_type')
      .where('entity_id', '=', input.id)
      .orderBy('seq')
      .execute()
    expect(JSON.parse(audit[1]!.changes)).toEqual([
      { field: 'is_active', before: true, after: false },
      { field: 'name', before: 'Model / AI error', after: 'Model error' },
    ])
  })

  it('refuses duplicate names, blank or long names and short descriptions with the §13 messages', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'fraud' }, 'A simplified type with this name exists.'],
      [{ name: '   ' }, 'Name is required (at most 100 characters).'],
      [{ name: 'x'.repeat(101) }, 'Name is required (at most 100 characters).'],
      [{ short_desc: '' }, 'Short description is required (at most 500 characters).'],
      [{ short_desc: 'y'.repeat(501) }, 'Short description is required (at most 500 characters).'],
    ]
    for (const [extra, message] of cases)
      expect(await refusedCleanly('incidentConfig.saveSimplifiedType', type(extra))).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message },
      })
  })

  it('replaces a Basel map; two defaults, unknown types and unknown simplified types are refused', async () => {
    const saved = await env.ok('adm', 'incidentConfig.setBaselMap', {
      simplified_event_type_id: 'PROCESS_ERROR',
      entries: [
        { basel_event_type_id: 'EL7', is_default: false },
        { basel_event_type_id: 'EL6.1', is_default: true },
      ],
    })
    expect(saved.entries).toEqual([
      { basel_event_type_id: 'EL6.1', is_default: true },
      { basel_event_type_id: 'EL7', is_default: false },
    ])
    const audit = await env.db
      .selectFrom('audit_entry')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'simplified_event_type')
      .where('entity_id', '=', 'PROCESS_ERROR')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audit.changes)).toEqual([
      {
        field: 'basel_map',
        before: [{ basel_event_type_id: 'EL7', is_default: true }],
        after: saved.entries,
      },
    ])
    const two = {
      simplified_event_type_id: 'FRAUD',
      entries: [
        { basel_event_type_id: 'EL1', is_default: true },
        { basel_event_type_id: 'EL2', is_default: true },
      ],
    }
    expect(await refusedCleanly('incidentConfig.setBaselMap', two)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Only one default Basel type per simplified type.' },
    })
    expect(
      await refusedCleanly('incidentConfig.setBaselMap', {
        simplified_event_type_id: 'FRAUD',
        entries: [{ basel_event_type_id: 'EL99', is_default: false }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Unknown Basel event type.' } })
    expect(
      await refusedCleanly('incidentConfig.setBaselMap', { simplified_event_type_id: 'NOPE', entries: [] }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Simplified event type not found.' } })
  })
})
