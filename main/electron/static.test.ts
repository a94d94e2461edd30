import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const THIS_FILE = fileURLToPath(import.meta.url)
const REPO = path.resolve(path.dirname(THIS_FILE), '../..')
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|html)$/

function sources(dir: string): string[] {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return []
  }
  return entries.flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(full)
    return SOURCE.test(e.name) && full !== THIS_FILE ? [full] : []
  })
}

/** `key: value` pairs of a top-level YAML block, enough for the flat maps the builder config uses. */
function yamlBlock(text: string, key: string): Record<string, string> {
  const lines = text.split('\n')
  const start = lines.indexOf(`${key}:`)
  const out: Record<string, string> = {}
  for (const line of start < 0 ? [] : lines.slice(start + 1)) {
    if (!line.startsWith('  ')) break
    const m = /^ {2}([\w-]+):\s*(.+?)\s*$/.exec(line)
    if (m?.[1] !== undefined && m[2] !== undefined) out[m[1]] = m[2]
  }
  return out
}

describe('SEC-24 E12 no remote module', () => {
  it('SEC-24 E12: package.json has no @electron/remote dependency', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as Record<string, unknown>
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
      expect(Object.keys((pkg[field] as object | undefined) ?? {}), field).not.toContain('@electron/remote')
    }
  })

  it('SEC-24 E12: no source in main/ or renderer/ mentions enableRemoteModule or @electron/remote', () => {
    const files = [...sources(path.join(REPO, 'main')), ...sources(path.join(REPO, 'renderer'))]
    // The walk must see the shell's own sources, or this test would pass on an empty list.
    expect(files).toContain(path.join(REPO, 'main', 'window.ts'))
    const offenders = files.filter((f) => /enableRemoteModule|@electron\/remote/.test(readFileSync(f, 'utf8')))
    expect(offenders).toEqual([])
  })
})

describe('E13 packaging fuses', () => {
  const config = readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8')

  it('E13: electron-builder.yml sets the five security fuses', () => {
    expect(yamlBlock(config, 'electronFuses')).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      onlyLoadAppFromAsar: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
    })
  })

  it('E13: native addons are unpacked, no rebuild, and the bundled entry is main', () => {
    expect(config).toMatch(/^npmRebuild: false$/m)
    expect(config).toMatch(
      /^asarUnpack:\n {2}- node_modules\/better-sqlite3\/\*\*\n {2}- node_modules\/@node-rs\/\*\*$/m,
    )
    expect(yamlBlock(config, 'extraMetadata')).toEqual({ main: 'dist/main/electron.cjs' })
  })
})
