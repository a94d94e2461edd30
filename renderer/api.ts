import type { CommandName, InputOf, OutputOf } from '#shared/catalogue/types'
import type { AppErrorData, ErrorCode, Result } from '#shared/core/errors'

type Bridge = { call(name: string, input?: unknown): Promise<Result<unknown>> }

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser harness. */
    riskdesk?: Bridge
  }
}

/** UNAVAILABLE is the renderer's own code: the transport failed before the dispatcher could answer. */
export type ApiErrorCode = ErrorCode | 'UNAVAILABLE'
export type ApiIssue = { path: (string | number)[]; message: string }

export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly data: AppErrorData | null
  constructor(code: ApiErrorCode, message: string, data: AppErrorData | null = null) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.data = data
  }
  static from(data: AppErrorData): ApiError {
    return new ApiError(data.code, data.message, data)
  }
  get issues(): ApiIssue[] {
    return this.data?.code === 'VALIDATION' ? this.data.issues : []
  }
  /** Field paths: VALIDATION and WORKFLOW give strings, CONFLICT gives one object per field. */
  get fields(): string[] {
    const d = this.data
    if (d?.code === 'VALIDATION' || d?.code === 'WORKFLOW') return d.fields ?? []
    if (d?.code === 'CONFLICT') return (d.fields ?? []).map((f) => f.field)
    return []
  }
  get correlationId(): string | null {
    return this.data?.code === 'INTERNAL' ? this.data.correlationId : null
  }
}

const UNAVAILABLE = 'RiskDesk could not reach its service. Check that it is running, then try again.'
const SIGN_IN = 'Sign in to continue.'

const sessionEndedListeners = new Set<() => void>()
/** The dispatcher refuses calls once the session is gone (expired, signed out elsewhere). */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener)
  return () => sessionEndedListeners.delete(listener)
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false
  if (body.ok === true) return 'value' in body
  return body.ok === false && 'error' in body && typeof body.error === 'object' && body.error !== null
}

async function viaHttp(name: string, input: unknown, correlationId: string | undefined): Promise<Result<unknown>> {
  let response: Response
  try {
    response = await fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(correlationId === undefined ? { name, input } : { name, input, correlationId }),
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError('UNAVAILABLE', UNAVAILABLE)
  }
  // Errors come back with a 4xx/5xx status and the same Result body: the body decides, not the status.
  const body: unknown = await response.json().catch(() => null)
  if (!isResult(body)) throw new ApiError('UNAVAILABLE', UNAVAILABLE)
  return body
}

async function transport(name: string, input: unknown, correlationId: string | undefined) {
  const bridge = window.riskdesk
  // The preload's bridge has no correlation id parameter; IPC calls get one from the dispatcher.
  if (bridge) return bridge.call(name, input)
  return viaHttp(name, input, correlationId)
}

/** The renderer's one door to the catalogue (STYLE §5): resolves with the value or throws ApiError. */
async function call<N extends CommandName>(
  name: N,
  input: InputOf<N>,
  options: { correlationId?: string } = {},
): Promise<OutputOf<N>> {
  let result: Result<unknown>
  try {
    result = await transport(name, input, options.correlationId)
  } catch (e) {
    throw e instanceof ApiError ? e : new ApiError('UNAVAILABLE', UNAVAILABLE)
  }
  if (result.ok) return result.value as OutputOf<N>
  const error = ApiError.from(result.error)
  if (error.code === 'FORBIDDEN' && error.message === SIGN_IN && name !== 'session.status')
    sessionEndedListeners.forEach((l) => l())
  throw error
}

export const api = { call }

/** Anything caught from a call, as an ApiError (a renderer bug surfaces with a neutral message). */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  return new ApiError('UNAVAILABLE', 'Something went wrong in RiskDesk. Reload the window and try again.')
}
