// Electron hardening (audit-security.md §5, E3–E8) as plain functions: the objects they receive are
// structural stand-ins for Electron's, so Node tests can drive them with fakes.
import { realpathSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
  "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "frame-src 'none'; frame-ancestors 'none'"

export const APP_SCHEME = 'app'
export const APP_ORIGIN = 'app://riskdesk'

const MAX_EXTERNAL_URL = 2048

/** The normalised URL to hand to the OS, or null when it must not leave the app (E6). */
export function safeExternalUrl(url: unknown): string | null {
  // Raw control characters or spaces would be silently stripped by the URL parser and could hide a scheme.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL || /[\u0000-\u0020\u007f]/.test(url)) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'mailto:') return null
  if (parsed.username !== '' || parsed.password !== '') return null
  if (parsed.protocol === 'https:' && parsed.hostname === '') return null
  return parsed.href.length > MAX_EXTERNAL_URL ? null : parsed.href
}

export const isSafeExternalUrl = (url: unknown): boolean => safeExternalUrl(url) !== null

export interface PreventableEvent {
  preventDefault(): void
}
export type WindowOpenHandler = (details: { url: string }) => { action: 'deny' }

/** Overloads rather than a union so Electron's overloaded WebContents.on stays assignable. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent) => void): unknown
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent) => void): unknown
  on(event: 'will-redirect', listener: (event: PreventableEvent) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: WindowOpenHandler): void
}

export interface ExternalShell {
  openExternal(url: string): Promise<void>
}

const prevent = (event: PreventableEvent) => event.preventDefault()

/** E5 + E6: the renderer is a single page; it never navigates, embeds webviews or opens windows. */
export function installWebContentsGuards(contents: GuardedContents, shell: ExternalShell): void {
  contents.on('will-navigate', prevent)
  contents.on('will-frame-navigate', prevent)
  contents.on('will-redirect', prevent)
  contents.on('will-attach-webview', prevent)
  contents.setWindowOpenHandler(({ url }) => {
    const external = safeExternalUrl(url)
    // A failed hand-off (no mail client, say) must not become an unhandled rejection in main.
    if (external !== null) shell.openExternal(external).catch(() => undefined)
    return { action: 'deny' }
  })
}

export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void
  setPermissionCheckHandler(handler: () => boolean): void
  setDevicePermissionHandler(handler: () => boolean): void
  setDisplayMediaRequestHandler(handler: (request: unknown, callback: (streams: null) => void) => void): void
}

/** E8: the renderer gets no browser permission; everything it needs goes through catalogue calls. */
export function installPermissionHandlers(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null))
}

export interface GuardedApp {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown
  on(event: 'session-created', listener: (session: GuardedSession) => void): unknown
}

/** E7: hooks creation itself, so no webContents or session (including partitions) escapes the guards. */
export function installAppGuards(app: GuardedApp, shell: ExternalShell): void {
  app.on('web-contents-created', (_event, contents) => installWebContentsGuards(contents, shell))
  app.on('session-created', (session) => installPermissionHandlers(session))
}

// ---- app:// protocol (E4) ----

const APP_PREFIX = `${APP_ORIGIN}/`
// Vite's output never needs separators, drive colons, control characters or trailing dots/spaces inside a
// segment; refusing them closes encoded traversal and Windows name normalisation ("..  " → "..").
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE_SEGMENT = /[/\\:\u0000-\u001f\u007f]|[. ]$/

const isInside = (root: string, target: string) => {
  const rel = path.relative(root, target)
  return rel !== '' && !path.isAbsolute(rel) && rel.split(path.sep)[0] !== '..'
}

/** The real path of a regular file inside the renderer build folder, or null (→ 404). */
export function resolveAppFile(rendererRoot: string, requestUrl: string): string | null {
  if (requestUrl.slice(0, APP_PREFIX.length).toLowerCase() !== APP_PREFIX) return null
  const rawPath = requestUrl.slice(APP_PREFIX.length).split(/[?#]/, 1)[0] ?? ''
  const segments: string[] = []
  for (const raw of rawPath === '' ? ['index.html'] : rawPath.split('/')) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    if (segment === '' || UNSAFE_SEGMENT.test(segment)) return null
    segments.push(segment)
  }
  try {
    const root = realpathSync(rendererRoot)
    // realpath resolves symlinks, so a link pointing outside the build folder fails the containment check.
    const real = realpathSync(path.join(root, ...segments))
    return isInside(root, real) && statSync(real).isFile() ? real : null
  } catch {
    return null
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

/** Headers of every app:// response; with nosniff the Content-Type must be right or scripts are refused. */
export function protocolResponseHeaders(filePath: string | null): Record<string, string> {
  const type = filePath === null ? 'text/plain; charset=utf-8' : CONTENT_TYPES[path.extname(filePath).toLowerCase()]
  return {
    'Content-Type': type ?? 'application/octet-stream',
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
  }
}

/** The handler given to protocol.handle('app', …). */
export function createAppProtocolHandler(rendererRoot: string) {
  return async (request: { url: string; method: string }): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('Method not allowed', { status: 405, headers: protocolResponseHeaders(null) })
    const file = resolveAppFile(rendererRoot, request.url)
    if (file === null) return new Response('Not found', { status: 404, headers: protocolResponseHeaders(null) })
    let body: Uint8Array<ArrayBuffer> | null = null
    try {
      if (request.method === 'GET') body = new Uint8Array(await readFile(file))
    } catch {
      // The file vanished between the check and the read (a rebuild in development).
      return new Response('Not found', { status: 404, headers: protocolResponseHeaders(null) })
    }
    return new Response(body, { status: 200, headers: protocolResponseHeaders(file) })
  }
}
