import { describe, expect, it } from 'vitest'
import { startApp, windowOptions, type StartDeps, type WindowKind } from './window'

const PRELOAD = '/opt/RiskDesk/resources/app.asar/dist/main/preload.cjs'
const KINDS: WindowKind[] = ['main', 'print', 'about']

const expected = (devTools: boolean) => ({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  devTools,
  preload: PRELOAD,
})

describe('SEC-19 window options (E1)', () => {
  it.each(KINDS)('SEC-19 E1: %s window webPreferences deep-equal the rule (packaged: no devTools)', (kind) => {
    const options = windowOptions({ kind, preloadPath: PRELOAD, isPackaged: true })
    // toStrictEqual also fails on any extra key, e.g. enableBlinkFeatures.
    expect(options.webPreferences).toStrictEqual(expected(false))
    expect(Object.keys(options.webPreferences ?? {})).not.toContain('enableBlinkFeatures')
  })

  it.each(KINDS)('SEC-19 E1: %s window keeps devTools only in unpackaged builds', (kind) => {
    expect(windowOptions({ kind, preloadPath: PRELOAD, isPackaged: false }).webPreferences).toStrictEqual(
      expected(true),
    )
  })

  it('SEC-19 E1: the default kind is the main window and windows start hidden', () => {
    const options = windowOptions({ preloadPath: PRELOAD, isPackaged: true })
    expect(options).toEqual(windowOptions({ kind: 'main', preloadPath: PRELOAD, isPackaged: true }))
    expect(options.show).toBe(false)
  })

  it('SEC-19 E1: a relative preload path is refused', () => {
    expect(() => windowOptions({ preloadPath: 'dist/main/preload.cjs', isPackaged: true })).toThrow(/absolute/)
  })
})

function fakeApp(lock: boolean) {
  const calls: string[] = []
  let ready: () => void = () => undefined
  const readyPromise = new Promise<void>((resolve) => (ready = resolve))
  const listeners = new Map<string, () => void>()
  const app = {
    calls,
    listeners,
    fireReady: () => {
      calls.push('ready')
      ready()
    },
    enableSandbox: () => void calls.push('enableSandbox'),
    requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), lock),
    quit: () => void calls.push('quit'),
    whenReady: () => (calls.push('whenReady'), readyPromise),
    on: (event: string, listener: () => void) => void listeners.set(event, listener),
  }
  const deps: StartDeps = {
    beforeReady: () => void calls.push('beforeReady'),
    onReady: () => void calls.push('onReady'),
    onSecondInstance: () => void calls.push('onSecondInstance'),
    onFatal: () => void calls.push('onFatal'),
  }
  return { app, deps }
}

const flush = () => new Promise((r) => setTimeout(r, 0))

describe('SEC-19 start-up order (E2)', () => {
  it('SEC-19 E2: enableSandbox and the single-instance lock come before ready; onReady only after', async () => {
    const { app, deps } = fakeApp(true)
    expect(startApp(app, deps)).toBe(true)
    await flush()
    expect(app.calls).toEqual(['enableSandbox', 'requestSingleInstanceLock', 'beforeReady', 'whenReady'])
    app.fireReady()
    await flush()
    expect(app.calls).toEqual([
      'enableSandbox',
      'requestSingleInstanceLock',
      'beforeReady',
      'whenReady',
      'ready',
      'onReady',
    ])
  })

  it('SEC-19 E2: a second instance quits without opening anything', async () => {
    const { app, deps } = fakeApp(false)
    expect(startApp(app, deps)).toBe(false)
    app.fireReady()
    await flush()
    expect(app.calls).toEqual(['enableSandbox', 'requestSingleInstanceLock', 'quit', 'ready'])
  })

  it('SEC-19 E2: the first instance is focused when a second one starts', () => {
    const { app, deps } = fakeApp(true)
    startApp(app, deps)
    app.listeners.get('second-instance')?.()
    expect(app.calls).toContain('onSecondInstance')
  })

  it('SEC-19 E2: a failing onReady reaches onFatal', async () => {
    const { app, deps } = fakeApp(true)
    startApp(app, { ...deps, onReady: () => Promise.reject(new Error('db')) })
    app.fireReady()
    await flush()
    expect(app.calls.at(-1)).toBe('onFatal')
  })
})
