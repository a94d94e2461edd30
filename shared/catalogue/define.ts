import type { z } from 'zod'
import type { CommandCtx, PublicCtx, QueryCtx } from './context'

export type SyncMode = 'push' | 'local' | 'online'
export type Concurrency = 'fields' | 'version' | 'none'
export type RefPrefix = 'INC' | 'MSR' | 'RSK' | 'RAC' | 'CTL' | 'KRI' | 'RPT' | 'AIM' | 'AIU' | 'PRM' | 'APR'

type Common<N extends string, I extends z.ZodType> = {
  name: N
  input: I
  summary: string
}

export type CommandDef<N extends string = string, I extends z.ZodType = z.ZodType, O = unknown> = Common<N, I> & {
  kind: 'command'
  auth: 'user'
  sync: SyncMode
  concurrency: Concurrency
  touches: readonly string[]
  /** The dispatcher mints the record id (when the input has none) and, with a prefix, its human reference. */
  creates?: { prefix: RefPrefix | null }
  /** The session may call it while locked (unlock, status, switch user). */
  whileLocked?: boolean
  /** What the transport does with its session after success. */
  session?: 'establish' | 'end'
  handler(ctx: CommandCtx, input: z.output<I>): Promise<O>
}

/** Commands callable without a session: first-run admin creation and sign-in. */
export type PublicCommandDef<N extends string = string, I extends z.ZodType = z.ZodType, O = unknown> = Common<N, I> & {
  kind: 'command'
  auth: 'none'
  sync: 'local'
  concurrency: 'none'
  touches: readonly string[]
  /** What the transport does with its session after success. */
  session?: 'establish' | 'end'
  handler(ctx: PublicCtx, input: z.output<I>): Promise<O>
}

/** Scheduled jobs (spec README §2.10): run by the host's scheduler as `system:<name>`, never by a user. */
export type SystemCommandDef<N extends string = string, I extends z.ZodType = z.ZodType, O = unknown> = Common<N, I> & {
  kind: 'command'
  auth: 'system'
  sync: 'local'
  concurrency: 'none'
  touches: readonly string[]
  intervalMinutes: number
  handler(ctx: PublicCtx, input: z.output<I>): Promise<O>
}

export function defineSystemCommand<const N extends string, I extends z.ZodType, O>(
  def: Omit<SystemCommandDef<N, I, O>, 'kind' | 'auth' | 'sync' | 'concurrency'>,
): SystemCommandDef<N, I, O> {
  return { ...def, kind: 'command', auth: 'system', sync: 'local', concurrency: 'none' }
}

export type QueryDef<N extends string = string, I extends z.ZodType = z.ZodType, O = unknown> = Common<N, I> & {
  kind: 'query'
  auth: 'user' | 'optional'
  whileLocked?: boolean
  handler(ctx: QueryCtx, input: z.output<I>): Promise<O>
}

// The catalogue holds entries of every input and output type; `any` here is the variance escape hatch.
/* eslint-disable @typescript-eslint/no-explicit-any -- heterogeneous catalogue entries */
export type AnyDef =
  | CommandDef<string, any, any>
  | PublicCommandDef<string, any, any>
  | SystemCommandDef<string, any, any>
  | QueryDef<string, any, any>
/* eslint-enable @typescript-eslint/no-explicit-any */

export function defineCommand<const N extends string, I extends z.ZodType, O>(
  def: Omit<CommandDef<N, I, O>, 'kind' | 'auth'>,
): CommandDef<N, I, O> {
  return { ...def, kind: 'command', auth: 'user' }
}

export function definePublicCommand<const N extends string, I extends z.ZodType, O>(
  def: Omit<PublicCommandDef<N, I, O>, 'kind' | 'auth' | 'sync' | 'concurrency'>,
): PublicCommandDef<N, I, O> {
  return { ...def, kind: 'command', auth: 'none', sync: 'local', concurrency: 'none' }
}

export function defineQuery<const N extends string, I extends z.ZodType, O>(
  def: Omit<QueryDef<N, I, O>, 'kind' | 'auth'> & { auth?: 'user' | 'optional' },
): QueryDef<N, I, O> {
  return { ...def, kind: 'query', auth: def.auth ?? 'user' }
}

export type CatalogueOf<T extends readonly AnyDef[]> = { [D in T[number] as D['name']]: D }
export function catalogueOf<const T extends readonly AnyDef[]>(defs: T): CatalogueOf<T> {
  const out: Record<string, AnyDef> = {}
  for (const d of defs) {
    if (out[d.name]) throw new Error(`Duplicate catalogue entry ${d.name}`)
    out[d.name] = d
  }
  return out as CatalogueOf<T>
}
