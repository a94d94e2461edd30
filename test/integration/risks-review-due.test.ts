import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, testEnv, type TestEnv } from '../support/engines'
import { activeRisk, aControl, day, move, notificationsOf, T0 } from './risks-support'

describe.each(ENGINES)('risk review-due sweep on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
    env.clock.set(T0)
  })
  afterAll(async () => env?.close())

  const sweep = async () => {
    const r = await env.dispatcher.runJob('risk.sweepReviewDue')
    expect(r.ok).toBe(true)
    return r.ok ? (r.value as { due: number; created: number }) : null
  }
  const queue = async (user: string) =>
    (await env.ok(user, 'risk.list', { queue: 'DUE_FOR_REASSESSMENT', limit: 100 })).items.map(
      (i: { id: string }) => i.id,
    ) as string[]

  it('RSK-32 past its review date an ACTIVE risk is due; two sweeps notify the owner exactly once', async () => {
    const r = await activeRisk(env)
    await move(env, 'ro', 'risk.requestReassessment', r.id)
    await move(env, 'ro', 'risk.approve', r.id, { next_review_date: day(10) })
    const notDue = await activeRisk(env, { control: (await aControl(env)).id })
    expect(await queue('ro')).not.toContain(r.id)
    await sweep()
    expect(await notificationsOf(env, r.id, 'RISK_REVIEW_DUE')).toEqual([])

    env.clock.set(`${day(11)}T08:00:00.000Z`)
    expect(await queue('ro')).toContain(r.id)
    expect(await queue('mgr')).toContain(r.id)
    expect(await queue('ro')).not.toContain(notDue.id)
    await sweep()
    const second = await sweep()
    expect(second?.created).toBe(0)
    const sent = await notificationsOf(env, r.id, 'RISK_REVIEW_DUE')
    expect(sent.filter((n) => n.user === 'mgr')).toHaveLength(1)
    expect(sent.map((n) => n.user).sort()).toEqual(['mgr', 'ro'])
    expect(sent[0]!.payload.message).toBe(
      `Risk ${r.ref} 'Core banking outage in branches' was due for reassessment on ${day(10)}.`,
    )
    expect(sent[0]!.dedupe_key).toMatch(new RegExp(`^RISK:${r.id}:RISK_REVIEW_DUE:${day(10)}:`))
    const [row] = await env.db
      .selectFrom('notification')
      .select(['priority', 'requires_action'])
      .where('id', '=', sent[0]!.id)
      .execute()
    expect(row).toEqual({ priority: 'HIGH', requires_action: 1 })
    env.clock.set(T0)
  })
})
