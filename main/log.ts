import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Logger } from '#shared/catalogue/dispatcher'

const MAX_BYTES = 10 * 1024 * 1024
const FILES = 5

/** JSON-lines main log, 10 MB × 5 files (audit-security §6). */
export function fileLogger(file: string | null): Logger {
  const write = (level: string, fields: Record<string, unknown>) => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, ...fields }) + '\n'
    if (!file) {
      if (level === 'error') process.stderr.write(line)
      return
    }
    mkdirSync(dirname(file), { recursive: true })
    try {
      if (statSync(file).size > MAX_BYTES) rotate(file)
    } catch {
      // first write: no file yet
    }
    appendFileSync(file, line)
  }
  return { error: (f) => write('error', f), info: (f) => write('info', f) }
}

function rotate(file: string) {
  for (let i = FILES - 1; i >= 1; i--) {
    try {
      renameSync(i === 1 ? file : `${file}.${i - 1}`, `${file}.${i}`)
    } catch {
      // a missing older file is fine
    }
  }
}
