import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Session } from '#shared/catalogue/context'
import { seedOrganisation } from '#main/demo/seed'
import { startHarness } from '#main/harness/server'
import { registerIpc } from '#main/ipc/register'
import { argon2Passwords } from '#main/passwords'
import { openRuntime, type Runtime } from '#main/runtime'
import { TEST_PASSWORD } from '../support/engines'

// The same call through the dispatcher, the Electron IPC router and the browser harness must give the
// same typed error (audit-security §6, SEC-26 for the two desktop transports).
describe('typed errors are identical on every transport', () => {
  let dir: string
  let runtime: Runtime
  let harness: Awaited<ReturnType<typeof startHarness>>
  let ipcHandler: (event: unknown, name: unknown, input: unknown) => Promise<unknown>
  const sessions: Record<string, { cookie: string; session: Session }> = {}

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'riskdesk-transport-'))
    runtime = await openRuntime({ file: join(dir, 'riskdesk.sqlite'), logFile: null })
    await seedOrganisation(runtime.store.db, {
      mode: 'test',
      now: runtime.clock.now(),
      passwordHash: await argon2Passwords.hash(TEST_PASSWORD),
    })
    harness = await startHarness({ runtime, rendererRoot: dir, port: 0 })
    let current: Session | null = null
    registerIpc<Session>(
      { handle: (_channel, listener) => void (ipcHandler = listener as typeof ipcHandler) },
      {
        dispatcher: runtime.dispatcher,
        getSession: () => current,
        knownWebContentsIds: new Set([7]),
        allowedOrigins: ['app://riskdesk'],
        log: () => {},
      },
    )
    for (const user of ['emp', 'aud']) {
      const res = await fetch(`${harness.url}api/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'auth.signIn',
          input: { email: `${user}@riskdesk.test`, password: TEST_PASSWORD },
        }),
      })
      const body = (await res.json()) as { ok: boolean; value: { id: string } }
      expect(body.ok).toBe(true)
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
      sessions[user] = { cookie, session: { userId: body.value.id, locked: false } }
    }
    const viaIpc = async (user: string, name: string, input: unknown) => {
      current = sessions[user]!.session
      return ipcHandler({ senderFrame: { parent: null, origin: 'app://riskdesk' }, sender: { id: 7 } }, name, input)
    }
    transports.ipc = viaIpc
  })
  afterAll(async () => {
    await harness?.close()
    await runtime?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const transports: Record<string, (user: string, name: string, input: unknown) => Promise<unknown>> = {}
  const viaHarness = async (user: string, name: string, input: unknown) => {
    const res = await fetch(`${harness.url}api/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: sessions[user]!.cookie },
      body: JSON.stringify({ name, input }),
    })
    return { status: res.status, body: await res.json() }
  }
  const viaDispatcher = (user: string, name: string, input: unknown) =>
    runtime.dispatcher.call({ name, input, session: sessions[user]!.session })

  const cases: [string, string, string, unknown, number][] = [
    ['NOT_FOUND for a missing id', 'emp', 'incident.get', { id: '01936f5e-2222-7222-8222-222222222222' }, 404],
    ['VALIDATION for a malformed input', 'emp', 'incident.create', { title: '', description: 'x', extra: 1 }, 400],
    ['FORBIDDEN for a role gate', 'aud', 'incident.create', { title: 'x', description: 'y' }, 403],
    ['VALIDATION for an unknown command', 'emp', 'incident.nope', {}, 400],
  ]
  for (const [what, user, name, input, status] of cases) {
    it(`SEC-26 ${what}: deep-equal through the dispatcher, the IPC router and the harness (HTTP ${status})`, async () => {
      const direct = await viaDispatcher(user, name, input)
      expect(direct.ok).toBe(false)
      expect(await transports.ipc!(user, name, input)).toEqual(direct)
      const http = await viaHarness(user, name, input)
      expect(http.body).toEqual(direct)
      expect(http.status).toBe(status)
    })
  }

  it('the harness refuses a cross-site POST and a call without a session', async () => {
    const foreign = await fetch(`${harness.url}api/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example', cookie: sessions['emp']!.cookie },
      body: JSON.stringify({ name: 'incident.list', input: {} }),
    })
    expect(foreign.status).toBe(403)
    expect(await foreign.json()).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Request refused.' } })
    const anonymous = await fetch(`${harness.url}api/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'incident.list', input: {} }),
    })
    expect(await anonymous.json()).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Sign in to continue.' } })
  })
})
