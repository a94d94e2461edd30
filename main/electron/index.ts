// Electron entry (bundled to dist/main/electron.cjs). Thin glue: every rule it applies lives in a tested
// module; this file only wires them to the real Electron objects and is never imported by tests.
//
// Expected from '#main/runtime' (written elsewhere):
//   openDesktopRuntime(dataDir: string): Promise<DesktopRuntime> | DesktopRuntime
//   DesktopRuntime = {
//     dispatcher: { call(req: { name: unknown; input: unknown; session: Session | null }): Promise<Result<unknown>> }
//     sessions: { current(): Session | null }
//     close(): Promise<void> | void
//   }
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron'
import path from 'node:path'
import { openDesktopRuntime } from '#main/runtime'
import { allowedOrigins, registerIpc } from '../ipc/register'
import {
  APP_ORIGIN,
  APP_SCHEME,
  createAppProtocolHandler,
  installAppGuards,
  installPermissionHandlers,
} from '../security'
import { startApp, windowOptions } from '../window'

// Layout inside the packaged app (electron-builder `files`): dist/main/{electron,preload}.cjs, dist/renderer/.
const appRoot = app.getAppPath()
const preloadPath = path.join(appRoot, 'dist', 'main', 'preload.cjs')
const rendererRoot = path.join(appRoot, 'dist', 'renderer')
// Development only: the Vite dev server; a packaged build ignores the variable entirely.
const devUrl = app.isPackaged ? undefined : process.env['RISKDESK_DEV_URL']
const startUrl = devUrl ?? `${APP_ORIGIN}/index.html`

const knownWebContentsIds = new Set<number>()
let mainWindow: BrowserWindow | null = null
let runtime: Awaited<ReturnType<typeof openDesktopRuntime>> | null = null

const log = (event: string, fields: Record<string, unknown>) =>
  console.warn(JSON.stringify({ at: new Date().toISOString(), level: 'warn', event, ...fields }))

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions({ kind: 'main', preloadPath, isPackaged: app.isPackaged }))
  const id = win.webContents.id
  knownWebContentsIds.add(id)
  win.on('closed', () => {
    knownWebContentsIds.delete(id)
    if (mainWindow === win) mainWindow = null
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(startUrl)
  return win
}

async function onReady(): Promise<void> {
  installPermissionHandlers(session.defaultSession)
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot))
  // scripts/start.sh points the window at the demo database it prepared; otherwise the OS's app-data folder.
  const dataArg = process.argv.find((a) => a.startsWith('--riskdesk-data='))
  runtime = await openDesktopRuntime(
    dataArg ? path.resolve(dataArg.slice('--riskdesk-data='.length)) : app.getPath('userData'),
    // Evidence files (controls.md §6.1) go through the one catalogue channel; main shows the dialog and
    // opens the temporary copy, the renderer never touches a path.
    {
      async pickFile() {
        const options = { title: 'Attach evidence file', properties: ['openFile' as const] }
        const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
        return r.canceled ? null : (r.filePaths[0] ?? null)
      },
      async openPath(file) {
        const error = await shell.openPath(file)
        if (error) throw new Error(error)
      },
    },
  )
  const current = runtime
  registerIpc(ipcMain, {
    dispatcher: current.dispatcher,
    getSession: () => current.sessions.current(),
    knownWebContentsIds,
    allowedOrigins: allowedOrigins(devUrl === undefined ? undefined : new URL(devUrl).origin),
    log,
  })
  mainWindow = createMainWindow()
}

startApp(app, {
  beforeReady() {
    // Privileged schemes and app-wide guards are only accepted before 'ready'.
    protocol.registerSchemesAsPrivileged([
      { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    installAppGuards(app, shell)
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit()
    })
    app.on('activate', () => {
      if (mainWindow === null && runtime !== null) mainWindow = createMainWindow()
    })
    app.on('will-quit', () => {
      void runtime?.close()
      runtime = null
    })
  },
  onReady,
  onSecondInstance() {
    if (mainWindow === null) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  },
  onFatal(error) {
    log('startup_failed', { message: error instanceof Error ? error.message : String(error) })
    app.exit(1)
  },
})
