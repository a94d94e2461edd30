import { dirname, join } from 'node:path'
import { catalogue } from '#shared/catalogue/index'
import type { Session } from '#shared/catalogue/context'
import { createDispatcher, type Dispatcher } from '#shared/catalogue/dispatcher'
import { evidenceFilesService, type DesktopHooks } from './evidence/evidence-store'
import { newId, sha256Hex } from './ids'
import { fileLogger } from './log'
import { startScheduler } from './jobs'
import { argon2Passwords } from './passwords'
import { openStore, type OpenedStore } from './store/open'

export const RULES_VERSION = 1

export type Clock = { now: () => string; set: (iso: string | null) => void }

/** Wall clock with an optional fixed override, which only the test harness exposes. */
export function createClock(): Clock {
  let fixed: string | null = null
  return { now: () => fixed ?? new Date().toISOString(), set: (iso) => void (fixed = iso) }
}

export type Runtime = { store: OpenedStore; dispatcher: Dispatcher; clock: Clock; close(): Promise<void> }

export async function openRuntime(opts: {
  file: string
  logFile?: string | null
  clock?: Clock
  /** The desktop's file dialog and system-app hooks for evidence files; the harness has none. */
  evidenceHooks?: DesktopHooks
}): Promise<Runtime> {
  const clock = opts.clock ?? createClock()
  const store = await openStore(opts.file, { now: clock.now })
  const dispatcher = createDispatcher({
    db: store.db,
    catalogue,
    clock: clock.now,
    newId,
    services: {
      passwords: argon2Passwords,
      sha256Hex,
      // The evidence store lives next to the database, in the application data folder (controls.md §6.1).
      evidenceFiles: evidenceFilesService(dirname(opts.file), opts.evidenceHooks),
    },
    log: fileLogger(opts.logFile === undefined ? join(opts.file, '..', 'logs', 'main.log') : opts.logFile),
    rulesVersion: RULES_VERSION,
  })
  return { store, dispatcher, clock, close: () => store.close() }
}

/** The Electron shell's view: one signed-in user, held in main; sign-in and sign-out move it. */
export async function openDesktopRuntime(dataDir: string, evidenceHooks?: DesktopHooks) {
  const runtime = await openRuntime({
    file: join(dataDir, 'riskdesk.sqlite'),
    ...(evidenceHooks ? { evidenceHooks } : {}),
  })
  let session: Session | null = null
  const { dispatcher } = runtime
  const scheduler = startScheduler(dispatcher, { log: fileLogger(join(dataDir, 'logs', 'main.log')) })
  return {
    dispatcher: {
      async call(req: { name: unknown; input: unknown; session: Session | null }) {
        const result = await dispatcher.call({ ...req, session })
        const effect = dispatcher.sessionEffect(req.name, result)
        if (effect === 'end') session = null
        else if (effect) session = { userId: effect.establish, locked: false }
        return result
      },
    },
    sessions: { current: () => session },
    close: () => {
      scheduler.stop()
      return runtime.close()
    },
  }
}
