// The single IPC entry point and its sender check (audit-security.md §5, E9).
import type { Result } from '#shared/core/errors'
import { APP_ORIGIN } from '../security'
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels'

/** What the dispatcher offers; declared here so the shell does not depend on the dispatcher module. */
export interface Dispatcher<S> {
  call(req: { name: unknown; input: unknown; session: S | null }): Promise<Result<unknown>>
}

/** The parts of Electron's WebFrameMain the check reads. */
export interface SenderFrame {
  readonly parent: object | null
  readonly origin: string
  readonly detached?: boolean
}

export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null
  readonly sender: { readonly id: number }
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void
}

export type Log = (event: string, fields: Record<string, unknown>) => void

/** A fresh object per refusal, so no caller can alter the answer the next one gets. */
export const refused = (): Result<never> => ({ ok: false, error: { code: 'FORBIDDEN', message: 'Request refused.' } })

/** app://riskdesk always; the Vite dev origin only when a development build passes one. */
export function allowedOrigins(devOrigin?: string): readonly string[] {
  return devOrigin === undefined ? [APP_ORIGIN] : [APP_ORIGIN, devOrigin]
}

type Rejection = 'no_frame' | 'detached_frame' | 'sub_frame' | 'unknown_web_contents' | 'foreign_origin'

function rejection(
  frame: SenderFrame | null | undefined,
  webContentsId: number,
  knownWebContentsIds: ReadonlySet<number>,
  origins: readonly string[],
): Rejection | null {
  if (frame === null || frame === undefined) return 'no_frame'
  try {
    // Electron throws on a frame disposed mid-call; treat that like a missing frame.
    if (frame.detached === true) return 'detached_frame'
    if (frame.parent !== null) return 'sub_frame'
    if (!knownWebContentsIds.has(webContentsId)) return 'unknown_web_contents'
    return origins.includes(frame.origin) ? null : 'foreign_origin'
  } catch {
    return 'detached_frame'
  }
}

/**
 * E9: a top frame of a window this app created, showing app://riskdesk (or the given dev origin).
 * The window is identified by the sending webContents, since a frame does not name its webContents.
 */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  webContentsId: number,
  knownWebContentsIds: ReadonlySet<number>,
  origins: readonly string[],
): boolean {
  return rejection(frame, webContentsId, knownWebContentsIds, origins) === null
}

const safeOrigin = (frame: SenderFrame | null) => {
  try {
    return frame?.origin ?? null
  } catch {
    return null
  }
}

export interface RegisterIpcDeps<S> {
  dispatcher: Dispatcher<S>
  /** The signed-in session of the calling window; a zero-argument getter is fine for a single window. */
  getSession: (webContentsId: number) => S | null
  /** Live set: the shell adds each window's webContents id on creation and removes it on close. */
  knownWebContentsIds: ReadonlySet<number>
  allowedOrigins: readonly string[]
  log: Log
}

export function registerIpc<S>(ipcMain: IpcMainLike, deps: RegisterIpcDeps<S>): void {
  ipcMain.handle(CALL_CHANNEL, async (event, name, input) => {
    const webContentsId = event.sender.id
    const reason = rejection(event.senderFrame, webContentsId, deps.knownWebContentsIds, deps.allowedOrigins)
    if (reason !== null) {
      // No input in the log: a refused sender's payload is untrusted and may be large.
      deps.log('ipc_sender_rejected', {
        reason,
        webContentsId,
        origin: safeOrigin(event.senderFrame),
        name: typeof name === 'string' ? name.slice(0, 100) : null,
      })
      return refused()
    }
    return deps.dispatcher.call({ name, input, session: deps.getSession(webContentsId) })
  })
}

export interface EventSink {
  send(channel: string, ...args: unknown[]): void
}

/** Main → renderer push; the preload's `on` hands the listener only `payload`. */
export function sendEvent(contents: EventSink, event: string, payload: unknown): void {
  contents.send(EVENT_CHANNEL, event, payload)
}
