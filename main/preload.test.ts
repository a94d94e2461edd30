import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import { createBridge, installBridge, type BridgeIpcRenderer, type RiskdeskBridge } from './ipc/bridge'

type Listener = (event: unknown, ...args: unknown[]) => void

function fakeIpcRenderer() {
  const invoked: unknown[][] = []
  const listeners = new Map<string, Set<Listener>>()
  const ipc = {
    invoked,
    listeners,
    invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, value: 'from main' }),
    on(channel: string, listener: Listener) {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener))
      return ipc
    },
    removeListener(channel: string, listener: Listener) {
      listeners.get(channel)?.delete(listener)
      return ipc
    },
    // What Electron passes as the first listener argument: it holds the ipcRenderer itself.
    emit(channel: string, ...args: unknown[]) {
      for (const l of listeners.get(channel) ?? []) l({ sender: ipc, ports: [] }, ...args)
    },
  }
  return ipc
}

function fakeContextBridge() {
  const exposed: [string, unknown][] = []
  return { exposed, exposeInMainWorld: (key: string, api: unknown) => void exposed.push([key, api]) }
}

const NAMES = ['incident.list', 'incident.create']
const UNKNOWN = {
  ok: false,
  error: { code: 'VALIDATION', message: 'Unknown command.', issues: [{ path: ['name'], message: 'Unknown command.' }] },
}

/** Walks every reachable value (including function properties) looking for `needle`. */
function reaches(value: unknown, needle: unknown, seen = new Set<unknown>()): boolean {
  if (value === needle) return true
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return false
  seen.add(value)
  return Reflect.ownKeys(value).some((k) => reaches((value as Record<PropertyKey, unknown>)[k], needle, seen))
}

function exposedBridge(ipc: BridgeIpcRenderer = fakeIpcRenderer()) {
  const contextBridge = fakeContextBridge()
  installBridge(contextBridge, { ipcRenderer: ipc, names: NAMES, appVersion: '1.2.3' })
  return contextBridge
}

describe('SEC-24 preload bridge (E11)', () => {
  it('SEC-24 E11: exposes one frozen object window.riskdesk with keys exactly call, on, appVersion', () => {
    const ipc = fakeIpcRenderer()
    const { exposed } = exposedBridge(ipc)
    expect(exposed).toHaveLength(1)
    const [key, api] = exposed[0] ?? []
    expect(key).toBe('riskdesk')
    expect(Reflect.ownKeys(api as object).sort()).toEqual(['appVersion', 'call', 'on'])
    expect(Object.isFrozen(api)).toBe(true)
    expect((api as RiskdeskBridge).appVersion).toBe('1.2.3')
    expect(reaches(api, ipc)).toBe(false)
  })

  it('SEC-24 E11: a catalogue name is forwarded on riskdesk:call', async () => {
    const ipc = fakeIpcRenderer()
    const bridge = createBridge({ ipcRenderer: ipc, names: NAMES, appVersion: '1' })
    expect(await bridge.call('incident.create', { title: 'Fire' })).toEqual({ ok: true, value: 'from main' })
    expect(ipc.invoked).toEqual([['riskdesk:call', 'incident.create', { title: 'Fire' }]])
  })

  it.each<unknown>([
    'admin.dropDatabase',
    '',
    'constructor',
    '__proto__',
    'toString',
    42,
    null,
    { toString: () => 'incident.list' },
  ])('SEC-24 E11: unknown name %j is refused without an IPC send', async (name) => {
    const ipc = fakeIpcRenderer()
    const bridge = createBridge({ ipcRenderer: ipc, names: NAMES, appVersion: '1' })
    expect(await bridge.call(name as string, {})).toEqual(UNKNOWN)
    expect(ipc.invoked).toEqual([])
  })

  it('SEC-24 E11: later changes to the injected names do not widen the list', async () => {
    const ipc = fakeIpcRenderer()
    const names = [...NAMES]
    const bridge = createBridge({ ipcRenderer: ipc, names, appVersion: '1' })
    names.push('admin.dropDatabase')
    expect(await bridge.call('admin.dropDatabase')).toEqual(UNKNOWN)
    expect(ipc.invoked).toEqual([])
  })

  it('SEC-24 E11: on() passes only the payload of its event and unsubscribes', () => {
    const ipc = fakeIpcRenderer()
    const bridge = createBridge({ ipcRenderer: ipc, names: NAMES, appVersion: '1' })
    const received: unknown[][] = []
    const off = bridge.on('sync.status', (...args: unknown[]) => void received.push(args))
    ipc.emit('riskdesk:event', 'sync.status', { state: 'online' })
    ipc.emit('riskdesk:event', 'audit.appended', { seq: 4 })
    expect(received).toEqual([[{ state: 'online' }]])
    expect(reaches(received, ipc)).toBe(false)
    off()
    ipc.emit('riskdesk:event', 'sync.status', { state: 'offline' })
    expect(received).toHaveLength(1)
    expect(ipc.listeners.get('riskdesk:event')?.size).toBe(0)
  })

  it('SEC-24 E11: on() refuses a non-function listener', () => {
    const bridge = createBridge({ ipcRenderer: fakeIpcRenderer(), names: NAMES, appVersion: '1' })
    expect(() => bridge.on('sync.status', 'alert(1)' as unknown as () => void)).toThrow(TypeError)
  })

  it('SEC-24 E11: the bundled preload needs only electron and exposes only window.riskdesk', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./preload.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'browser',
      external: ['electron'],
      define: { __RISKDESK_VERSION__: JSON.stringify('9.9.9') },
      logLevel: 'silent',
      plugins: [
        {
          name: 'stub-command-names',
          setup(b) {
            b.onResolve({ filter: /^#shared\/catalogue\/names$/ }, () => ({ path: 'names', namespace: 'stub' }))
            b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
              contents: `export const COMMAND_NAMES = ${JSON.stringify(NAMES)}`,
              loader: 'ts',
            }))
          },
        },
      ],
    })
    const code = result.outputFiles[0]?.text ?? ''
    const ipc = fakeIpcRenderer()
    const contextBridge = fakeContextBridge()
    const required: string[] = []
    const module = { exports: {} }
    vm.runInNewContext(code, {
      module,
      exports: module.exports,
      require: (id: string) => (required.push(id), { contextBridge, ipcRenderer: ipc }),
    })
    expect(required).toEqual(['electron'])
    expect(contextBridge.exposed.map(([key]) => key)).toEqual(['riskdesk'])
    const api = contextBridge.exposed[0]?.[1] as RiskdeskBridge
    expect(Reflect.ownKeys(api).sort()).toEqual(['appVersion', 'call', 'on'])
    expect(api.appVersion).toBe('9.9.9')
    expect(reaches(api, ipc)).toBe(false)
    expect(await api.call('nope')).toEqual(UNKNOWN)
    expect(await api.call('incident.list', {})).toEqual({ ok: true, value: 'from main' })
    expect(ipc.invoked).toEqual([['riskdesk:call', 'incident.list', {}]])
  })
})
