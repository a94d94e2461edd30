import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

/** Resolves a URL path to a file inside root, or null: no `..`, encoded separators or symlinks out of it. */
export function staticFile(root: string, urlPath: string): { file: string; type: string } | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/')
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  if (isAbsolute(rel)) return null
  const rootReal = realpathSync(root)
  const candidate = resolve(rootReal, rel)
  if (!inside(rootReal, candidate) || !existsSync(candidate) || !statSync(candidate).isFile()) return null
  const real = realpathSync(candidate)
  if (!inside(rootReal, real)) return null
  return { file: real, type: TYPES[extname(real)] ?? 'application/octet-stream' }
}

function inside(root: string, p: string) {
  const r = relative(root, p)
  return r !== '' && !r.startsWith('..') && !isAbsolute(r) && !r.split(sep).includes('..')
}

export const readStatic = (file: string) => readFileSync(file)
