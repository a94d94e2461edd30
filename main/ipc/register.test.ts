import { describe, expect, it } from 'vitest'
import { APP_ORIGIN } from '../security'
import { allowedOrigins, isTrustedSender, registerIpc, sendEvent, type InvokeEvent, type SenderFrame } from './register'

type Handler = (event: InvokeEvent, ...args: unknown[]) => unknown

const WINDOW_ID = 7
const topFrame = (origin = APP_ORIGIN): SenderFrame => ({ parent: null, origin })

function setup(origins = allowedOrigins()) {
  const handlers = new Map<string, Handler>()
  const ipcMain = {
    handle(channel: string, listener: Handler) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, listener)
    },
  }
  const dispatched: unknown[] = []
  const logs: [string, Record<string, unknown>][] = []
  const session = { userId: 'u1' }
  registerIpc(ipcMain, {
    dispatcher: {
      call: async (req) => (dispatched.push(req), { ok: true, value: 'done' }),
    },
    getSession: () => session,
    knownWebContentsIds: new Set([WINDOW_ID]),
    allowedOrigins: origins,
    log: (event, fields) => void logs.push([event, fields]),
  })
  const invoke = (senderFrame: SenderFrame | null, senderId = WINDOW_ID) =>
    handlers.get('riskdesk:call')?.({ senderFrame, sender: { id: senderId } }, 'incident.list', { page: 1 })
  return { handlers, dispatched, logs, session, invoke }
}

const REFUSED = { ok: false, error: { code: 'FORBIDDEN', message: 'Request refused.' } }

describe('SEC-23 IPC sender check (E9)', () => {
  it('SEC-23 E9: registers exactly one handler, on riskdesk:call', () => {
    expect([...setup().handlers.keys()]).toEqual(['riskdesk:call'])
  })

  it('SEC-23 E9: a top frame of a known window at app://riskdesk reaches the dispatcher with the session', async () => {
    const { invoke, dispatched, logs, session } = setup()
    expect(await invoke(topFrame())).toEqual({ ok: true, value: 'done' })
    expect(dispatched).toEqual([{ name: 'incident.list', input: { page: 1 }, session }])
    expect(logs).toEqual([])
  })

  const detachedFrame: SenderFrame = { parent: null, origin: APP_ORIGIN, detached: true }
  const disposedFrame = {
    parent: null,
    get origin(): string {
      throw new Error('Render frame was disposed before WebFrameMain could be accessed')
    },
  }
  const REFUSALS: [string, SenderFrame | null, number, string][] = [
    ['null frame', null, WINDOW_ID, 'no_frame'],
    ['sub-frame', { parent: topFrame(), origin: APP_ORIGIN }, WINDOW_ID, 'sub_frame'],
    ['foreign origin', topFrame('https://evil.example'), WINDOW_ID, 'foreign_origin'],
    ['opaque origin', topFrame('null'), WINDOW_ID, 'foreign_origin'],
    ['file origin', topFrame('file://'), WINDOW_ID, 'foreign_origin'],
    ['dev origin in a build without one', topFrame('http://localhost:5173'), WINDOW_ID, 'foreign_origin'],
    ['unknown webContents', topFrame(), 99, 'unknown_web_contents'],
    ['detached frame', detachedFrame, WINDOW_ID, 'detached_frame'],
    ['disposed frame', disposedFrame, WINDOW_ID, 'detached_frame'],
  ]

  it.each(REFUSALS)('SEC-23 E9: %s → FORBIDDEN, dispatcher never called', async (_label, frame, id, reason) => {
    const { invoke, dispatched, logs } = setup()
    expect(await invoke(frame, id)).toEqual(REFUSED)
    expect(dispatched).toEqual([])
    expect(logs).toHaveLength(1)
    expect(logs[0]?.[0]).toBe('ipc_sender_rejected')
    expect(logs[0]?.[1]).toMatchObject({ reason, webContentsId: id, name: 'incident.list' })
    expect(JSON.stringify(logs[0])).not.toContain('page')
    expect(isTrustedSender(frame, id, new Set([WINDOW_ID]), allowedOrigins())).toBe(false)
  })

  it('SEC-23 E9: the dev origin is accepted only when given', async () => {
    const dev = 'http://localhost:5173'
    expect(allowedOrigins()).toEqual([APP_ORIGIN])
    expect(allowedOrigins(dev)).toEqual([APP_ORIGIN, dev])
    const { invoke, dispatched } = setup(allowedOrigins(dev))
    expect(await invoke(topFrame(dev))).toEqual({ ok: true, value: 'done' })
    expect(dispatched).toHaveLength(1)
    expect(isTrustedSender(topFrame(dev), WINDOW_ID, new Set([WINDOW_ID]), allowedOrigins())).toBe(false)
  })

  it('SEC-23 E9: each refusal is a fresh object', async () => {
    const { invoke } = setup()
    const first = (await invoke(null)) as { error: { message: string } }
    first.error.message = 'tampered'
    expect(await invoke(null)).toEqual(REFUSED)
  })

  it('SEC-23: events go out on riskdesk:event as (name, payload)', () => {
    const sent: unknown[][] = []
    sendEvent({ send: (...args: unknown[]) => void sent.push(args) }, 'sync.status', { state: 'online' })
    expect(sent).toEqual([['riskdesk:event', 'sync.status', { state: 'online' }]])
  })
})
