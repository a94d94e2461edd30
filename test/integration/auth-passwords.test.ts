import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, footprint, TEST_PASSWORD, testEnv, type TestEnv } from '../support/engines'

const PHC = '$argon2id$v=19$m=19456,t=2,p=1$'
const INCORRECT = { ok: false, error: { code: 'FORBIDDEN', message: 'Email or password is incorrect.' } }
const blocked = (s: number) => ({
  ok: false,
  error: { code: 'FORBIDDEN', message: `Too many failed attempts. Try again in ${s} seconds.` },
})

describe.each(ENGINES)('SEC-14 first administrator on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine, { seed: 'none' })
  })
  afterAll(async () => env?.close())

  const form = (extra: Record<string, unknown> = {}) => ({
    organisation_name: 'Kestrel Bank',
    full_name: 'Ada Admin',
    email: 'ada@kestrel.test',
    password: 'twelve-chars',
    confirm_password: 'twelve-chars',
    ...extra,
  })
  const create = (input: unknown) => env.call(null, 'user.createFirstAdmin', input)

  it('SEC-14 a password shorter than 12 or longer than 128 characters is refused on the password field', async () => {
    for (const pw of ['elevenchars', '🔒'.repeat(11), 'x'.repeat(129)]) {
      const r = await create(form({ password: pw, confirm_password: pw }))
      expect(r.ok, pw).toBe(false)
      if (r.ok) continue
      expect(r.error).toMatchObject({
        code: 'VALIDATION',
        message: 'Password must be 12 to 128 characters.',
        fields: ['password'],
      })
    }
    expect(await footprint(env.db)).toMatchObject({ users: 0, audit_entry: 0 })
  })

  it('SEC-14 a confirmation that differs is refused on confirm_password with "Passwords do not match."', async () => {
    const r = await create(form({ confirm_password: 'twelve-charz' }))
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Passwords do not match.',
        issues: [{ path: ['confirm_password'], message: 'Passwords do not match.' }],
        fields: ['confirm_password'],
      },
    })
    expect(await footprint(env.db)).toMatchObject({ users: 0, audit_entry: 0 })
  })

  it('SEC-14 the created admin is stored as an Argon2id PHC string with the §3.2 parameters, never in clear', async () => {
    const r = await create(form())
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    const profile = r.value as Record<string, unknown>
    expect(profile).toMatchObject({ email: 'ada@kestrel.test', roles: ['admin'], must_change_password: false })
    expect(JSON.stringify(profile)).not.toContain('argon2')
    const row = await env.db.selectFrom('users').selectAll().executeTakeFirstOrThrow()
    expect(row.password_hash!.startsWith(PHC)).toBe(true)
    expect(row.password_hash).not.toContain('twelve-chars')
    // 16-byte salt and 32-byte tag, unpadded base64.
    const [salt, tag] = row.password_hash!.slice(PHC.length).split('$')
    expect([salt!.length, tag!.length]).toEqual([22, 43])
    const audit = await env.db.selectFrom('audit_entry').selectAll().orderBy('seq').execute()
    expect(audit.map((a) => [a.action, a.entity_type, a.actor_id])).toEqual([
      ['user.createFirstAdmin', 'settings', row.id],
      ['user.createFirstAdmin', 'user', row.id],
    ])
    expect(audit.map((a) => a.changes).join()).not.toContain('argon2')
    const signedIn = await env.call(null, 'auth.signIn', { email: 'ADA@kestrel.test', password: 'twelve-chars' })
    expect(signedIn.ok).toBe(true)
  })

  it('SEC-14 a second createFirstAdmin is FORBIDDEN and writes nothing', async () => {
    const before = await footprint(env.db)
    const r = await create(form({ email: 'eve@kestrel.test' }))
    expect(r).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'RiskDesk already has an administrator. Sign in instead.' },
    })
    expect(await footprint(env.db)).toEqual(before)
  })
})

describe.each(ENGINES)('SEC-14 sign-in and throttle on %s', (engine) => {
  let env: TestEnv
  beforeAll(async () => {
    env = await testEnv(engine)
  })
  afterAll(async () => env?.close())

  const signIn = (email: string, password: string) => env.call(null, 'auth.signIn', { email, password })
  const emp = async () =>
    env.db.selectFrom('users').selectAll().where('id', '=', env.users['emp']!).executeTakeFirstOrThrow()
  const entries = (action: string, actorLabel: string) =>
    env.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('action', '=', action)
      .where('actor_label', '=', actorLabel)
      .orderBy('seq')
      .execute()

  it('SEC-14 the test users are stored with Argon2id m=19456,t=2,p=1 hashes', async () => {
    const rows = await env.db.selectFrom('users').select('password_hash').execute()
    expect(rows.length).toBeGreaterThan(10)
    for (const r of rows) expect(r.password_hash!.startsWith(PHC)).toBe(true)
  })

  it('SEC-14 a wrong password and an unknown email get the same FORBIDDEN message; both are audited', async () => {
    expect(await signIn('emp@riskdesk.test', 'wrong-password-1')).toEqual(INCORRECT)
    expect(await signIn('nobody@riskdesk.test', TEST_PASSWORD)).toEqual(INCORRECT)
    const unknown = await entries('auth.signInFailed', 'nobody@riskdesk.test')
    expect(unknown.map((e) => [e.actor_id, e.entity_type, e.entity_id])).toEqual([[null, 'user', 'unknown']])
    const known = await entries('auth.signInFailed', 'emp@riskdesk.test')
    expect(known.map((e) => [e.actor_id, e.entity_id, JSON.parse(e.changes)])).toEqual([
      [env.users['emp'], env.users['emp'], [{ field: 'failed_sign_ins', before: 0, after: 1 }]],
    ])
    expect((await emp()).failed_sign_ins).toBe(1)
  })

  it('SEC-14 5 wrong passwords block for 30 s even with the right password; the 6th blocks for 60 s', async () => {
    for (let i = 2; i <= 4; i++) {
      expect(await signIn('emp@riskdesk.test', `wrong-password-${i}`)).toEqual(INCORRECT)
      expect(await emp()).toMatchObject({ failed_sign_ins: i, sign_in_blocked_until: null })
    }
    const fifthAt = env.clock.now()
    expect(await signIn('emp@riskdesk.test', 'wrong-password-5')).toEqual(INCORRECT)
    expect(await emp()).toMatchObject({
      failed_sign_ins: 5,
      sign_in_blocked_until: new Date(Date.parse(fifthAt) + 30_000).toISOString(),
    })
    const auditedBefore = (await entries('auth.signInFailed', 'emp@riskdesk.test')).length
    expect(await signIn('emp@riskdesk.test', TEST_PASSWORD)).toEqual(blocked(30))
    env.clock.advance(10_000)
    expect(await signIn('emp@riskdesk.test', TEST_PASSWORD)).toEqual(blocked(20))
    expect((await emp()).failed_sign_ins).toBe(5)
    expect(await entries('auth.signInFailed', 'emp@riskdesk.test')).toHaveLength(auditedBefore)

    env.clock.advance(21_000)
    const sixthAt = env.clock.now()
    expect(await signIn('emp@riskdesk.test', 'wrong-password-6')).toEqual(INCORRECT)
    expect(await emp()).toMatchObject({
      failed_sign_ins: 6,
      sign_in_blocked_until: new Date(Date.parse(sixthAt) + 60_000).toISOString(),
    })
    expect(await signIn('emp@riskdesk.test', TEST_PASSWORD)).toEqual(blocked(60))
    const failed = await entries('auth.signInFailed', 'emp@riskdesk.test')
    expect(failed).toHaveLength(6)
    expect(JSON.parse(failed[5]!.changes)).toEqual([
      { field: 'failed_sign_ins', before: 5, after: 6 },
      {
        field: 'sign_in_blocked_until',
        before: new Date(Date.parse(fifthAt) + 30_000).toISOString(),
        after: new Date(Date.parse(sixthAt) + 60_000).toISOString(),
      },
    ])
  })

  it('SEC-14 a correct password after the block signs in, resets the counter and appends auth.signIn', async () => {
    env.clock.advance(61_000)
    const r = await signIn('EMP@riskdesk.test', TEST_PASSWORD)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toMatchObject({ id: env.users['emp'], email: 'emp@riskdesk.test' })
    expect(JSON.stringify(r.value)).not.toMatch(/argon2|password_hash|failed_sign_ins|sign_in_blocked/)
    expect(await emp()).toMatchObject({
      failed_sign_ins: 0,
      sign_in_blocked_until: null,
      last_sign_in_at: env.clock.now(),
    })
    const ok = await entries('auth.signIn', 'emp@riskdesk.test')
    expect(ok.map((e) => [e.actor_id, e.at, e.changes])).toEqual([[env.users['emp'], env.clock.now(), '[]']])
    // The counter starts again from zero: one more failure does not block.
    expect(await signIn('emp@riskdesk.test', 'wrong-again-1')).toEqual(INCORRECT)
    expect(await emp()).toMatchObject({ failed_sign_ins: 1, sign_in_blocked_until: null })
  })
})
