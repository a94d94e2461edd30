import { z } from 'zod'
import { Id } from './primitives'

const PathItem = z.union([z.string(), z.number()])
export const AppErrorShape = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('VALIDATION'),
    message: z.string(),
    issues: z.array(z.object({ path: z.array(PathItem), message: z.string() })).min(1),
    fields: z.array(z.string()).optional(),
  }),
  z.object({ code: z.literal('FORBIDDEN'), message: z.string() }),
  z.object({ code: z.literal('NOT_FOUND'), message: z.string(), entity: z.string() }),
  z.object({
    code: z.literal('CONFLICT'),
    message: z.string(),
    entity: z.string(),
    id: z.string(),
    expectedVersion: z.number().int().optional(),
    actualVersion: z.number().int().optional(),
    fields: z.array(z.object({ field: z.string(), before: z.json(), mine: z.json(), theirs: z.json() })).optional(),
  }),
  z.object({
    code: z.literal('WORKFLOW'),
    message: z.string(),
    reason: z.string().optional(),
    transition: z.object({ action: z.string().optional(), from: z.string(), to: z.string().nullable() }).optional(),
    fields: z.array(z.string()).optional(),
    details: z
      .object({
        violations: z
          .array(z.object({ code: z.string(), message: z.string(), fields: z.array(z.string()) }))
          .optional(),
      })
      .catchall(z.json())
      .optional(),
  }),
  z.object({ code: z.literal('INTERNAL'), message: z.string(), correlationId: Id }),
])
export type AppErrorData = z.infer<typeof AppErrorShape>
export type ErrorCode = AppErrorData['code']
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData }

/** The only exception a handler throws; the dispatcher turns anything else into INTERNAL. */
export class AppError extends Error {
  readonly data: AppErrorData
  constructor(data: AppErrorData) {
    super(data.message)
    this.name = 'AppError'
    this.data = data
  }
  get code(): ErrorCode {
    return this.data.code
  }
  toJSON(): AppErrorData {
    return this.data
  }
}

export type Issue = { path: (string | number)[]; message: string }

export const internalMessage = (correlationId: string) =>
  `Something went wrong. The error was recorded with reference ${correlationId}.`

type WorkflowExtra = Omit<Extract<AppErrorData, { code: 'WORKFLOW' }>, 'code' | 'message'>
type ConflictData = Omit<Extract<AppErrorData, { code: 'CONFLICT' }>, 'code'>

/** Typed explicitly so that a call narrows like a `throw` (TypeScript needs the annotation for that). */
type Fail = {
  validation(issues: Issue[], message?: string): never
  field(path: string, message: string): never
  forbidden(message: string): never
  notFound(entity: string): never
  workflow(message: string, extra?: WorkflowExtra): never
  conflict(data: ConflictData): never
}

export const fail: Fail = {
  validation(issues: Issue[], message?: string): never {
    const first = issues[0]
    throw new AppError({
      code: 'VALIDATION',
      message: message ?? first?.message ?? 'The input is not valid.',
      issues,
      fields: [...new Set(issues.map((i) => i.path.join('.')))],
    })
  },
  field(path: string, message: string): never {
    return fail.validation([{ path: path.split('.'), message }])
  },
  forbidden(message: string): never {
    throw new AppError({ code: 'FORBIDDEN', message })
  },
  notFound(entity: string): never {
    throw new AppError({ code: 'NOT_FOUND', message: `${entity} not found.`, entity })
  },
  workflow(message: string, extra: WorkflowExtra = {}): never {
    throw new AppError({ code: 'WORKFLOW', message, ...extra })
  },
  conflict(data: ConflictData): never {
    throw new AppError({ code: 'CONFLICT', ...data })
  },
}

/** HTTP status per error code (sync.md §17), used by the harness and the server. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  WORKFLOW: 422,
  INTERNAL: 500,
}
