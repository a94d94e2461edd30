import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { aRisk, assessedRisk, move as moveRisk } from './risks-support'
import { aKri, auditOf, BAND, correct, kriNotifications, kriRow, record, T0, valuesOf } from './kris-support'

describe.each(ENGINES)('KRI breach escalation on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const sinceJanuary = { first_period_start: '2026-01-01' }
  const measuresOf = (kriId: string) =>
    env.db
      .selectFrom('kri_value')
      .innerJoin('measure', 'measure.id', 'kri_value.breach_measure_id')
      .selectAll('measure')
      .where('kri_value.kri_id', '=', kriId)
      .execute()

  it('KRI-14 a Red value notifies the owner and the BU risk officers, the actor included; no BU officer → group scope', async () => {
    const k = await aKri(env, { extra: sinceJanuary })
    const red = await record(env, 'ro', k.id, '2026-03-01', '12')
    expect(red).toMatchObject({ status: 'RED' })
    const notices = await kriNotifications(env, k.id, 'KRI_BREACH')
    expect(notices.map((n) => n.user).sort()).toEqual(['emp', 'ro'])
    const name = (await kriRow(env, k.id)).name
    for (const n of notices)
      expect(n).toMatchObject({
        priority: 'HIGH',
        requires_action: 1,
        dedupe_key: `KRI:${k.id}:KRI_BREACH:${red.id}:${env.users[n.user!]}`,
        payload: {
          message: `KRI ${k.ref} '${name}' is Red for 2026-03-01 to 2026-03-31: 12 count.`,
          entity_ref: k.ref,
          red: '10',
        },
      })
    expect(notices.map((n) => n.user)).not.toContain('ro2')

    // IT has no risk officer of its own: the group-scope officer (rog) is notified.
    const it = await aKri(env, { creator: 'rog', bu: 'IT', owner: 'mgr2', extra: sinceJanuary })
    await record(env, 'mgr2', it.id, '2026-03-01', '10')
    expect((await kriNotifications(env, it.id, 'KRI_BREACH')).map((n) => n.user).sort()).toEqual(['mgr2', 'rog'])
  })

  it('KRI-15 with create_measure_on_red a Red value opens one measure for the owner, linked to the non-retired risks', async () => {
    const k = await aKri(env, { extra: { ...sinceJanuary, create_measure_on_red: true, measure_due_days: 30 } })
    const open = await aRisk(env, { title: 'Card fraud losses rise' })
    const retired = await assessedRisk(env, { title: 'Legacy card scheme' })
    await env.ok('ro', 'kri.linkRisk', { kri_id: k.id, risk_id: open.id })
    await env.ok('ro', 'kri.linkRisk', { kri_id: k.id, risk_id: retired.id })
    await moveRisk(env, 'ro', 'risk.retire', retired.id, { reason: 'The card scheme was discontinued last year.' })

    const red = await record(env, 'ro', k.id, '2026-04-01', '10.5')
    const measures = await measuresOf(k.id)
    expect(measures).toHaveLength(1)
    const m = measures[0]!
    const name = (await kriRow(env, k.id)).name
    expect(m).toMatchObject({
      status: 'OPEN',
      responsible_user_id: env.users['emp'],
      created_by_user_id: env.users['ro'],
      deadline: '2026-12-23',
      description: `KRI breach: ${name} = 10.5 count for 2026-04-01 to 2026-04-30 (red threshold 10)`,
    })
    expect(red.breach_measure_id).toBe(m.id)
    const links = await env.db.selectFrom('risk_measure').selectAll().where('measure_id', '=', m.id).execute()
    expect(links.map((l) => l.risk_id)).toEqual([open.id])
    expect((await auditOf(env, `${open.id}:${m.id}`))[0]).toMatchObject({ entity_type: 'risk_measure' })
    expect((await auditOf(env, m.id))[0]).toMatchObject({ action: 'kri.recordValue', reason: 'KRI_BREACH' })

    const values = await env.ok('emp', 'kri.values', { kri_id: k.id })
    expect(values.items[0]).toMatchObject({ breach_measure: { id: m.id, ref: m.ref, status: 'OPEN' } })
    // The owner (emp) can see and work on the measure: it is theirs.
    expect((await env.ok('emp', 'measure.get', { id: m.id })).responsible.id).toBe(env.users['emp'])

    // Within-band KRIs describe the red band.
    const band = await aKri(env, {
      thresholds: BAND,
      unit: '%',
      extra: { ...sinceJanuary, create_measure_on_red: true },
    })
    await record(env, 'ro', band.id, '2026-04-01', '95')
    const bandName = (await kriRow(env, band.id)).name
    expect((await measuresOf(band.id))[0]!.description).toBe(
      `KRI breach: ${bandName} = 95 % for 2026-04-01 to 2026-04-30 (red band ≤ 10 or ≥ 90)`,
    )
  })

  it('KRI-16 Red → Red raises nothing; Red → Green → Red notifies again without a second measure; Amber is silent', async () => {
    const k = await aKri(env, { extra: { ...sinceJanuary, create_measure_on_red: true } })
    await record(env, 'emp', k.id, '2026-05-01', '11')
    const breaches = () => kriNotifications(env, k.id, 'KRI_BREACH')
    expect(await breaches()).toHaveLength(2) // emp (the actor, as owner) and ro
    expect(await measuresOf(k.id)).toHaveLength(1)

    await correct(env, 'emp', k.id, '2026-05-01', '12')
    expect(await breaches()).toHaveLength(2)
    expect(await measuresOf(k.id)).toHaveLength(1)

    await correct(env, 'emp', k.id, '2026-05-01', '3')
    expect(await breaches()).toHaveLength(2)
    const again = await correct(env, 'emp', k.id, '2026-05-01', '15')
    const after = await breaches()
    expect(after).toHaveLength(4)
    expect(after.slice(2).every((n) => n.dedupe_key.includes(`:${again.id}:`))).toBe(true)
    expect(await measuresOf(k.id)).toHaveLength(1)
    expect(again.breach_measure_id).toBeNull()

    await record(env, 'emp', k.id, '2026-06-01', '7')
    expect(await breaches()).toHaveLength(4)
    const versions = await valuesOf(env, k.id)
    expect(versions.filter((v) => v.breach_measure_id !== null)).toHaveLength(1)
  })
})
