import { EventEmitter } from 'node:events'
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  APP_ORIGIN,
  CSP,
  createAppProtocolHandler,
  installAppGuards,
  installPermissionHandlers,
  installWebContentsGuards,
  isSafeExternalUrl,
  protocolResponseHeaders,
  resolveAppFile,
  type WindowOpenHandler,
} from './security'

const fakeEvent = () => ({
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true
  },
})

class FakeContents extends EventEmitter {
  openHandler: WindowOpenHandler | null = null
  setWindowOpenHandler(handler: WindowOpenHandler) {
    this.openHandler = handler
  }
}

const fakeShell = () => {
  const opened: string[] = []
  return { opened, openExternal: async (url: string) => void opened.push(url) }
}

class FakeSession {
  request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null
  check: (() => boolean) | null = null
  device: (() => boolean) | null = null
  display: ((request: unknown, callback: (streams: null) => void) => void) | null = null
  setPermissionRequestHandler(h: NonNullable<FakeSession['request']>) {
    this.request = h
  }
  setPermissionCheckHandler(h: () => boolean) {
    this.check = h
  }
  setDevicePermissionHandler(h: () => boolean) {
    this.device = h
  }
  setDisplayMediaRequestHandler(h: NonNullable<FakeSession['display']>) {
    this.display = h
  }
}

const NAV_EVENTS = ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const
const NAV_URLS = [
  `${APP_ORIGIN}/index.html`,
  'https://example.com/',
  'http://localhost:5173/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
]

describe('SEC-20 CSP and the app:// protocol (E3, E4)', () => {
  it('SEC-20 E3: the CSP constant is exactly the specified policy', () => {
    expect(CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-src 'none'; frame-ancestors 'none'",
    )
    expect(APP_ORIGIN).toBe('app://riskdesk')
  })

  let base = ''
  let root = ''
  beforeAll(() => {
    base = realpathSync(mkdtempSync(path.join(tmpdir(), 'riskdesk-proto-')))
    root = path.join(base, 'renderer')
    mkdirSync(path.join(root, 'assets'), { recursive: true })
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>RiskDesk</title>')
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(path.join(base, 'main.js'), 'SECRET main')
    writeFileSync(path.join(base, 'renderer-secret.txt'), 'SECRET sibling')
    symlinkSync(path.join(base, 'main.js'), path.join(root, 'escape.js'))
    symlinkSync(base, path.join(root, 'up'))
    symlinkSync(path.join(root, 'assets', 'app.js'), path.join(root, 'inside.js'))
  })
  afterAll(() => rmSync(base, { recursive: true, force: true }))

  it('SEC-20 E4: serves files inside the renderer build folder', () => {
    expect(resolveAppFile(root, 'app://riskdesk/')).toBe(path.join(root, 'index.html'))
    expect(resolveAppFile(root, 'app://riskdesk/index.html')).toBe(path.join(root, 'index.html'))
    expect(resolveAppFile(root, 'app://riskdesk/assets/app.js?v=3#x')).toBe(path.join(root, 'assets', 'app.js'))
    expect(resolveAppFile(root, 'app://riskdesk/inside.js')).toBe(path.join(root, 'assets', 'app.js'))
  })

  it.each([
    'app://riskdesk/../main.js',
    'app://riskdesk/assets/../../main.js',
    // Even when the result would stay inside the folder, a dot segment is refused rather than normalised.
    'app://riskdesk/assets/../index.html',
    'app://riskdesk/assets/%2e%2e/index.html',
    'app://riskdesk/./index.html',
    'app://riskdesk/assets//app.js',
    'app://riskdesk/%2e%2e/main.js',
    'app://riskdesk/%2E%2E/main.js',
    'app://riskdesk/.%2e/main.js',
    'app://riskdesk/%2e%2e%2fmain.js',
    'app://riskdesk/assets%2f..%2f..%2fmain.js',
    'app://riskdesk/..%5cmain.js',
    'app://riskdesk/..\\main.js',
    'app://riskdesk/%252e%252e/main.js',
    'app://riskdesk/escape.js',
    'app://riskdesk/up/main.js',
    'app://riskdesk/../renderer-secret.txt',
    'app://riskdesk/assets',
    'app://riskdesk/missing.js',
    'app://riskdesk/index.html%00.js',
    'app://riskdesk/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('SEC-20 E4: %s → no file', (url) => {
    expect(resolveAppFile(root, url)).toBeNull()
  })

  it('SEC-20 E4: absolute paths → no file', () => {
    const abs = path.join(base, 'main.js')
    expect(resolveAppFile(root, `app://riskdesk/${abs}`)).toBeNull()
    expect(resolveAppFile(root, `app://riskdesk/${encodeURIComponent(abs)}`)).toBeNull()
    expect(resolveAppFile(root, 'app://riskdesk/C:/Windows/win.ini')).toBeNull()
    expect(resolveAppFile(root, 'app://riskdesk/C%3A%5CWindows%5Cwin.ini')).toBeNull()
  })

  it('SEC-20 E4: the handler answers 404 with CSP and nosniff for traversal attempts', async () => {
    const handle = createAppProtocolHandler(root)
    for (const url of ['app://riskdesk/../main.js', 'app://riskdesk/%2e%2e/main.js', 'app://riskdesk/escape.js']) {
      const res = await handle({ url, method: 'GET' })
      expect(res.status).toBe(404)
      expect(await res.text()).not.toContain('SECRET')
      expect(res.headers.get('content-security-policy')).toBe(CSP)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })

  it('SEC-20 E4: served files carry CSP, nosniff and their real content type', async () => {
    const res = await createAppProtocolHandler(root)({ url: 'app://riskdesk/assets/app.js', method: 'GET' })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('console.log(1)')
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toBe(CSP)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(protocolResponseHeaders(path.join(root, 'index.html'))).toEqual({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
    })
  })

  it('SEC-20 E4: only GET and HEAD are served', async () => {
    const res = await createAppProtocolHandler(root)({ url: 'app://riskdesk/index.html', method: 'POST' })
    expect(res.status).toBe(405)
    expect(res.headers.get('content-security-policy')).toBe(CSP)
  })
})

describe('SEC-21 navigation and new windows (E5–E7)', () => {
  it.each(NAV_EVENTS)('SEC-21 E5: %s is prevented for every URL', (name) => {
    const contents = new FakeContents()
    installWebContentsGuards(contents, fakeShell())
    for (const url of NAV_URLS) {
      const event = Object.assign(fakeEvent(), { url })
      contents.emit(name, event, url)
      expect(event.defaultPrevented, `${name} ${url}`).toBe(true)
    }
  })

  it('SEC-21 E5: will-attach-webview is prevented', () => {
    const contents = new FakeContents()
    installWebContentsGuards(contents, fakeShell())
    const event = fakeEvent()
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.com/' })
    expect(event.defaultPrevented).toBe(true)
  })

  const OPEN_TABLE: [string, string | null][] = [
    ['https://example.com/docs?a=1', 'https://example.com/docs?a=1'],
    ['mailto:risk@example.com', 'mailto:risk@example.com'],
    ['http://example.com/', null],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['java\nscript:alert(1)', null],
    [' https://example.com/', null],
    ['app://riskdesk/index.html', null],
    ['ms-settings:privacy', null],
    ['data:text/html,hi', null],
    ['https://user:secret@example.com/', null],
    ['https://example.com@evil.example/', null],
    [`https://example.com/${'a'.repeat(2048)}`, null],
    ['not a url', null],
  ]

  it.each(OPEN_TABLE)('SEC-21 E6: window.open(%j) is denied; handed to the OS: %j', async (url, external) => {
    const contents = new FakeContents()
    const shell = fakeShell()
    installWebContentsGuards(contents, shell)
    expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' })
    await Promise.resolve()
    expect(shell.opened).toEqual(external === null ? [] : [external])
  })

  it('SEC-21 E6: isSafeExternalUrl accepts https/mailto only, without user-info, up to 2048 chars', () => {
    expect(isSafeExternalUrl('https://example.com/')).toBe(true)
    expect(isSafeExternalUrl('mailto:a@example.com')).toBe(true)
    expect(isSafeExternalUrl(`https://example.com/${'a'.repeat(2048 - 20)}`)).toBe(true)
    expect(isSafeExternalUrl(`https://example.com/${'a'.repeat(2048 - 19)}`)).toBe(false)
    expect(isSafeExternalUrl('https://u@example.com/')).toBe(false)
    expect(isSafeExternalUrl('file:///c:/x')).toBe(false)
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false)
    expect(isSafeExternalUrl(42)).toBe(false)
  })

  it('SEC-21 E6: a failing openExternal does not escape as an unhandled rejection', async () => {
    const contents = new FakeContents()
    let rejected = 0
    installWebContentsGuards(contents, { openExternal: () => (rejected++, Promise.reject(new Error('no handler'))) })
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    await new Promise((r) => setTimeout(r, 0))
    expect(rejected).toBe(1)
  })

  it('SEC-21 E7: guards are installed on every webContents the app creates', () => {
    const app = new EventEmitter()
    const shell = fakeShell()
    installAppGuards(app, shell)
    for (const contents of [new FakeContents(), new FakeContents()]) {
      app.emit('web-contents-created', fakeEvent(), contents)
      for (const name of [...NAV_EVENTS, 'will-attach-webview']) {
        const event = fakeEvent()
        contents.emit(name, event, 'https://example.com/')
        expect(event.defaultPrevented, name).toBe(true)
      }
      expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    }
    expect(shell.opened).toEqual([])
  })
})

describe('SEC-22 permissions (E8)', () => {
  const PERMISSIONS = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'display-capture']

  const expectAllDenied = (session: FakeSession) => {
    for (const permission of PERMISSIONS) {
      const answers: boolean[] = []
      session.request?.({}, permission, (granted) => answers.push(granted))
      expect(answers, permission).toEqual([false])
    }
    expect(session.check?.()).toBe(false)
    expect(session.device?.()).toBe(false)
    const streams: unknown[] = []
    session.display?.({}, (s) => streams.push(s))
    expect(streams).toEqual([null])
  }

  it('SEC-22 E8: every permission request, check, device and display-media request is refused', () => {
    const session = new FakeSession()
    installPermissionHandlers(session)
    expectAllDenied(session)
  })

  it('SEC-22 E8: sessions created later (partitions) get the same handlers', () => {
    const app = new EventEmitter()
    installAppGuards(app, fakeShell())
    const session = new FakeSession()
    app.emit('session-created', session)
    expectAllDenied(session)
  })
})
