// Window options and start-up order (audit-security.md §5, E1–E2). Only types come from electron so the
// rules are testable in plain Node.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'
import path from 'node:path'

export type WindowKind = 'main' | 'print' | 'about'

export interface WindowOptionsInput {
  preloadPath: string
  isPackaged: boolean
  kind?: WindowKind
}

/** E1: identical for every window kind; only the frame around it differs. */
export function webPreferences({ preloadPath, isPackaged }: WindowOptionsInput): WebPreferences {
  // Electron resolves a relative preload against the working directory, which a user controls.
  if (!path.isAbsolute(preloadPath)) throw new Error('preloadPath must be absolute.')
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    devTools: !isPackaged,
    preload: preloadPath,
  }
}

const FRAMES: Record<WindowKind, BrowserWindowConstructorOptions> = {
  main: { width: 1280, height: 800, minWidth: 960, minHeight: 600 },
  // Print-to-PDF renders off screen; it is never shown.
  print: { width: 794, height: 1123 },
  about: { width: 420, height: 320, resizable: false, minimizable: false, maximizable: false },
}

export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...FRAMES[input.kind ?? 'main'],
    title: 'RiskDesk',
    // Shown on 'ready-to-show' so the user never sees an unstyled page.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: webPreferences(input),
  }
}

export interface StartableApp {
  enableSandbox(): void
  requestSingleInstanceLock(): boolean
  quit(): void
  whenReady(): Promise<unknown>
  on(event: 'second-instance', listener: () => void): unknown
}

export interface StartDeps {
  /** Work that Electron only accepts before 'ready': privileged schemes, app-wide guards. */
  beforeReady(): void
  onReady(): Promise<void> | void
  onSecondInstance(): void
  onFatal(error: unknown): void
}

/** E2: returns false when another instance owns the lock (this one then quits). */
export function startApp(app: StartableApp, deps: StartDeps): boolean {
  // Must precede 'ready': afterwards Electron ignores it and renderers would start unsandboxed.
  app.enableSandbox()
  // Two instances on one SQLite file would fight over the write lock and the audit chain head.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  deps.beforeReady()
  app.on('second-instance', () => deps.onSecondInstance())
  app
    .whenReady()
    .then(() => deps.onReady())
    .catch((error: unknown) => deps.onFatal(error))
  return true
}
