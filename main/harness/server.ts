import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createReadStream } from 'node:fs'
import { dirname } from 'node:path'
import { AppError, HTTP_STATUS } from '#shared/core/errors'
import { importStream, storedPath } from '../evidence/evidence-store'
import type { Runtime } from '../runtime'
import { CSP } from '../security'
import { createSessionStore } from './sessions'
import { readStatic, staticFile } from './static'

const MAX_BODY = 64 * 1024
const COOKIE = 'rd_session'

export type HarnessOptions = {
  runtime: Runtime
  rendererRoot: string
  port: number
  /** Exposes the clock override and job runner for end-to-end tests; never on in normal use. */
  testApi?: boolean
}

/** The browser harness (DESIGN §3): the built renderer and the catalogue over HTTP, on 127.0.0.1 only. */
export async function startHarness(opts: HarnessOptions) {
  const sessions = createSessionStore()
  const { dispatcher } = opts.runtime
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      process.stderr.write(`harness error: ${String(e)}\n`)
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Request failed.' } })
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/evidence/upload' || url.pathname.startsWith('/evidence/file/'))
      return evidenceRoute(req, res, url)
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      if (!sameOrigin(req))
        return send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Request refused.' } })
      const body = await readJson(req)
      if (body === TOO_LARGE)
        return send(res, 413, {
          ok: false,
          error: {
            code: 'VALIDATION',
            message: 'Request too large.',
            issues: [{ path: [], message: 'Request too large.' }],
          },
        })
      if (url.pathname === '/api/call') return apiCall(req, res, body)
      if (opts.testApi && url.pathname === '/api/test/clock') {
        opts.runtime.clock.set((body as { now?: string | null }).now ?? null)
        return send(res, 200, { ok: true, value: { now: opts.runtime.clock.now() } })
      }
      if (opts.testApi && url.pathname === '/api/test/run-job') {
        const result = await dispatcher.runJob(String((body as { name?: unknown }).name))
        return send(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result)
      }
      return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'Not found.', entity: 'Route' } })
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'Method not allowed' })
    const hit =
      staticFile(opts.rendererRoot, url.pathname) ??
      (url.pathname.includes('.') ? null : staticFile(opts.rendererRoot, '/'))
    if (!hit) {
      res.writeHead(404, securityHeaders('text/plain; charset=utf-8'))
      return void res.end('Not found')
    }
    res.writeHead(200, securityHeaders(hit.type))
    res.end(req.method === 'HEAD' ? undefined : readStatic(hit.file))
  }

  /**
   * Evidence files (controls.md §6.1) in the browser: `POST /evidence/upload?name=&type=` streams the body into
   * the store and answers the metadata the evidence commands carry; `GET /evidence/file/<sha256>` downloads a
   * file the caller sees in a revision. Both run on the signed-in session only.
   */
  async function evidenceRoute(req: IncomingMessage, res: ServerResponse, url: URL) {
    const session = sessions.get(cookie(req, COOKIE))
    const dataDir = dirname(opts.runtime.store.file)
    if (url.pathname === '/evidence/upload') {
      if (req.method !== 'POST') return send(res, 405, { error: 'Method not allowed' })
      if (!sameOrigin(req))
        return send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Request refused.' } })
      const policy = await dispatcher.call({ name: 'evidence.uploadPolicy', input: {}, session })
      if (!policy.ok) {
        req.resume()
        return send(res, HTTP_STATUS[policy.error.code], policy)
      }
      const limit = (policy.value as { max_bytes: number }).max_bytes
      try {
        const file = await importStream(
          dataDir,
          req,
          url.searchParams.get('name') ?? 'evidence',
          url.searchParams.get('type'),
          limit,
        )
        return send(res, 200, { ok: true, value: file })
      } catch (e) {
        if (!(e instanceof AppError)) throw e
        req.resume()
        return send(res, HTTP_STATUS[e.code], { ok: false, error: e.data })
      }
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'Method not allowed' })
    const sha = url.pathname.slice('/evidence/file/'.length)
    const info = await dispatcher.call({ name: 'evidence.fileInfo', input: { file_sha256: sha }, session })
    if (!info.ok) return send(res, HTTP_STATUS[info.error.code], info)
    const file = info.value as { file_name: string | null; file_size: number | null }
    const name = (url.searchParams.get('name') ?? file.file_name ?? 'evidence').replace(/["\\\r\n]/g, '_')
    const stream = createReadStream(storedPath(dataDir, sha))
    stream.once('error', () => {
      if (!res.headersSent)
        send(res, 404, {
          ok: false,
          error: { code: 'NOT_FOUND', message: 'File not on this device.', entity: 'Evidence file' },
        })
      else res.destroy()
    })
    stream.once('open', () => {
      // Always a download, never rendered on the harness origin.
      res.writeHead(200, {
        ...securityHeaders('application/octet-stream'),
        'content-security-policy': "sandbox; default-src 'none'",
        'content-disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      })
      if (req.method === 'HEAD') {
        stream.destroy()
        res.end()
      } else stream.pipe(res)
    })
  }

  async function apiCall(req: IncomingMessage, res: ServerResponse, body: unknown) {
    const { name, input, correlationId } = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
    const token = cookie(req, COOKIE)
    const result = await dispatcher.call({ name, input, session: sessions.get(token), correlationId })
    const effect = dispatcher.sessionEffect(name, result)
    const headers: Record<string, string> = {}
    if (effect && effect !== 'end') {
      sessions.end(token)
      headers['set-cookie'] = `${COOKIE}=${sessions.create(effect.establish)}; HttpOnly; SameSite=Strict; Path=/`
    } else if (effect === 'end') {
      sessions.end(token)
      headers['set-cookie'] = `${COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`
    }
    send(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result, headers)
  }

  await new Promise<void>((resolve) => server.listen(opts.port, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function securityHeaders(type: string): Record<string, string> {
  return {
    'content-type': type,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { ...securityHeaders('application/json; charset=utf-8'), ...headers })
  res.end(JSON.stringify(body))
}

const TOO_LARGE = Symbol('too large')
async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) return TOO_LARGE
    chunks.push(chunk as Buffer)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
  } catch {
    return {}
  }
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return v.join('=')
  }
  return undefined
}

/** Cross-site requests are refused: a browser always sends Origin on POST. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin
  if (!origin) return true
  try {
    const o = new URL(origin)
    return (o.hostname === '127.0.0.1' || o.hostname === 'localhost') && o.host === req.headers.host
  } catch {
    return false
  }
}
