// Throwaway PostgreSQL cluster for tests.
//
// startPgCluster() runs initdb into a fresh directory under os.tmpdir(), starts a postmaster that listens only on
// 127.0.0.1 (on a free port) and on a Unix socket inside that directory, creates the `riskdesk_test` database and
// returns its URL. stop() shuts the server down and removes the directory. Nothing outside the temp directory is
// touched, so a system cluster (e.g. the one `apt-get install postgresql` starts on 5432) is neither used nor
// disturbed.
//
// When DATABASE_URL is set, that server is used instead and stop() does nothing.
// PG_BINDIR may point at a specific PostgreSQL bin directory (otherwise: pg_config --bindir, then the newest
// /usr/lib/postgresql/<version>/bin, then initdb on PATH).
//
// PostgreSQL refuses to run as root, so when the test process is root (CI containers) initdb, pg_ctl and the server
// run as the `postgres` OS user via runuser, and the temp directory is chowned to that user.

import { execFile, spawnSync } from 'node:child_process'
import { constants, existsSync, readFileSync, rmSync } from 'node:fs'
import { access, chown, mkdtemp, readdir, realpath, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

export interface PgCluster {
  /** postgres://postgres@127.0.0.1:PORT/riskdesk_test (or DATABASE_URL) */
  url: string
  port: number
  /** Temp directory holding the data directory, socket and log; null when DATABASE_URL is used. */
  dir: string | null
  /** Stops the server (pg_ctl stop -m fast) and removes `dir`. Idempotent. */
  stop(): Promise<void>
}

export interface StartPgClusterOptions {
  /** Fixed TCP port; by default a free port is picked (and re-picked if it is taken before the server binds it). */
  port?: number
}

export const TEST_DATABASE = 'riskdesk_test'
const SUPERUSER = 'postgres'
const OS_USER = 'postgres'
const NOT_FOUND = 'PostgreSQL 15 not found: apt-get install -y postgresql'
const REQUIRED_BINARIES = ['initdb', 'pg_ctl', 'postgres'] as const
const START_ATTEMPTS = 5

export async function startPgCluster(opts: StartPgClusterOptions = {}): Promise<PgCluster> {
  const external = process.env['DATABASE_URL']
  if (external !== undefined && external !== '') {
    return { url: external, port: Number(new URL(external).port || 5432), dir: null, stop: async () => {} }
  }

  const binDir = await findPgBinDir()
  const asUser = isRoot() ? await lookupOsUser(OS_USER) : null
  const dir = await mkdtemp(path.join(os.tmpdir(), 'riskdesk-pg-'))
  if (dir.includes("'")) throw new Error(`Temp directory path must not contain a quote: ${dir}`)
  const dataDir = path.join(dir, 'data')
  const logFile = path.join(dir, 'postgres.log')
  const tool = (name: string): string => path.join(binDir, name)
  const exec = (file: string, args: string[]): Promise<string> => run(file, args, { cwd: dir, asUser })

  // Last-resort cleanup if the process exits without calling stop() (crash, process.exit in a test, ...).
  const exitHook = (): void => {
    const [file, args] = withUser(tool('pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w'], asUser)
    if (existsSync(path.join(dataDir, 'postmaster.pid'))) spawnSync(file, args, { cwd: dir, stdio: 'ignore' })
    rmSync(dir, { recursive: true, force: true })
  }
  process.on('exit', exitHook)

  let stopping: Promise<void> | undefined
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      process.off('exit', exitHook)
      let failure: Error | undefined
      if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
        try {
          await exec(tool('pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'])
        } catch (error) {
          failure = error instanceof Error ? error : new Error(String(error))
          await exec(tool('pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '60']).catch(() => {})
        }
      }
      await rm(dir, { recursive: true, force: true })
      if (failure !== undefined) throw failure
    })())

  try {
    if (asUser !== null) await chown(dir, asUser.uid, asUser.gid)
    await exec(tool('initdb'), ['-D', dataDir, '-A', 'trust', '-U', SUPERUSER, '--no-sync', '-E', 'UTF8', '--locale=C'])

    let port = 0
    for (let attempt = 1; ; attempt++) {
      port = opts.port ?? (await findFreePort())
      const serverOptions = [
        `-p ${port}`,
        `-k '${dir}'`,
        '-c listen_addresses=127.0.0.1',
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ].join(' ')
      try {
        await exec(tool('pg_ctl'), ['start', '-w', '-t', '60', '-D', dataDir, '-l', logFile, '-o', serverOptions])
        break
      } catch (error) {
        const portTaken = /could not bind|already in use/i.test(readLog(logFile))
        if (!portTaken || opts.port !== undefined || attempt >= START_ATTEMPTS) throw error
        await rm(logFile, { force: true })
      }
    }

    const admin = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, database: 'postgres' })
    await admin.connect()
    try {
      await createDatabase(admin, TEST_DATABASE)
    } finally {
      await admin.end()
    }

    return { url: `postgres://${SUPERUSER}@127.0.0.1:${port}/${TEST_DATABASE}`, port, dir, stop }
  } catch (error) {
    const log = readLog(logFile)
    await stop().catch(() => {})
    const message = error instanceof Error ? error.message : String(error)
    const logTail = log === '' ? '' : `\n--- postgres.log ---\n${log}`
    throw new Error(`Could not start the test PostgreSQL cluster: ${message}${logTail}`, { cause: error })
  }
}

/**
 * CREATE DATABASE from template1. On PostgreSQL 15+ uses STRATEGY FILE_COPY: for a tiny template that is several
 * times faster than the default WAL_LOG (which writes the whole template into the WAL).
 */
export async function createDatabase(client: pg.Client, name: string): Promise<void> {
  const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num')
  const strategy = Number(rows[0]?.server_version_num ?? 0) >= 150000 ? ' STRATEGY FILE_COPY' : ''
  await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${strategy}`)
}

let binDirPromise: Promise<string> | undefined

/** Directory holding initdb, pg_ctl and postgres. Throws NOT_FOUND when there is none. */
export function findPgBinDir(): Promise<string> {
  return (binDirPromise ??= locateBinDir())
}

async function locateBinDir(): Promise<string> {
  const candidates: string[] = []
  const fromEnv = process.env['PG_BINDIR']
  if (fromEnv !== undefined && fromEnv !== '') candidates.push(fromEnv)

  // pg_config may come from libpq-dev of another major version, hence the binary check below.
  const bindir = await run('pg_config', ['--bindir'], { cwd: os.tmpdir(), asUser: null }).catch(() => '')
  if (bindir.trim() !== '') candidates.push(bindir.trim())

  const versions = await readdir('/usr/lib/postgresql').catch((): string[] => [])
  for (const version of versions.filter((v) => /^\d+(\.\d+)?$/.test(v)).sort((a, b) => Number(b) - Number(a))) {
    candidates.push(path.join('/usr/lib/postgresql', version, 'bin'))
  }

  for (const entry of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (entry === '') continue
    const initdb = await realpath(path.join(entry, 'initdb')).catch(() => null)
    if (initdb !== null) candidates.push(path.dirname(initdb))
  }

  for (const candidate of candidates) {
    if (await hasBinaries(candidate)) return candidate
  }
  const looked = [...new Set(candidates)].join(', ') || 'pg_config, /usr/lib/postgresql/*/bin, PATH'
  throw new Error(`${NOT_FOUND} (looked for ${REQUIRED_BINARIES.join(', ')} in: ${looked})`)
}

async function hasBinaries(dir: string): Promise<boolean> {
  const checks = REQUIRED_BINARIES.map((name) => access(path.join(dir, name), constants.X_OK))
  return Promise.all(checks).then(
    () => true,
    () => false,
  )
}

interface OsUser {
  name: string
  uid: number
  gid: number
}

function isRoot(): boolean {
  return process.getuid?.() === 0
}

async function lookupOsUser(name: string): Promise<OsUser> {
  const opts = { cwd: os.tmpdir(), asUser: null }
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name], opts), run('id', ['-g', name], opts)])
    return { name, uid: Number(uid.trim()), gid: Number(gid.trim()) }
  } catch {
    throw new Error(`Running as root but there is no '${name}' OS user to run PostgreSQL as. ${NOT_FOUND}`)
  }
}

function withUser(file: string, args: string[], asUser: OsUser | null): [string, string[]] {
  if (asUser === null) return [file, args]
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser'].find((p) => existsSync(p)) ?? 'runuser'
  return [runuser, ['-u', asUser.name, '--', file, ...args]]
}

/** Runs a command (as `asUser` if given) and resolves with its stdout; rejects with its output on failure. */
function run(file: string, args: string[], opts: { cwd: string; asUser: OsUser | null }): Promise<string> {
  const [cmd, cmdArgs] = withUser(file, args, opts.asUser)
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C' }
  for (const key of ['PGDATA', 'PGPORT', 'PGHOST', 'PGUSER', 'PGDATABASE', 'PGOPTIONS']) delete env[key]
  return new Promise((resolve, reject) => {
    execFile(cmd, cmdArgs, { cwd: opts.cwd, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error === null) {
        resolve(stdout)
        return
      }
      const status =
        typeof error.code === 'number' ? `exit code ${error.code}` : (error.code ?? error.signal ?? 'error')
      const output = `${stdout}${stderr}`.trim()
      reject(new Error(`${[cmd, ...cmdArgs].join(' ')} failed (${status})${output === '' ? '' : `:\n${output}`}`))
    })
  })
}

function readLog(logFile: string): string {
  try {
    return readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n').trim()
  } catch {
    return ''
  }
}

/** Asks the kernel for a free port by binding port 0 on 127.0.0.1. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address()
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port)
        else reject(new Error(`Unexpected server address: ${String(address)}`))
      })
    })
  })
}
