import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Session } from '#shared/catalogue/context'
import { seedOrganisation } from '#main/demo/seed'
import { startHarness } from '#main/harness/server'
import { argon2Passwords } from '#main/passwords'
import { openRuntime, type Runtime } from '#main/runtime'
import { TEST_PASSWORD } from '../support/engines'
import { sha256Of, userFile } from './controls-support'

// The host side of the evidence store (controls.md §6.1): the browser harness's upload and download routes,
// and the desktop's dialog and "open a copy" hooks reached through the catalogue. The desktop runtime is
// SQLite only, so these run on SQLite.
describe('evidence files through the harness and the desktop hooks', () => {
  let dir: string
  let runtime: Runtime
  let harness: Awaited<ReturnType<typeof startHarness>>
  const cookies: Record<string, string> = {}
  const ids: Record<string, string> = {}
  let picked: string | null = null
  const opened: string[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'riskdesk-evidence-host-'))
    runtime = await openRuntime({
      file: join(dir, 'riskdesk.sqlite'),
      logFile: null,
      evidenceHooks: { pickFile: async () => picked, openPath: async (p) => void opened.push(p) },
    })
    await seedOrganisation(runtime.store.db, {
      mode: 'test',
      now: runtime.clock.now(),
      passwordHash: await argon2Passwords.hash(TEST_PASSWORD),
    })
    harness = await startHarness({ runtime, rendererRoot: dir, port: 0 })
    for (const user of ['ro', 'aud', 'ro2']) {
      const res = await fetch(`${harness.url}api/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'auth.signIn',
          input: { email: `${user}@riskdesk.test`, password: TEST_PASSWORD },
        }),
      })
      const body = (await res.json()) as { value: { id: string } }
      ids[user] = body.value.id
      cookies[user] = (res.headers.get('set-cookie') ?? '').split(';')[0]!
    }
  })
  afterAll(async () => {
    await harness?.close()
    await runtime?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const as = (user: string): Session => ({ userId: ids[user]!, locked: false })
  const call = (user: string, name: string, input: unknown) =>
    runtime.dispatcher.call({ name, input, session: as(user) })
  const upload = (user: string | null, body: string, name = 'policy.pdf') =>
    fetch(`${harness.url}evidence/upload?name=${encodeURIComponent(name)}&type=application%2Fpdf`, {
      method: 'POST',
      headers: user ? { cookie: cookies[user]! } : {},
      body,
    })

  it('the harness streams an upload into the store and downloads it for users who see a revision', async () => {
    const bytes = 'Access policy v3, approved by the board.'
    const res = await upload('ro', bytes)
    expect(res.status).toBe(200)
    const file = ((await res.json()) as { value: Record<string, unknown> }).value
    expect(file).toEqual({
      file_sha256: sha256Of(bytes),
      file_name: 'policy.pdf',
      file_size: Buffer.byteLength(bytes),
      media_type: 'application/pdf',
    })
    expect(readFileSync(join(dir, 'evidence', sha256Of(bytes).slice(0, 2), sha256Of(bytes)), 'utf8')).toBe(bytes)

    const empty = await upload('ro', '')
    expect(empty.status).toBe(400)
    expect(await empty.json()).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'The file is empty.' },
    })
    expect((await upload('aud', bytes)).status).toBe(403)
    expect((await upload(null, bytes)).status).toBe(403)

    const bu = await runtime.store.db
      .selectFrom('business_unit')
      .select('id')
      .where('code', '=', 'RETAIL')
      .executeTakeFirstOrThrow()
    const control = await call('ro', 'control.create', {
      title: 'Access policy',
      description: 'The access policy is reviewed yearly.',
      control_frequency: 'ANNUALLY',
      business_unit_id: bu.id,
      owner_id: ids.ro,
    })
    expect(control.ok).toBe(true)
    const evidence = await call('ro', 'evidence.create', {
      control_id: (control as { value: { id: string } }).value.id,
      title: 'Approved policy',
      kind: 'DOCUMENT',
      revision: { ...file, collected_at: runtime.clock.now() },
    })
    expect(evidence).toMatchObject({ ok: true })

    const download = (user: string | null) =>
      fetch(`${harness.url}evidence/file/${sha256Of(bytes)}`, { headers: user ? { cookie: cookies[user]! } : {} })
    const got = await download('aud')
    expect(got.status).toBe(200)
    expect(got.headers.get('content-disposition')).toContain('attachment; filename="policy.pdf"')
    expect(await got.text()).toBe(bytes)
    expect((await download('ro2')).status).toBe(404)
    expect((await download(null)).status).toBe(403)
    expect(
      (await fetch(`${harness.url}evidence/file/..%2F..%2Friskdesk.sqlite`, { headers: { cookie: cookies.aud! } }))
        .status,
    ).toBe(400)
  })

  it('the desktop picks a file through its dialog hook and opens a temporary copy with the system app', async () => {
    const bytes = 'Screenshot of the MFA console.'
    picked = userFile(bytes, 'mfa-console.png')
    const r = await call('ro', 'evidence.pickFile', {})
    expect(r).toMatchObject({
      ok: true,
      value: { file: { file_sha256: sha256Of(bytes), file_name: 'mfa-console.png', media_type: 'image/png' } },
    })
    picked = null
    expect(await call('ro', 'evidence.pickFile', {})).toMatchObject({ ok: true, value: { file: null } })
    expect(await call('aud', 'evidence.pickFile', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const stored = join(dir, 'evidence', sha256Of(bytes).slice(0, 2), sha256Of(bytes))
    // Not yet named by a visible revision: nobody may open it.
    expect(await call('aud', 'evidence.openFile', { file_sha256: sha256Of(bytes) })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    const control = await runtime.store.db.selectFrom('control').select('id').executeTakeFirstOrThrow()
    const file = (r as { value: { file: Record<string, unknown> } }).value.file
    expect(
      await call('ro', 'evidence.create', {
        control_id: control.id,
        title: 'MFA console',
        kind: 'SCREENSHOT',
        revision: { ...file, collected_at: runtime.clock.now() },
      }),
    ).toMatchObject({ ok: true })
    expect(await call('aud', 'evidence.openFile', { file_sha256: sha256Of(bytes) })).toMatchObject({ ok: true })
    expect(opened).toHaveLength(1)
    expect(basename(opened[0]!)).toBe('mfa-console.png')
    expect(opened[0]!.startsWith(stored)).toBe(false)
    expect(readFileSync(opened[0]!, 'utf8')).toBe(bytes)
    expect(existsSync(stored) && statSync(stored).mode & 0o222).toBe(0)
  })
})
