// The content-addressed evidence file store (controls.md §6.1): `<dataDir>/evidence/<first 2 hex>/<sha256>`.
// Files stream in under a temporary name while SHA-256 is computed, then are renamed into place and made
// read-only. The same bytes are stored once; a stored file is never overwritten or deleted.
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { chmod, copyFile, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, extname, join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { EvidenceFiles } from '#shared/catalogue/context'
import { fail } from '#shared/core/errors'

export type StoredEvidenceFile = { file_sha256: string; file_name: string; file_size: number; media_type: string }

const SHA256 = /^[0-9a-f]{64}$/
const MB = 1024 * 1024

export const evidenceDir = (dataDir: string) => join(dataDir, 'evidence')

/** Where a hash lives; refuses anything that is not 64 lowercase hex (no path tricks). */
export function storedPath(dataDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) fail.field('file_sha256', 'Invalid file hash.')
  return join(evidenceDir(dataDir), sha256.slice(0, 2), sha256)
}

const tooLarge = (maxBytes: number) =>
  fail.field('file', `The file is larger than ${Math.round((maxBytes / MB) * 100) / 100} MB.`)
const empty = () => fail.field('file', 'The file is empty.')

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.txt': 'text/plain',
  '.log': 'text/plain',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.zip': 'application/zip',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.msg': 'application/vnd.ms-outlook',
  '.eml': 'message/rfc822',
}

export const mediaTypeOf = (fileName: string) =>
  MEDIA_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream'

/** A display name safe to store and to use as a temp file name: no folders, no control characters, ≤ 255. */
export function safeFileName(name: string): string {
  const base = basename(name.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .trim()
  const cleaned = base === '' || base === '.' || base === '..' ? 'evidence' : base
  return [...cleaned].slice(0, 255).join('')
}

/**
 * Streams `readable` into the store, hashing while copying. Refuses an empty file and one larger than
 * `maxBytes` (VALIDATION), leaving nothing behind.
 */
export async function importStream(
  dataDir: string,
  readable: Readable | NodeJS.ReadableStream,
  fileName: string,
  mediaType: string | null,
  maxBytes: number,
): Promise<StoredEvidenceFile> {
  const root = evidenceDir(dataDir)
  await mkdir(root, { recursive: true })
  const temp = join(root, `.incoming-${randomBytes(8).toString('hex')}`)
  const hash = createHash('sha256')
  let size = 0
  let over = false
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length
      if (size > maxBytes) {
        over = true
        return done(new Error('too large'))
      }
      hash.update(chunk)
      done(null, chunk)
    },
  })
  try {
    await pipeline(readable as Readable, meter, createWriteStream(temp, { flags: 'wx', mode: 0o600 }))
  } catch (e) {
    await rm(temp, { force: true })
    if (over) tooLarge(maxBytes)
    throw e
  }
  if (size === 0) {
    await rm(temp, { force: true })
    empty()
  }
  const sha = hash.digest('hex')
  const target = storedPath(dataDir, sha)
  if (await isFile(target)) {
    // Content-addressed: the same bytes are already stored; never overwrite them.
    await rm(temp, { force: true })
  } else {
    await mkdir(join(root, sha.slice(0, 2)), { recursive: true })
    await chmod(temp, 0o444)
    await rename(temp, target)
  }
  const name = safeFileName(fileName)
  return {
    file_sha256: sha,
    file_name: name,
    file_size: size,
    media_type: mediaType && mediaType.trim() !== '' ? mediaType.trim().slice(0, 255) : mediaTypeOf(name),
  }
}

/** Imports a file from disk (the desktop's file dialog); size limits are checked before copying. */
export async function importFile(dataDir: string, sourcePath: string, maxBytes: number): Promise<StoredEvidenceFile> {
  const s = await stat(sourcePath)
  if (!s.isFile()) fail.field('file', 'Choose a file.')
  if (s.size === 0) empty()
  if (s.size > maxBytes) tooLarge(maxBytes)
  const name = basename(sourcePath)
  return importStream(dataDir, createReadStream(sourcePath), name, mediaTypeOf(name), maxBytes)
}

/** Imports bytes held in memory (demo seeding). */
export function importBuffer(
  dataDir: string,
  bytes: Uint8Array,
  fileName: string,
  mediaType: string | null,
  maxBytes: number,
): Promise<StoredEvidenceFile> {
  return importStream(dataDir, Readable.from([Buffer.from(bytes)]), fileName, mediaType, maxBytes)
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/** Whether the store holds a file under this hash. */
export async function has(dataDir: string, sha256: string): Promise<boolean> {
  if (!SHA256.test(sha256)) return false
  return isFile(storedPath(dataDir, sha256))
}

/** Recomputes the stored file's SHA-256: MATCH, MISMATCH, or MISSING when there is no file. Reads only. */
export async function verify(dataDir: string, sha256: string): Promise<'MATCH' | 'MISMATCH' | 'MISSING'> {
  if (!(await has(dataDir, sha256))) return 'MISSING'
  const hash = createHash('sha256')
  try {
    await pipeline(createReadStream(storedPath(dataDir, sha256)), hash)
  } catch {
    return 'MISSING'
  }
  return hash.digest('hex') === sha256 ? 'MATCH' : 'MISMATCH'
}

// Opening hands the copy to the system's default application: programs and scripts are never run that way.
const RISKY = new Set(
  '.exe .com .bat .cmd .msi .msp .scr .pif .cpl .ps1 .psm1 .vbs .vbe .js .jse .wsf .wsh .hta .jar .lnk .url .reg .inf .sh .command .app .pkg .dmg .desktop .appimage .run .bin .dll .so .dylib'.split(
    ' ',
  ),
)
export const isRiskyToOpen = (fileName: string) => RISKY.has(extname(fileName).toLowerCase())

/**
 * "Open" (§6.1): copies the stored file to a fresh temporary folder under its original name and returns the
 * copy's path; the stored file stays untouched.
 */
export async function copyForOpening(dataDir: string, sha256: string, fileName: string): Promise<string> {
  if (isRiskyToOpen(fileName)) fail.field('file_sha256', 'This file type cannot be opened from RiskDesk.')
  const source = storedPath(dataDir, sha256)
  if (!(await isFile(source))) fail.notFound('Evidence file')
  const dir = await mkdtemp(join(tmpdir(), 'riskdesk-evidence-'))
  const target = join(dir, safeFileName(fileName))
  await copyFile(source, target)
  await chmod(target, 0o444)
  return target
}

/** The host hooks the desktop adds to the store service (file dialog, system app). */
export type DesktopHooks = {
  /** Shows the native open-file dialog; null when the user cancels. */
  pickFile(): Promise<string | null>
  /** Opens a path with the system's default application. */
  openPath(path: string): Promise<void>
}

/** The `Services.evidenceFiles` of a host whose store lives in `dataDir`. */
export function evidenceFilesService(dataDir: string, hooks?: DesktopHooks): EvidenceFiles {
  return {
    has: (sha) => has(dataDir, sha),
    verify: (sha) => verify(dataDir, sha),
    ...(hooks
      ? {
          async pickAndImport(maxBytes: number) {
            const path = await hooks.pickFile()
            return path === null ? null : importFile(dataDir, path, maxBytes)
          },
          async openCopy(sha: string, fileName: string) {
            await hooks.openPath(await copyForOpening(dataDir, sha, fileName))
          },
        }
      : {}),
  }
}
