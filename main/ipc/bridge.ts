// window.riskdesk, built from injected ipcRenderer and command names (audit-security.md §5, E11).
// Bundled into the sandboxed preload: no runtime imports beyond this folder.
import type { Result } from '#shared/core/errors'
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels'

type IpcListener = (event: unknown, ...args: unknown[]) => void

export interface BridgeIpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: IpcListener): unknown
  removeListener(channel: string, listener: IpcListener): unknown
}

export interface ContextBridgeLike {
  exposeInMainWorld(apiKey: string, api: unknown): void
}

export interface BridgeDeps {
  ipcRenderer: BridgeIpcRenderer
  names: readonly string[]
  appVersion: string
}

export interface RiskdeskBridge {
  call(name: string, input?: unknown): Promise<Result<unknown>>
  on(event: string, listener: (payload: unknown) => void): () => void
  readonly appVersion: string
}

const unknownCommand = (): Result<never> => ({
  ok: false,
  error: {
    code: 'VALIDATION',
    message: 'Unknown command.',
    issues: [{ path: ['name'], message: 'Unknown command.' }],
  },
})

export function createBridge({ ipcRenderer, names, appVersion }: BridgeDeps): RiskdeskBridge {
  // Copied once: a later change to the caller's array cannot widen what the page may send.
  const known = new Set(names)

  const call = (name: string, input?: unknown): Promise<Result<unknown>> => {
    if (typeof name !== 'string' || !known.has(name)) return Promise.resolve(unknownCommand())
    return ipcRenderer.invoke(CALL_CHANNEL, name, input) as Promise<Result<unknown>>
  }

  const on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (typeof event !== 'string' || typeof listener !== 'function')
      throw new TypeError('riskdesk.on(event, listener) needs an event name and a function.')
    // The IPC event object carries `sender` (the ipcRenderer itself): it must never reach the page.
    const forward: IpcListener = (_ipcEvent, name, payload) => {
      if (name === event) listener(payload)
    }
    ipcRenderer.on(EVENT_CHANNEL, forward)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward)
    }
  }

  return Object.freeze({ call, on, appVersion })
}

/** Exactly one exposure, under the one name the renderer knows. */
export function installBridge(contextBridge: ContextBridgeLike, deps: BridgeDeps): void {
  contextBridge.exposeInMainWorld('riskdesk', createBridge(deps))
}
